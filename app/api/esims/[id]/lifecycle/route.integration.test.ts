import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { fulfilCheckout } from "@/lib/orders/fulfilment";
import { newBuyer, paidWithoutDelivery } from "@/lib/testing/shop";
import { POST } from "./route";

// Who the session cookie says is asking; the session itself is tested through Auth.js in
// lib/auth/session-revocation.integration.test.ts.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/auth", () => ({
  auth: async () => (session.userId ? { user: { id: session.userId } } : null),
}));

const APP_ORIGIN = new URL(env().APP_URL).origin;

async function releasedEsim() {
  const { buyer, order, sessionId } = await paidWithoutDelivery();
  await fulfilCheckout(sessionId);
  const esim = await db.esimProfile.findFirstOrThrow({ where: { orderId: order.id } });
  return { buyer, esim };
}

function report(esimId: string, headers: Record<string, string>, body = JSON.stringify({ event: "download" })) {
  const request = new Request(`${APP_ORIGIN}/api/esims/${esimId}/lifecycle`, { method: "POST", headers, body });
  return POST(request, { params: Promise.resolve({ id: esimId }) });
}

const JSON_TYPE = { "content-type": "application/json" };

beforeEach(() => {
  session.userId = null;
});

describe("the lifecycle route accepts only JSON from the site's own pages", () => {
  it.each<{ caller: string; headers: Record<string, string>; status: number }>([
    { caller: "the site's page", headers: { ...JSON_TYPE, origin: APP_ORIGIN }, status: 200 },
    {
      caller: "the site's page, with a charset",
      headers: { "content-type": "Application/JSON; charset=utf-8", origin: APP_ORIGIN },
      status: 200,
    },
    {
      caller: "a browser naming only Sec-Fetch-Site",
      headers: { ...JSON_TYPE, "sec-fetch-site": "same-origin" },
      status: 200,
    },
    { caller: "curl (neither header)", headers: JSON_TYPE, status: 200 },
    { caller: "another site's page", headers: { ...JSON_TYPE, origin: "https://evil.test" }, status: 403 },
    {
      caller: "another port of the same host",
      headers: { ...JSON_TYPE, origin: "http://127.0.0.1:9999" },
      status: 403,
    },
    { caller: "an opaque origin", headers: { ...JSON_TYPE, origin: "null" }, status: 403 },
    {
      caller: "a cross-site browser without Origin",
      headers: { ...JSON_TYPE, "sec-fetch-site": "cross-site" },
      status: 403,
    },
    { caller: "a sibling site without Origin", headers: { ...JSON_TYPE, "sec-fetch-site": "same-site" }, status: 403 },
    { caller: "a form posting text/plain", headers: { "content-type": "text/plain", origin: APP_ORIGIN }, status: 415 },
    {
      caller: "a form posting urlencoded",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: APP_ORIGIN },
      status: 415,
    },
    { caller: "a request without Content-Type", headers: { origin: APP_ORIGIN }, status: 415 },
  ])("$caller → $status", async ({ headers, status }) => {
    const { buyer, esim } = await releasedEsim();
    session.userId = buyer.id;
    const response = await report(esim.id, headers);
    expect(response.status).toBe(status);
    const after = await db.esimProfile.findUniqueOrThrow({ where: { id: esim.id } });
    if (status === 200) {
      expect(await response.json()).toMatchObject({ state: "downloaded" });
      expect(after.state).toBe("DOWNLOADED");
    } else {
      expect(await response.json()).toMatchObject({
        error: { code: status === 403 ? "cross_origin" : "unsupported_media_type" },
      });
      expect(after.state).toBe("RELEASED");
      expect(await db.esimEvent.count({ where: { esimId: esim.id } })).toBe(0);
    }
  });

  it("refuses another site before asking who is signed in, and the signed-out visitor with 401", async () => {
    const { esim } = await releasedEsim();
    expect((await report(esim.id, { ...JSON_TYPE, origin: "https://evil.test" })).status).toBe(403);
    expect((await report(esim.id, { ...JSON_TYPE, origin: APP_ORIGIN })).status).toBe(401);
  });

  it("answers 404 for another account's eSIM and changes nothing", async () => {
    const { esim } = await releasedEsim();
    session.userId = (await newBuyer()).id;
    expect((await report(esim.id, { ...JSON_TYPE, origin: APP_ORIGIN })).status).toBe(404);
    expect((await db.esimProfile.findUniqueOrThrow({ where: { id: esim.id } })).state).toBe("RELEASED");
  });
});
