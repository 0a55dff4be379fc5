import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { newApiToken } from "@/lib/testing/api-tokens";
import { activeEsim } from "@/lib/testing/shop";
import { GET as openApi } from "../../../openapi.json/route";
import { POST } from "./route";

const world = vi.hoisted(() => ({ production: false }));
vi.mock("@/lib/balance/simulator", async (original) => ({
  ...(await original<typeof import("@/lib/balance/simulator")>()),
  simulatorAvailable: () => !world.production,
}));

const start = (iccid: string, token: string | undefined, body: unknown) =>
  POST(
    new Request(`http://127.0.0.1/api/v1/esims/${iccid}/scenarios`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    { params: Promise.resolve({ iccid }) },
  );

async function owner() {
  const { buyer, esim } = await activeEsim();
  return { buyer, esim, token: (await newApiToken(buyer)).token };
}

// Nothing a refused request could have started: no records, no jobs, no outage, the same state.
async function untouched(esim: { id: string; userId: string }) {
  expect(await db.usageRecord.count({ where: { esimId: esim.id } })).toBe(0);
  expect(await db.smdpOutage.count({ where: { userId: esim.userId } })).toBe(0);
  expect(await db.esimProfile.findUniqueOrThrow({ where: { id: esim.id } })).toMatchObject({ state: "ENABLED" });
  const [row] = await db.$queryRaw<{ count: bigint }[]>`
    SELECT count(*) AS count FROM graphile_worker._private_jobs WHERE payload->>'esimId' = ${esim.id}`;
  expect(Number(row?.count)).toBe(0);
}

describe("POST /api/v1/esims/{iccid}/scenarios", () => {
  it.each([
    { who: "no token", status: 401, code: "missing_token" },
    { who: "a bad token", status: 401, code: "invalid_token" },
    { who: "another account's token", status: 404, code: "not_found" },
  ])("answers $who with $status, and changes nothing", async ({ who, status, code }) => {
    const { esim } = await owner();
    const { token: strangerToken } = await owner();
    const token = who === "no token" ? undefined : who === "a bad token" ? `tabi_${"x".repeat(43)}` : strangerToken;
    for (const body of [{ type: "profile_deleted" }, { type: "smdp_outage", minutes: 5 }]) {
      const response = await start(esim.iccid, token, body);
      expect(response.status).toBe(status);
      expect(await response.json()).toMatchObject({ error: { code } });
    }
    await untouched(esim);
  });

  it.each([
    { body: { type: "usage_stream", mb: 0, hours: 1 }, message: "mb must be at least 1" },
    { body: { type: "usage_stream", mb: 102_401, hours: 1 }, message: "mb must be at most 102400" },
    { body: { type: "usage_stream", mb: 10, hours: 73 }, message: "hours must be at most 72" },
    { body: { type: "usage_stream", mb: 10, hours: 1.5 }, message: "hours must be a whole number" },
    { body: { type: "usage_stream", mb: "10", hours: 1 }, message: "mb must be a number" },
    { body: { type: "dead_zone", mb: 10, minutes: 4 }, message: "minutes must be at least 5" },
    { body: { type: "smdp_outage", minutes: 0 }, message: "minutes must be at least 1" },
    { body: { type: "smdp_outage", minutes: 1441 }, message: "minutes must be at most 1440" },
    { body: { type: "earthquake" }, message: "type must be one of" },
    { body: "{not json", message: "valid JSON" },
  ])("refuses $body with 400 and changes nothing", async ({ body, message }) => {
    const { esim, token } = await owner();
    const response = await start(esim.iccid, token, body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: "invalid_request", message: expect.stringContaining(message) },
    });
    await untouched(esim);
  });

  it("is not there in production, with a message that says so", async () => {
    const { esim, token } = await owner();
    world.production = true;
    try {
      const response = await start(esim.iccid, token, { type: "smdp_outage", minutes: 5 });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({
        error: { code: "not_found", message: expect.stringContaining("not available in production") },
      });
    } finally {
      world.production = false;
    }
    await untouched(esim);
  });

  it("starts each scenario with 202, in the shape the OpenAPI document gives", async () => {
    const document = await openApi().json();
    const operation = document.paths["/esims/{iccid}/scenarios"].post;
    const documented = operation.responses["202"].content["application/json"].schema;
    expect(operation.requestBody.content["application/json"].schema.oneOf).toHaveLength(4);

    const { esim, token } = await owner();
    for (const body of [
      { type: "usage_stream", mb: 100, hours: 1 },
      { type: "dead_zone", mb: 50, minutes: 30 },
      { type: "smdp_outage", minutes: 10 },
      { type: "profile_deleted" },
    ]) {
      const response = await start(esim.iccid, token, body);
      expect(response.status).toBe(202);
      const answer = await response.json();
      expect(Object.keys(answer).sort()).toEqual([...documented.required].sort());
      expect(answer).toMatchObject({ type: body.type, ends_at: expect.stringMatching(/\+09:00$/) });
      expect(documented.properties.type.enum).toContain(answer.type);
    }
    expect(await db.esimProfile.findUniqueOrThrow({ where: { id: esim.id } })).toMatchObject({ state: "DELETED" });
    const again = await start(esim.iccid, token, { type: "profile_deleted" });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: "invalid_transition" } });
    const traffic = await start(esim.iccid, token, { type: "usage_stream", mb: 1, hours: 1 });
    expect(traffic.status).toBe(409);
    expect(await traffic.json()).toMatchObject({ error: { code: "esim_not_active" } });
  });
});
