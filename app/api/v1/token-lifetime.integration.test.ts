import { describe, expect, it } from "vitest";
import { updateContactDetails } from "@/lib/accounts/contact-details";
import { restoreEmail } from "@/lib/accounts/email-restore";
import { changePassword } from "@/lib/accounts/password-change";
import { requestPasswordReset, resetPassword } from "@/lib/accounts/password-reset";
import { logOutEverywhere } from "@/lib/auth/session-revocation";
import { db } from "@/lib/db/client";
import { newApiToken } from "@/lib/testing/api-tokens";
import { BUYER_PASSWORD, newBuyer } from "@/lib/testing/shop";
import { uniqueEmail, uniqueIp } from "@/lib/testing/users";
import { contactDetailsSchema } from "@/lib/validation/account";
import { GET as listEsims } from "./esims/route";

// Whatever took the account back from someone who had its password, or a session of it, also
// takes back the API tokens they may have made with it.

const NEW_PASSWORD = "a brand new passphrase";
type Buyer = Awaited<ReturnType<typeof newBuyer>>;

const esims = (token: string) =>
  listEsims(new Request("http://127.0.0.1/api/v1/esims", { headers: { authorization: `Bearer ${token}` } }), {
    params: Promise.resolve({}),
  });

async function emailedToken(to: string, template: string): Promise<string> {
  const email = await db.outboxEmail.findFirstOrThrow({ where: { to, template }, orderBy: { createdAt: "desc" } });
  return (email.payload as { token: string }).token;
}

const RECOVERIES: { recovery: string; run: (buyer: Buyer) => Promise<unknown>; passwordAfter: string }[] = [
  {
    recovery: "changing the password",
    run: async (buyer) => {
      const input = { currentPassword: BUYER_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD };
      expect(await changePassword(buyer, input, uniqueIp())).toEqual({ status: "changed" });
    },
    passwordAfter: NEW_PASSWORD,
  },
  {
    recovery: "resetting the password by email",
    run: async (buyer) => {
      await requestPasswordReset(buyer.email, uniqueIp());
      expect(await resetPassword(await emailedToken(buyer.email, "password-reset"), NEW_PASSWORD)).toEqual({
        status: "reset",
      });
    },
    passwordAfter: NEW_PASSWORD,
  },
  { recovery: "logging out of all devices", run: (buyer) => logOutEverywhere(buyer.id), passwordAfter: BUYER_PASSWORD },
  {
    recovery: "the email-restore link",
    run: async (buyer) => {
      await db.user.update({ where: { id: buyer.id }, data: { emailVerified: new Date() } });
      const account = await db.user.findUniqueOrThrow({ where: { id: buyer.id } });
      const details = contactDetailsSchema.parse({
        name: account.name,
        email: uniqueEmail(),
        password: BUYER_PASSWORD,
      });
      expect((await updateContactDetails(account, details, uniqueIp())).status).toBe("saved");
      expect((await restoreEmail(await emailedToken(buyer.email, "email-changed"))).status).toBe("restored");
    },
    passwordAfter: BUYER_PASSWORD,
  },
];

describe("API tokens after the account is taken back", () => {
  it.each(RECOVERIES)("answer 401 after $recovery; another account's do not", async ({ run, passwordAfter }) => {
    const [buyer, other] = await Promise.all([newBuyer(), newBuyer()]);
    const [first, second, others] = await Promise.all([
      newApiToken(buyer, { name: "first" }),
      newApiToken(buyer, { name: "second", expiresIn: "never" }),
      newApiToken(other),
    ]);
    expect((await esims(first.token)).status).toBe(200);

    await run(buyer);

    for (const { token } of [first, second]) {
      const response = await esims(token);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: "invalid_token" } });
    }
    expect((await esims(others.token)).status).toBe(200);
    // Revoked by the same change, in its transaction: at the very instant sessions ended.
    const { sessionsValidFrom } = await db.user.findUniqueOrThrow({ where: { id: buyer.id } });
    const revoked = await db.apiToken.findMany({ where: { userId: buyer.id }, select: { revokedAt: true } });
    expect(revoked).toEqual([{ revokedAt: sessionsValidFrom }, { revokedAt: sessionsValidFrom }]);
    expect(sessionsValidFrom).toBeInstanceOf(Date);
    // A token made afterwards, with the password that holds now, works.
    const afterwards = await newApiToken(buyer, { currentPassword: passwordAfter });
    expect((await esims(afterwards.token)).status).toBe(200);
  });
});

describe("an API token's lifetime", () => {
  it("ends at its expiry: the API answers 401 invalid_token, as for a revoked token", async () => {
    const buyer = await newBuyer();
    const { id, token, expiresAt } = await newApiToken(buyer);
    expect(expiresAt!.getTime() - Date.now()).toBeGreaterThan(89 * 86_400_000);
    expect((await esims(token)).status).toBe(200);

    await db.apiToken.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const response = await esims(token);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toContain('error="invalid_token"');
    expect(await response.json()).toEqual({
      error: { code: "invalid_token", message: expect.stringContaining("expired") },
    });
  });

  it("records its last use through the API, at most once a minute", async () => {
    const buyer = await newBuyer();
    const { id, token } = await newApiToken(buyer);
    const lastUsed = async () => (await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt;

    const before = new Date();
    expect((await esims(token)).status).toBe(200);
    const first = await lastUsed();
    expect(first!.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect((await esims(token)).status).toBe(200);
    expect(await lastUsed()).toEqual(first);

    const aMinuteAgo = new Date(first!.getTime() - 60_000);
    await db.apiToken.update({ where: { id }, data: { lastUsedAt: aMinuteAgo } });
    expect((await esims(token)).status).toBe(200);
    expect((await lastUsed())!.getTime()).toBeGreaterThanOrEqual(first!.getTime());
  });
});
