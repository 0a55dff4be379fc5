import { randomUUID } from "node:crypto";
import { decode, encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/auth/[...nextauth]/route";
import { db } from "../db/client";
import { env } from "../env";
import type { EmailPayloads } from "../email/messages";
import { renderEmail } from "../email/render";
import { credentialsPost, sessionCookieOf, sessionFor, signOutPost } from "../testing/sessions";
import { uniqueEmail, uniqueIp } from "../testing/users";
import { registerSchema } from "../validation/auth";
import { verifyCredentials } from "./credentials";
import { LOGIN_FAILURES_PER_ACCOUNT } from "./login-rate-limit";
import { changePassword } from "../accounts/password-change";
import { requestPasswordReset, resetPassword } from "../accounts/password-reset";
import { registerUser } from "../accounts/registration";
import { endSession, pruneEndedSessions, SESSION_MAX_AGE_SECONDS } from "./ended-sessions";
import { logOutEverywhere, signedInSince } from "./session-revocation";

const PASSWORD = "correct horse battery";
const NEW_PASSWORD = "a brand new passphrase";

async function newAccount() {
  const email = uniqueEmail("sessions");
  const result = await registerUser(
    registerSchema.parse({ name: "Yuki Mori", email, password: PASSWORD }),
    "ja",
    uniqueIp(),
  );
  if (result.status !== "created") throw new Error("could not register");
  return { id: result.userId, email };
}

// Signs in through Auth.js's credentials callback and returns the session cookie it issued.
async function signIn(email: string, password = PASSWORD) {
  const cookie = sessionCookieOf(await POST(await credentialsPost(email, password, uniqueIp())));
  if (!cookie) throw new Error(`no session for ${email}`);
  return cookie;
}

async function expectSignedIn(cookie: string, userId: string) {
  const { session } = await sessionFor(cookie);
  expect(session?.user?.id).toBe(userId);
}

async function expectSignedOut(cookie: string) {
  const { session, response } = await sessionFor(cookie);
  expect(session).toBeNull();
  // The browser's stale cookie is cleared as well.
  expect(response.headers.getSetCookie().join("\n")).toMatch(
    /authjs\.session-token=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/i,
  );
}

function changeTo(newPassword: string, currentPassword = PASSWORD) {
  return { currentPassword, newPassword, confirmPassword: newPassword };
}

describe("changing the password", () => {
  it("ends sessions signed in before it and accepts those signed in after", async () => {
    const user = await newAccount();
    const before = await signIn(user.email);
    await expectSignedIn(before, user.id);

    expect(await changePassword(user, changeTo(NEW_PASSWORD), uniqueIp())).toEqual({ status: "changed" });

    await expectSignedOut(before);
    const after = await signIn(user.email, NEW_PASSWORD);
    await expectSignedIn(after, user.id);
    expect((await verifyCredentials({ email: user.email, password: PASSWORD }, uniqueIp())).status).toBe("invalid");
  });

  it("queues a security email in the same change", async () => {
    const user = await newAccount();
    await changePassword(user, changeTo(NEW_PASSWORD), uniqueIp());
    const emails = await db.outboxEmail.findMany({ where: { userId: user.id, template: "password-changed" } });
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ to: user.email, locale: "ja", payload: { name: "Yuki Mori" } });

    const { subject, text } = await renderEmail(
      "password-changed",
      emails[0]!.payload as EmailPayloads["password-changed"],
      "ja",
    );
    expect(subject).toBe("Tabi のパスワードが変更されました");
    expect(text).toContain("Yuki Mori");
    expect(text).toMatch(/\/ja\/forgot-password/);
  });

  it("changes nothing for a wrong current password, and locks like the login after repeated failures", async () => {
    const user = await newAccount();
    const session = await signIn(user.email);
    const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    const ip = uniqueIp();

    for (let i = 0; i < LOGIN_FAILURES_PER_ACCOUNT; i += 1) {
      expect(await changePassword(user, changeTo(NEW_PASSWORD, "not my password"), ip)).toEqual({
        status: "wrong_password",
      });
    }
    const locked = await changePassword(user, changeTo(NEW_PASSWORD), uniqueIp());
    expect(locked.status).toBe("rate_limited");
    expect(locked.status === "rate_limited" && locked.retryAfterSeconds).toBeGreaterThan(60);
    // One counter for every form that takes the password: the login is locked too.
    expect((await verifyCredentials({ email: user.email, password: PASSWORD }, uniqueIp())).status).toBe(
      "rate_limited",
    );

    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      passwordHash,
      sessionsValidFrom: null,
    });
    expect(await db.outboxEmail.count({ where: { userId: user.id, template: "password-changed" } })).toBe(0);
    await expectSignedIn(session, user.id);
  });
});

describe("resetting the password by email", () => {
  it("ends sessions signed in before it and accepts those signed in after", async () => {
    const user = await newAccount();
    const before = await signIn(user.email);
    await requestPasswordReset(user.email, uniqueIp());
    const request = await db.outboxEmail.findFirstOrThrow({ where: { userId: user.id, template: "password-reset" } });
    const { token } = request.payload as { token: string };

    expect(await resetPassword(token, NEW_PASSWORD)).toEqual({ status: "reset" });

    await expectSignedOut(before);
    await expectSignedIn(await signIn(user.email, NEW_PASSWORD), user.id);
    expect(await db.outboxEmail.count({ where: { userId: user.id, template: "password-changed" } })).toBe(1);
  });

  it("stops working once the password was changed on the account page", async () => {
    const user = await newAccount();
    await requestPasswordReset(user.email, uniqueIp());
    const request = await db.outboxEmail.findFirstOrThrow({ where: { userId: user.id, template: "password-reset" } });
    await changePassword(user, changeTo(NEW_PASSWORD), uniqueIp());
    expect(await resetPassword((request.payload as { token: string }).token, "someone else's password")).toEqual({
      status: "invalid_link",
    });
  });
});

describe("logging out of all devices", () => {
  it("ends every session of the account and none of another's", async () => {
    const user = await newAccount();
    const other = await newAccount();
    const [first, second, others] = await Promise.all([signIn(user.email), signIn(user.email), signIn(other.email)]);

    await logOutEverywhere(user.id);

    await expectSignedOut(first);
    await expectSignedOut(second);
    await expectSignedIn(others, other.id);
    await expectSignedIn(await signIn(user.email), user.id);
  });

  it("also ends sessions issued before sign-in times were recorded", () => {
    expect(signedInSince(undefined, null)).toBe(true);
    expect(signedInSince(undefined, new Date())).toBe(false);
    expect(signedInSince(Date.now(), new Date(Date.now() - 1))).toBe(true);
    const now = Date.now();
    expect(signedInSince(now, new Date(now))).toBe(false);
  });
});

describe("logging out", () => {
  const SALT = "authjs.session-token";

  async function sessionIdOf(cookie: string) {
    const token = await decode({ token: cookie.split("=")[1], secret: env().AUTH_SECRET, salt: SALT });
    return token!.sessionId!;
  }

  it("ends that session on the server: a copy of its cookie is refused, the account's other sessions are not", async () => {
    const user = await newAccount();
    const [cookie, otherDevice] = await Promise.all([signIn(user.email), signIn(user.email)]);
    // Someone who copied the cookie holds exactly what the browser sends to log out.
    const copy = cookie;
    await expectSignedIn(copy, user.id);

    const loggedOut = await POST(await signOutPost(cookie));
    expect(loggedOut.status).toBe(302);
    expect(sessionCookieOf(loggedOut)).toBe("authjs.session-token=");

    await expectSignedOut(copy);
    await expectSignedIn(otherDevice, user.id);
    await expectSignedIn(await signIn(user.email), user.id);
  });

  it("remembers the ended session for as long as a copy of its cookie could still be valid", async () => {
    const user = await newAccount();
    const cookie = await signIn(user.email);
    const before = Date.now();
    await POST(await signOutPost(cookie));

    const ended = await db.endedSession.findUniqueOrThrow({ where: { id: await sessionIdOf(cookie) } });
    expect(ended.expiresAt.getTime()).toBeGreaterThanOrEqual(before + SESSION_MAX_AGE_SECONDS * 1000);
    expect(ended.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + SESSION_MAX_AGE_SECONDS * 1000);
  });

  it("gives each sign-in its own session id and keeps it through refreshes of the cookie", async () => {
    const user = await newAccount();
    const [first, second] = await Promise.all([signIn(user.email), signIn(user.email)]);
    expect(await sessionIdOf(first)).not.toBe(await sessionIdOf(second));
    const refreshed = sessionCookieOf((await sessionFor(first)).response);
    expect(refreshed).toBeDefined();
    expect(refreshed).not.toBe(first);
    expect(await sessionIdOf(refreshed!)).toBe(await sessionIdOf(first));
  });

  it("refuses a session token from before sessions had ids, which no logout could end", async () => {
    const user = await newAccount();
    const token = await encode({
      token: { sub: user.id, signedInAt: Date.now() },
      secret: env().AUTH_SECRET,
      salt: SALT,
    });
    await expectSignedOut(`${SALT}=${token}`);
  });
});

describe("pruning ended sessions", () => {
  it("forgets only sessions whose every cookie has expired, and ending one twice changes nothing", async () => {
    const now = new Date();
    const longAgo = randomUUID();
    const recent = randomUUID();
    await endSession(longAgo, new Date(now.getTime() - SESSION_MAX_AGE_SECONDS * 1000 - 1000));
    await endSession(recent, new Date(now.getTime() - SESSION_MAX_AGE_SECONDS * 1000 + 60_000));
    await endSession(recent, now);

    expect(await pruneEndedSessions(now)).toBeGreaterThanOrEqual(1);
    expect(await db.endedSession.findUnique({ where: { id: longAgo } })).toBeNull();
    expect(await db.endedSession.findUnique({ where: { id: recent } })).not.toBeNull();
  });
});
