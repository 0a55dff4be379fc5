import { describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/auth/[...nextauth]/route";
import { credentialsPost, sessionCookieOf, sessionFor } from "../testing/sessions";
import { BUYER_PASSWORD, newBuyer } from "../testing/shop";
import { uniqueIp } from "../testing/users";
import { logOutEverywhere } from "./session-revocation";

// The session check's database read fails while `outage.on`, as pg fails when the server is
// restarting; everything else keeps its database.
const outage = vi.hoisted(() => ({ on: false }));
vi.mock("./session-revocation", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./session-revocation")>();
  return {
    ...actual,
    currentAccountOf: (token: Parameters<typeof actual.currentAccountOf>[0]) => {
      if (outage.on) throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
      return actual.currentAccountOf(token);
    },
  };
});

async function signIn(email: string) {
  const cookie = sessionCookieOf(await POST(await credentialsPost(email, BUYER_PASSWORD, uniqueIp())));
  if (!cookie) throw new Error(`no session for ${email}`);
  return cookie;
}

describe("a session checked while the database is unreachable", () => {
  it("keeps its cookie but vouches for nobody, and is the account's again once the database answers", async () => {
    const buyer = await newBuyer();
    const cookie = await signIn(buyer.email);

    outage.on = true;
    const during = await sessionFor(cookie);
    expect(during.session).toMatchObject({ unavailable: true });
    expect(during.session?.user?.id).toBeUndefined();
    // Not signed out: whatever cookie it sets still holds the session.
    const kept = sessionCookieOf(during.response) ?? cookie;
    expect(kept).not.toBe("authjs.session-token=");

    outage.on = false;
    const after = await sessionFor(kept);
    expect(after.session?.user?.id).toBe(buyer.id);
    expect(after.session).not.toHaveProperty("unavailable");
  });

  it("lets no session through that ended meanwhile", async () => {
    const buyer = await newBuyer();
    const cookie = await signIn(buyer.email);
    outage.on = true;
    const kept = sessionCookieOf((await sessionFor(cookie)).response) ?? cookie;
    outage.on = false;
    await logOutEverywhere(buyer.id);
    expect((await sessionFor(kept)).session).toBeNull();
  });
});
