import { describe, expect, it } from "vitest";
import { confirmEmail } from "./email-verification";
import { registerUser } from "./registration";
import { db } from "../db/client";
import { uniqueEmail, uniqueIp } from "../testing/users";
import { contactDetailsSchema } from "../validation/account";
import { registerSchema } from "../validation/auth";
import { EMAIL_CHANGES_PER_DAY, updateContactDetails } from "./contact-details";

const PASSWORD = "correct horse battery";

async function traveller() {
  const email = uniqueEmail();
  const result = await registerUser(
    registerSchema.parse({ name: "Kenji Sato", email, password: PASSWORD, phone: "+81 80 1111 2222" }),
    "ja",
    uniqueIp(),
  );
  if (result.status !== "created") throw new Error(result.status);
  return db.user.findUniqueOrThrow({ where: { id: result.userId } });
}

const details = (input: Record<string, string>) =>
  contactDetailsSchema.parse({ name: "Kenji Sato", phone: "", ...input });
const stored = (id: string) =>
  db.user.findUniqueOrThrow({ where: { id }, select: { name: true, email: true, phone: true, emailVerified: true } });
const verificationTokensTo = async (to: string) =>
  (await db.outboxEmail.findMany({ where: { to, template: "verify-email" } })).map(
    (email) => (email.payload as { token: string }).token,
  );

describe("updateContactDetails", () => {
  it("changes the name and phone without a password, and leaves the email as it was", async () => {
    const user = await traveller();
    await db.user.update({ where: { id: user.id }, data: { emailVerified: new Date() } });
    const result = await updateContactDetails(
      user,
      details({ name: "佐藤 健二", email: user.email, phone: "+1 (415) 555-0100" }),
      "203.0.113.7",
    );
    expect(result).toEqual({ status: "saved", emailChanged: false });
    expect(await stored(user.id)).toMatchObject({
      name: "佐藤 健二",
      email: user.email,
      phone: "+14155550100",
      emailVerified: expect.any(Date),
    });

    await updateContactDetails(user, details({ email: user.email, phone: "" }), "203.0.113.7");
    expect((await stored(user.id)).phone).toBeNull();
  });

  it("moves the account to a new address only with the current password, and asks to confirm it there", async () => {
    const user = await traveller();
    const [oldLink] = await verificationTokensTo(user.email);
    const newEmail = uniqueEmail();

    expect(await updateContactDetails(user, details({ email: newEmail }), "203.0.113.8")).toEqual({
      status: "password_required",
    });
    expect(
      await updateContactDetails(user, details({ email: newEmail, password: "not my password" }), "203.0.113.8"),
    ).toEqual({ status: "wrong_password" });
    expect((await stored(user.id)).email).toBe(user.email);

    const moved = await updateContactDetails(
      user,
      details({ email: newEmail.toUpperCase(), password: PASSWORD }),
      "203.0.113.8",
    );
    expect(moved).toEqual({ status: "saved", emailChanged: true });
    expect(await stored(user.id)).toMatchObject({ email: newEmail, emailVerified: null });

    // The link sent to the old address no longer confirms anything; the new one does.
    expect(await confirmEmail(oldLink!)).toEqual({ status: "invalid_link" });
    const [newLink] = await verificationTokensTo(newEmail);
    expect(await confirmEmail(newLink!)).toEqual({ status: "verified" });
    expect((await stored(user.id)).emailVerified).toBeInstanceOf(Date);
  });

  it("refuses an address another account uses, and changes nothing", async () => {
    const [user, other] = await Promise.all([traveller(), traveller()]);
    const result = await updateContactDetails(
      user,
      details({ name: "Changed", email: other.email, password: PASSWORD }),
      "203.0.113.9",
    );
    expect(result).toEqual({ status: "email_in_use" });
    expect(await stored(user.id)).toMatchObject({ name: "Kenji Sato", email: user.email });
    expect(await verificationTokensTo(other.email)).toHaveLength(1);
  });

  it("changes an account's address only a few times a day, and still saves the name and phone", async () => {
    const user = await traveller();
    const ip = uniqueIp();
    // Wrong passwords are the login limits' business and use up no change.
    expect(
      await updateContactDetails(user, details({ email: uniqueEmail(), password: "not my password" }), ip),
    ).toEqual({ status: "wrong_password" });
    // Refused because another account has the address: counted, else it would answer for free.
    const other = await traveller();
    expect(await updateContactDetails(user, details({ email: other.email, password: PASSWORD }), ip)).toEqual({
      status: "email_in_use",
    });
    let current = user;
    for (let i = 1; i < EMAIL_CHANGES_PER_DAY; i += 1) {
      const email = uniqueEmail();
      expect(await updateContactDetails(current, details({ email, password: PASSWORD }), ip)).toEqual({
        status: "saved",
        emailChanged: true,
      });
      current = { ...current, email };
    }

    const refused = await updateContactDetails(
      current,
      details({ name: "Changed", email: uniqueEmail(), password: PASSWORD }),
      ip,
    );
    expect(refused.status).toBe("rate_limited");
    expect(refused.status === "rate_limited" && refused.retryAfterSeconds).toBeGreaterThan(23 * 60 * 60);
    expect(await stored(user.id)).toMatchObject({ name: "Kenji Sato", email: current.email });

    expect(await updateContactDetails(current, details({ name: "佐藤 健二", email: current.email }), ip)).toEqual({
      status: "saved",
      emailChanged: false,
    });
    // The limit is the account's: another account, from the same address, changes freely.
    expect(await updateContactDetails(other, details({ email: uniqueEmail(), password: PASSWORD }), ip)).toMatchObject({
      status: "saved",
      emailChanged: true,
    });
  });
});
