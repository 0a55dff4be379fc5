import { describe, expect, it } from "vitest";
import { confirmEmail } from "./email-verification";
import { registerUser } from "./registration";
import { resetPassword, resetTokenIsUsable } from "./password-reset";
import { db } from "../db/client";
import { uniqueEmail, uniqueIp } from "../testing/users";
import { contactDetailsSchema } from "../validation/account";
import { registerSchema } from "../validation/auth";
import { updateContactDetails } from "./contact-details";
import { emailToRestore, restoreEmail } from "./email-restore";

const PASSWORD = "correct horse battery";

async function traveller({ confirmed = true } = {}) {
  const email = uniqueEmail();
  const result = await registerUser(
    registerSchema.parse({ name: "Kenji Sato", email, password: PASSWORD }),
    "ja",
    uniqueIp(),
  );
  if (result.status !== "created") throw new Error(result.status);
  return db.user.update({ where: { id: result.userId }, data: { emailVerified: confirmed ? new Date() : null } });
}

const moveTo = (user: Awaited<ReturnType<typeof traveller>>, email: string) =>
  updateContactDetails(
    user,
    contactDetailsSchema.parse({ name: "Kenji Sato", phone: "", email, password: PASSWORD }),
    "203.0.113.20",
  );

// Someone who knows the password moves the account to an address of theirs.
async function movedAway() {
  const user = await traveller();
  const newEmail = uniqueEmail();
  const moved = await moveTo(user, newEmail);
  if (moved.status !== "saved") throw new Error(moved.status);
  const [notice] = await db.outboxEmail.findMany({ where: { to: user.email, template: "email-changed" } });
  return { user, newEmail, notice: notice!, token: (notice!.payload as { token: string }).token };
}

const account = (id: string) =>
  db.user.findUniqueOrThrow({ where: { id }, select: { email: true, emailVerified: true, sessionsValidFrom: true } });

describe("restoring an email address", () => {
  it("tells the old address, in the same change, with a link that would put it back", async () => {
    const { user, newEmail, notice, token } = await movedAway();
    expect(notice).toMatchObject({ userId: user.id, locale: "ja", status: "PENDING" });
    expect(notice.payload).toMatchObject({ name: "Kenji Sato", newEmail, changedAt: expect.any(String) });
    expect(await emailToRestore(token)).toBe(user.email);
    // Nothing has been restored by looking.
    expect((await account(user.id)).email).toBe(newEmail);
  });

  it("puts the address back confirmed, logs every device out, voids every other link, and hands over a reset", async () => {
    const { user, newEmail, token } = await movedAway();
    const [verifyNewAddress] = await db.outboxEmail.findMany({ where: { to: newEmail, template: "verify-email" } });
    const before = new Date();

    const result = await restoreEmail(token);
    if (result.status !== "restored") throw new Error(result.status);
    const restored = await account(user.id);
    expect(restored.email).toBe(user.email);
    expect(restored.emailVerified!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect(restored.sessionsValidFrom!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect(await confirmEmail((verifyNewAddress!.payload as { token: string }).token)).toEqual({
      status: "invalid_link",
    });

    // The link works once; the reset it hands over works too.
    expect(await restoreEmail(token)).toEqual({ status: "invalid" });
    expect(await emailToRestore(token)).toBeNull();
    expect(await resetTokenIsUsable(result.resetToken)).toBe(true);
    expect(await resetPassword(result.resetToken, "a brand new passphrase")).toEqual({ status: "reset" });
  });

  it("voids the restore link of a later change, so the second address cannot be put back over the first", async () => {
    const { user, newEmail, token } = await movedAway();
    const moved = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    const thirdEmail = uniqueEmail();
    await db.user.update({ where: { id: user.id }, data: { emailVerified: new Date() } });
    await moveTo({ ...moved, emailVerified: new Date() }, thirdEmail);
    const [laterNotice] = await db.outboxEmail.findMany({ where: { to: newEmail, template: "email-changed" } });

    expect((await restoreEmail(token)).status).toBe("restored");
    expect(await restoreEmail((laterNotice!.payload as { token: string }).token)).toEqual({ status: "invalid" });
    expect((await account(user.id)).email).toBe(user.email);
  });

  it("refuses when another account has taken the old address since, and changes nothing", async () => {
    const { user, newEmail, token } = await movedAway();
    await registerUser(
      registerSchema.parse({ name: "Someone Else", email: user.email, password: PASSWORD }),
      "en",
      uniqueIp(),
    );
    const before = await account(user.id);

    expect(await restoreEmail(token)).toEqual({ status: "email_in_use" });
    expect(await account(user.id)).toEqual(before);
    expect(before.email).toBe(newEmail);
    expect(await emailToRestore(token)).toBe(user.email);
  });

  it("sends no way back to an address that was never confirmed: it may be a stranger's typo", async () => {
    const user = await traveller({ confirmed: false });
    expect((await moveTo(user, uniqueEmail())).status).toBe("saved");
    expect(await db.outboxEmail.count({ where: { to: user.email, template: "email-changed" } })).toBe(0);
    expect(await db.userToken.count({ where: { userId: user.id, purpose: "RESTORE_EMAIL" } })).toBe(0);
  });

  it("refuses forged, expired and other kinds of token", async () => {
    const { user, token } = await movedAway();
    expect(await restoreEmail("not-a-token")).toEqual({ status: "invalid" });
    const [verification] = await db.outboxEmail.findMany({
      where: { userId: user.id, template: "verify-email" },
      orderBy: { createdAt: "desc" },
    });
    expect(await restoreEmail((verification!.payload as { token: string }).token)).toEqual({ status: "invalid" });

    await db.userToken.updateMany({
      where: { userId: user.id, purpose: "RESTORE_EMAIL" },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await restoreEmail(token)).toEqual({ status: "invalid" });
  });
});
