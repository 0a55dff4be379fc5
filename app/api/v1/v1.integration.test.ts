import { describe, expect, it } from "vitest";
import { revokeApiToken } from "@/lib/api/tokens";
import { MB } from "@/lib/balance/rules";
import { db } from "@/lib/db/client";
import { applyLifecycleEvent } from "@/lib/esim/profiles";
import { fulfilCheckout } from "@/lib/orders/fulfilment";
import { newApiToken } from "@/lib/testing/api-tokens";
import { conformanceProblems } from "@/lib/testing/openapi-conformance";
import { paidWithoutDelivery } from "@/lib/testing/shop";
import { GET as unknownPath } from "./[...path]/route";
import { POST as postEvent } from "./esims/[iccid]/events/route";
import { GET as listTopUps } from "./esims/[iccid]/topups/route";
import { GET as getUsage, POST as postUsage } from "./esims/[iccid]/usage/route";
import { GET as listEsims } from "./esims/route";
import { GET as openApi } from "./openapi.json/route";

type Step = "download" | "install" | "enable";

// A buyer with a fulfilled au 1 GB · 3 days eSIM (15 call minutes), taken as far as `steps`
// go, and an API token.
async function account(steps: Step[] = ["download", "install", "enable"]) {
  const { buyer, order, sessionId } = await paidWithoutDelivery({ planSlug: "au-1gb-3d" });
  expect(await fulfilCheckout(sessionId)).toEqual({ status: "fulfilled" });
  const esim = await db.esimProfile.findFirstOrThrow({ where: { orderId: order.id } });
  for (const step of steps) expect((await applyLifecycleEvent(esim.id, buyer.id, step, "test")).status).toBe("ok");
  const created = await newApiToken(buyer);
  return { buyer, esim, token: created.token, tokenId: created.id };
}

const GB = 1024n * MB;
const url = (path: string) => `http://127.0.0.1/api/v1${path}`;
const auth = (token?: string): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});
const at = (iccid: string) => ({ params: Promise.resolve({ iccid }) });
const noParams = { params: Promise.resolve({}) };

const get = (path: string, token?: string) => new Request(url(path), { headers: auth(token) });
const post = (path: string, token: string | undefined, body: unknown) =>
  new Request(url(path), {
    method: "POST",
    headers: { "content-type": "application/json", ...auth(token) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

const report = (iccid: string, token: string | undefined, body: unknown) =>
  postUsage(post(`/esims/${iccid}/usage`, token, body), at(iccid));
const usageOf = async (iccid: string, token: string) =>
  (await getUsage(get(`/esims/${iccid}/usage`, token), at(iccid))).json();
const recordsOf = (esimId: string) => db.usageRecord.count({ where: { esimId } });
const lifecycle = (iccid: string, token: string | undefined, body: unknown) =>
  postEvent(post(`/esims/${iccid}/events`, token, body), at(iccid));
const profileOf = (esimId: string) =>
  db.esimProfile.findUniqueOrThrow({ where: { id: esimId }, select: { state: true, eid: true, validFrom: true } });

// The example EID of GSMA SGP.29.
const PHONE_EID = "89001012012341234012345678901224";

describe("the v1 API", () => {
  it("answers 401 on every endpoint without a valid token", async () => {
    const { buyer, esim, token, tokenId } = await account();
    const revoked = token;
    await revokeApiToken(buyer.id, tokenId);
    const calls = (credential?: string) => [
      listEsims(get("/esims", credential), noParams),
      getUsage(get(`/esims/${esim.iccid}/usage`, credential), at(esim.iccid)),
      report(esim.iccid, credential, { record_id: "r1", data_bytes: 1 }),
      listTopUps(get(`/esims/${esim.iccid}/topups`, credential), at(esim.iccid)),
      lifecycle(esim.iccid, credential, { event: "disable" }),
    ];

    for (const response of await Promise.all(calls())) {
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe('Bearer realm="Tabi eSIM API"');
      expect(await response.json()).toEqual({ error: { code: "missing_token", message: expect.any(String) } });
    }
    for (const credential of [revoked, "not-a-token"]) {
      for (const response of await Promise.all(calls(credential))) {
        expect(response.status).toBe(401);
        expect(response.headers.get("www-authenticate")).toContain('error="invalid_token"');
        expect(await response.json()).toMatchObject({ error: { code: "invalid_token" } });
      }
    }
    expect(await recordsOf(esim.id)).toBe(0);
    expect((await profileOf(esim.id)).state).toBe("ENABLED");
  });

  it("lists the account's eSIMs with their usage", async () => {
    const { esim, token } = await account();
    const response = await listEsims(get("/esims", token), noParams);
    expect(response.status).toBe(200);
    expect(await conformanceProblems("/esims", "get", response)).toEqual([]);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({
      data: [
        {
          iccid: esim.iccid,
          status: "ACTIVE",
          total: Number(GB),
          remaining: Number(GB),
          is_unlimited: false,
          expired_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT23:59:59\+09:00$/),
          total_voice: 15 * 60,
          remaining_voice: 15 * 60,
          as_of: null,
          carrier: "KDDI_AU",
          plan: "au-1gb-3d",
          profile_state: "enabled",
          eid: expect.stringMatching(/^89\d{30}$/),
        },
      ],
      has_more: false,
      next_cursor: null,
    });
  });

  it("answers 404 for another account's eSIM, and records nothing", async () => {
    const owner = await account();
    const stranger = await account();
    const iccid = owner.esim.iccid;

    const responses = [
      await getUsage(get(`/esims/${iccid}/usage`, stranger.token), at(iccid)),
      await report(iccid, stranger.token, { record_id: "r1", data_bytes: 1_000_000 }),
      await listTopUps(get(`/esims/${iccid}/topups`, stranger.token), at(iccid)),
      await lifecycle(iccid, stranger.token, { event: "delete" }),
      // A malformed body changes nothing: the eSIM is not found first.
      await report(iccid, stranger.token, { record_id: "r1", data_bytes: -1 }),
      await report("8981500000000000000", owner.token, { record_id: "r1", data_bytes: 1 }),
      await getUsage(get("/esims/../../etc/usage", owner.token), at("../../etc")),
    ];
    for (const response of responses) {
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: "not_found" } });
    }
    expect(await recordsOf(owner.esim.id)).toBe(0);
    expect((await profileOf(owner.esim.id)).state).toBe("ENABLED");
    expect((await usageOf(iccid, owner.token)).remaining).toBe(Number(GB));
    expect(
      (await listEsims(get("/esims", stranger.token), noParams).then((r) => r.json())).data.map(
        (u: { iccid: string }) => u.iccid,
      ),
    ).toEqual([stranger.esim.iccid]);
  });

  it.each([
    ["negative", '{"record_id":"r1","data_bytes":-1}', "data_bytes"],
    ["fractional", '{"record_id":"r1","data_bytes":1.5}', "data_bytes"],
    ["over 100 GB", '{"record_id":"r1","data_bytes":107374182401}', "data_bytes"],
    ["beyond a double", '{"record_id":"r1","data_bytes":1e400}', "data_bytes"],
    ["a string", '{"record_id":"r1","data_bytes":"1048576"}', "data_bytes"],
    ["negative voice", '{"record_id":"r1","voice_seconds":-60}', "voice_seconds"],
    ["all zero", '{"record_id":"r1","data_bytes":0}', "greater than 0"],
    ["without a record id", '{"data_bytes":1}', "record_id"],
    [
      "from the future",
      `{"record_id":"r1","data_bytes":1,"occurred_at":"${new Date(Date.now() + 10 * 60_000).toISOString()}"}`,
      "future",
    ],
    ["not JSON", "data_bytes=1", "valid JSON"],
    ["a JSON array", "[1]", "JSON object"],
  ])("answers 400 to usage that is %s, and records nothing", async (_case, body, mentioned) => {
    const { esim, token } = await account();
    const response = await report(esim.iccid, token, body);
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe("invalid_request");
    expect(error.message).toContain(mentioned);
    expect(await recordsOf(esim.id)).toBe(0);
    expect((await usageOf(esim.iccid, token)).remaining).toBe(Number(GB));
  });

  it("reduces remaining by exactly the bytes and seconds reported", async () => {
    const { esim, token } = await account();
    const occurredAt = new Date(Date.now() - 60_000);
    const response = await report(esim.iccid, token, {
      record_id: "cdr:0001",
      data_bytes: 123_456_789,
      voice_seconds: 61,
      occurred_at: occurredAt.toISOString(),
    });
    expect(response.status).toBe(201);
    const usage = await response.json();
    expect(usage).toMatchObject({
      status: "ACTIVE",
      total: Number(GB),
      remaining: Number(GB) - 123_456_789,
      remaining_voice: 15 * 60 - 61,
    });
    expect(usage.as_of).toMatch(/\+09:00$/);
    expect(await usageOf(esim.iccid, token)).toEqual(usage);
    expect(await db.usageRecord.findFirstOrThrow({ where: { esimId: esim.id } })).toMatchObject({
      recordId: "cdr:0001",
      dataBytes: 123_456_789n,
      occurredAt,
      source: "api",
    });
  });

  it("answers as its OpenAPI document says, and the check catches an answer that does not", async () => {
    const { esim, token } = await account();
    const iccid = esim.iccid;
    const checks: [Parameters<typeof conformanceProblems>[0], "get" | "post", Response][] = [
      ["/esims/{iccid}/usage", "get", await getUsage(get(`/esims/${iccid}/usage`, token), at(iccid))],
      ["/esims/{iccid}/usage", "post", await report(iccid, token, { record_id: "r1", data_bytes: 10 })],
      ["/esims/{iccid}/usage", "post", await report(iccid, token, { record_id: "r1", data_bytes: 10 })],
      ["/esims/{iccid}/usage", "post", await report(iccid, token, { record_id: "r2", data_bytes: -1 })],
      ["/esims/{iccid}/events", "post", await lifecycle(iccid, token, { event: "download" })],
      ["/esims/{iccid}/topups", "get", await listTopUps(get(`/esims/${iccid}/topups`, token), at(iccid))],
      [
        "/esims/{iccid}/topups",
        "get",
        await listTopUps(get("/esims/8981500000000000000/topups", token), at("8981500000000000000")),
      ],
      ["/esims", "get", await listEsims(get("/esims", undefined), noParams)],
    ];
    for (const [path, method, response] of checks) {
      expect(await conformanceProblems(path, method, response), `${method} ${path} ${response.status}`).toEqual([]);
    }
    const forged = Response.json(
      { data: [{ iccid: 1 }] },
      { headers: (await listEsims(get("/esims", token), noParams)).headers },
    );
    expect(await conformanceProblems("/esims", "get", forged)).not.toEqual([]);
    expect(await conformanceProblems("/esims", "get", Response.json({}, { status: 418 }))).not.toEqual([]);
  });

  it("counts a repeated record id once", async () => {
    const { esim, token } = await account();
    expect((await report(esim.iccid, token, { record_id: "r1", data_bytes: 1_000_000 })).status).toBe(201);

    const repeats = await Promise.all(
      [1, 2, 3].map(() => report(esim.iccid, token, { record_id: "r1", data_bytes: 1_000_000 })),
    );
    for (const response of repeats) {
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ duplicate: true, usage: { remaining: Number(GB) - 1_000_000 } });
    }
    expect(await recordsOf(esim.id)).toBe(1);
  });

  it("treats the first record of an installed eSIM as its first use", async () => {
    const { esim, token } = await account(["download", "install"]);
    expect((await usageOf(esim.iccid, token)).status).toBe("NOT_ACTIVE");
    const response = await report(esim.iccid, token, { record_id: "first", data_bytes: 1 });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ status: "ACTIVE", expired_at: expect.stringMatching(/\+09:00$/) });
  });

  it("answers 409 for an eSIM that is not on the network or has expired", async () => {
    const released = await account([]);
    const notActive = await report(released.esim.iccid, released.token, { record_id: "r1", data_bytes: 1 });
    expect(notActive.status).toBe(409);
    expect(await notActive.json()).toMatchObject({ error: { code: "esim_not_active" } });

    const { esim, token } = await account();
    await db.esimProfile.update({ where: { id: esim.id }, data: { validUntil: new Date(Date.now() - 60_000) } });
    const expired = await report(esim.iccid, token, { record_id: "r1", data_bytes: 1 });
    expect(expired.status).toBe(409);
    expect(await expired.json()).toMatchObject({
      error: { code: "esim_expired", message: expect.stringContaining("+09:00") },
    });
    expect(await recordsOf(esim.id)).toBe(0);
    expect((await usageOf(esim.iccid, token)).status).toBe("EXPIRED");
  });

  it("scripts an install through lifecycle events, bound to the phone that downloads it", async () => {
    const { esim, token } = await account([]);
    const downloaded = await lifecycle(esim.iccid, token, { event: "download", eid: PHONE_EID });
    expect(downloaded.status).toBe(200);
    expect(await downloaded.json()).toMatchObject({
      iccid: esim.iccid,
      status: "NOT_ACTIVE",
      profile_state: "downloaded",
      eid: PHONE_EID,
      expired_at: null,
    });

    const again = await lifecycle(esim.iccid, token, { event: "download" });
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({
      error: { code: "invalid_transition", message: "Cannot download an eSIM that is downloaded." },
    });

    expect((await lifecycle(esim.iccid, token, { event: "install" })).status).toBe(200);
    const enabled = await lifecycle(esim.iccid, token, { event: "enable" });
    expect(await enabled.json()).toMatchObject({
      status: "ACTIVE",
      profile_state: "enabled",
      eid: PHONE_EID,
      expired_at: expect.stringMatching(/T23:59:59\+09:00$/),
    });
    expect(await profileOf(esim.id)).toMatchObject({ state: "ENABLED", eid: PHONE_EID, validFrom: expect.any(Date) });
  });

  it.each([
    ["not JSON", "{"],
    ["an unknown event", { event: "fly" }],
    ["an EID that fails its check digits", { event: "download", eid: "89001012012341234012345678901225" }],
    ["an EID of the wrong length", { event: "download", eid: "8900101201234" }],
    ["an EID with a step other than download", { event: "install", eid: PHONE_EID }],
  ])("answers 400 to %s and changes nothing", async (_case, body) => {
    const { esim, token } = await account([]);
    const response = await lifecycle(esim.iccid, token, body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "invalid_request", message: expect.any(String) } });
    expect(await profileOf(esim.id)).toEqual({ state: "RELEASED", eid: null, validFrom: null });
  });

  it("lists only the top-ups of the eSIM's carrier", async () => {
    const { esim, token } = await account();
    const response = await listTopUps(get(`/esims/${esim.iccid}/topups`, token), at(esim.iccid));
    expect(response.status).toBe(200);
    const body = await response.json();

    const auPacks = await db.topUpPack.findMany({
      where: { carrierCode: "KDDI_AU", active: true },
      orderBy: { sortOrder: "asc" },
    });
    expect(auPacks.length).toBeGreaterThan(0);
    expect(body.data).toEqual(
      auPacks.map((pack) => ({
        id: pack.slug,
        data_bytes: pack.dataMb * Number(MB),
        days_added: pack.daysAdded,
        price: { amount: pack.priceAmount, currency: pack.currency },
      })),
    );
    expect(body.window).toEqual({ open: true, closes_at: expect.stringMatching(/T23:59:59\+09:00$/), reason: null });
  });

  it("describes itself in OpenAPI 3.1 and answers unknown paths in its error shape", async () => {
    const document = await openApi().json();
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths).sort()).toEqual([
      "/esims",
      "/esims/{iccid}/events",
      "/esims/{iccid}/scenarios",
      "/esims/{iccid}/topups",
      "/esims/{iccid}/usage",
      "/orders",
      "/orders/{ref}",
      "/plans",
      "/plans/{id}",
      "/webhook-endpoints",
      "/webhook-endpoints/{id}",
      "/webhook-endpoints/{id}/deliveries",
      "/webhook-endpoints/{id}/deliveries/{deliveryId}/resend",
      "/webhook-endpoints/{id}/replay",
      "/webhook-endpoints/{id}/rotate-secret",
      "/webhook-endpoints/{id}/test",
    ]);
    for (const [path, item] of Object.entries(document.paths) as [
      string,
      Record<string, { parameters?: { name: string }[] }>,
    ][]) {
      if (item.post)
        expect(
          item.post.parameters?.map((p) => p.name),
          path,
        ).toContain("Idempotency-Key");
    }
    expect(document.paths["/esims/{iccid}/usage"].post.requestBody.content["application/json"].schema).toMatchObject({
      type: "object",
      required: ["record_id"],
      properties: { data_bytes: { type: "integer", minimum: 0, maximum: 107_374_182_400 } },
      additionalProperties: false,
    });

    const response = await unknownPath();
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "not_found" } });
  });
});
