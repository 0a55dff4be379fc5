import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/auth/[...nextauth]/route";
import { apiCallerFor } from "../api/tokens";
import { verifyCredentials } from "../auth/credentials";
import { db } from "../db/client";
import { env } from "../env";
import { newApiToken } from "../testing/api-tokens";
import { credentialsPost, sessionCookieOf, sessionFor } from "../testing/sessions";
import { BUYER_PASSWORD } from "../testing/shop";
import { newAccount } from "../testing/staff";
import { uniqueIp } from "../testing/users";
import { STAFF_SESSION_MAX_AGE_MS } from "./staff-session";

const SALT = "authjs.session-token";
const HOUR_MS = 60 * 60 * 1000;

type SessionBody = { user?: { id: string; role: string; secondFactor: boolean }; sessionId?: string } | null;

async function sessionOf(cookie: string): Promise<SessionBody> {
  return (await sessionFor(cookie)).session as SessionBody;
}

// A cookie as Auth.js would have issued it at `signedInAt`.
async function cookieSignedInAt(userId: string, signedInAt: number, sessionId = randomUUID()) {
  const token = await encode({ token: { sub: userId, signedInAt, sessionId }, secret: env().AUTH_SECRET, salt: SALT });
  return `${SALT}=${token}`;
}

describe("a staff member's session", () => {
  it("carries the role from the database and no second factor until this session passed one", async () => {
    const support = await newAccount("SUPPORT");
    const cookie = sessionCookieOf(await POST(await credentialsPost(support.email, BUYER_PASSWORD, uniqueIp())))!;
    const before = await sessionOf(cookie);
    expect(before?.user).toMatchObject({ id: support.id, role: "SUPPORT", secondFactor: false });

    await db.staffSessionFactor.create({ data: { sessionId: before!.sessionId!, userId: support.id } });
    expect((await sessionOf(cookie))?.user).toMatchObject({ role: "SUPPORT", secondFactor: true });

    // Another session of the same account has not passed it.
    const other = sessionCookieOf(await POST(await credentialsPost(support.email, BUYER_PASSWORD, uniqueIp())))!;
    expect((await sessionOf(other))?.user?.secondFactor).toBe(false);
  });

  it("cannot claim a second factor passed by another account's session of the same id", async () => {
    const [admin, support] = await Promise.all([newAccount("ADMIN"), newAccount("SUPPORT")]);
    const sessionId = randomUUID();
    await db.staffSessionFactor.create({ data: { sessionId, userId: admin.id } });
    const cookie = await cookieSignedInAt(support.id, Date.now(), sessionId);
    expect((await sessionOf(cookie))?.user?.secondFactor).toBe(false);
  });

  it("ends 12 hours after signing in, while a customer's of the same age goes on", async () => {
    const [admin, customer] = await Promise.all([newAccount("ADMIN"), newAccount("CUSTOMER")]);
    const almost = Date.now() - STAFF_SESSION_MAX_AGE_MS + HOUR_MS;
    const over = Date.now() - STAFF_SESSION_MAX_AGE_MS - 1000;
    expect((await sessionOf(await cookieSignedInAt(admin.id, almost)))?.user?.id).toBe(admin.id);
    expect(await sessionOf(await cookieSignedInAt(admin.id, over))).toBeNull();
    expect((await sessionOf(await cookieSignedInAt(customer.id, over)))?.user).toMatchObject({
      id: customer.id,
      role: "CUSTOMER",
      secondFactor: false,
    });
  });

  it("loses the role at once when it is taken away", async () => {
    const support = await newAccount("SUPPORT");
    const cookie = await cookieSignedInAt(support.id, Date.now());
    await db.user.update({ where: { id: support.id }, data: { role: "CUSTOMER" } });
    expect((await sessionOf(cookie))?.user).toMatchObject({ role: "CUSTOMER", secondFactor: false });
    expect((await sessionOf(cookie))?.sessionId).toBeUndefined();
  });
});

describe("a locked account", () => {
  it("cannot sign in, its sessions end and its API tokens are refused, until it is unlocked", async () => {
    const customer = await newAccount();
    const cookie = await cookieSignedInAt(customer.id, Date.now());
    const { token } = await newApiToken(customer);
    await db.user.update({ where: { id: customer.id }, data: { lockedAt: new Date() } });

    expect(await verifyCredentials({ email: customer.email, password: BUYER_PASSWORD }, uniqueIp())).toEqual({
      status: "locked",
    });
    // A stranger guessing learns nothing: a wrong password is just wrong.
    expect(await verifyCredentials({ email: customer.email, password: "not the password" }, uniqueIp())).toEqual({
      status: "invalid",
    });
    expect(await sessionOf(cookie)).toBeNull();
    expect(await apiCallerFor(`Bearer ${token}`)).toBeNull();

    await db.user.update({ where: { id: customer.id }, data: { lockedAt: null } });
    expect((await verifyCredentials({ email: customer.email, password: BUYER_PASSWORD }, uniqueIp())).status).toBe(
      "ok",
    );
    expect((await apiCallerFor(`Bearer ${token}`))?.userId).toBe(customer.id);
  });
});
