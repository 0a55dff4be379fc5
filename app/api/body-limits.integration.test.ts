import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as authPost } from "@/app/api/auth/[...nextauth]/route";
import { POST as sessionLifecycle } from "@/app/api/esims/[id]/lifecycle/route";
import { POST as apiEvents } from "@/app/api/v1/esims/[iccid]/events/route";
import { POST as apiScenarios } from "@/app/api/v1/esims/[iccid]/scenarios/route";
import { POST as apiTopUps } from "@/app/api/v1/esims/[iccid]/topups/route";
import { POST as apiUsage } from "@/app/api/v1/esims/[iccid]/usage/route";
import { POST as apiOrders } from "@/app/api/v1/orders/route";
import { PATCH as apiEndpointChange } from "@/app/api/v1/webhook-endpoints/[id]/route";
import { POST as apiEndpointReplay } from "@/app/api/v1/webhook-endpoints/[id]/replay/route";
import { POST as apiEndpointTest } from "@/app/api/v1/webhook-endpoints/[id]/test/route";
import { POST as apiEndpoints } from "@/app/api/v1/webhook-endpoints/route";
import { POST as stripeWebhook } from "@/app/api/webhooks/stripe/route";
import { newApiToken } from "@/lib/testing/api-tokens";
import { db } from "@/lib/db/client";
import { credentialsPost, sessionCookieOf } from "@/lib/testing/sessions";
import { activeEsim, BUYER_PASSWORD } from "@/lib/testing/shop";
import { uniqueIp } from "@/lib/testing/users";
import { MAX_JSON_BODY_BYTES } from "@/lib/validation/api";

// The site's own routes read the signed-in visitor from Next's request context, which tests
// do not have; this stands in for a valid session cookie of `sessionUser`.
let sessionUser: string | null = null;
vi.mock("@/lib/auth/auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/auth")>()),
  auth: async () => (sessionUser ? { user: { id: sessionUser } } : null),
}));

const encoder = new TextEncoder();

// What a client may send: the bytes, and the Content-Length it claims (none: chunked).
type Sent = { body: string | ReadableStream<Uint8Array>; contentLength?: number };

function streamOf(text: string): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode(text));
      controller.close();
    },
  });
}

// A body that never ends: a route that read it whole would never answer.
function endless(): ReadableStream<Uint8Array> {
  return new ReadableStream({
    pull(controller) {
      controller.enqueue(new Uint8Array(16 * 1024).fill(0x20));
    },
  });
}

// Streams need `duplex`, which the DOM's RequestInit does not know yet.
function init({ body, contentLength }: Sent, headers: Record<string, string>) {
  const length: Record<string, string> = contentLength === undefined ? {} : { "content-length": String(contentLength) };
  return { method: "POST", headers: { ...headers, ...length }, body, duplex: "half" } as { body: BodyInit };
}

type Route = {
  name: string;
  limit: number;
  // A body the route takes, and what it answers to it.
  accepted: () => Promise<{ body: string; status: number }>;
  send: (sent: Sent) => Promise<Response>;
};

let esim: Awaited<ReturnType<typeof activeEsim>>["esim"];
let buyer: Awaited<ReturnType<typeof activeEsim>>["buyer"];
let token: string;
beforeAll(async () => {
  ({ esim, buyer } = await activeEsim());
  token = (await newApiToken(buyer, { name: "body limits" })).token;
});

const json = { "content-type": "application/json" };
const apiRequest = (path: string, sent: Sent) =>
  new Request(`http://127.0.0.1/api/v1${path}`, init(sent, { ...json, authorization: `Bearer ${token}` }));
const api = (path: string, sent: Sent) => apiRequest(`/esims/${esim.iccid}${path}`, sent);
const at = () => ({ params: Promise.resolve({ iccid: esim.iccid }) });

// A real credentials post: its headers carry Auth.js's CSRF cookie, its body the form.
async function loginForm() {
  const request = await credentialsPost(buyer.email, BUYER_PASSWORD, uniqueIp());
  return { headers: Object.fromEntries(request.headers), body: await request.text() };
}
let form: Awaited<ReturnType<typeof loginForm>>;

const routes: Route[] = [
  {
    name: "the Stripe webhook",
    limit: 1024 * 1024,
    // Unsigned: a small body is read and its signature checked.
    accepted: async () => ({ body: JSON.stringify({ id: "evt_1", type: "checkout.session.completed" }), status: 400 }),
    send: (sent) => stripeWebhook(new Request("http://127.0.0.1/api/webhooks/stripe", init(sent, json))),
  },
  {
    name: "Auth.js's credentials callback",
    limit: 8 * 1024,
    accepted: async () => {
      form = await loginForm();
      return { body: form.body, status: 302 };
    },
    send: async (sent) => {
      form ??= await loginForm();
      const { "content-length": _ignored, ...headers } = form.headers;
      return authPost(new NextRequest("http://127.0.0.1:3000/api/auth/callback/credentials", init(sent, headers)));
    },
  },
  {
    name: "the API's usage records",
    limit: MAX_JSON_BODY_BYTES,
    accepted: async () => ({ body: JSON.stringify({ record_id: crypto.randomUUID(), data_bytes: 1 }), status: 201 }),
    send: (sent) => apiUsage(api("/usage", sent), at()),
  },
  {
    name: "the API's lifecycle events",
    limit: MAX_JSON_BODY_BYTES,
    // Already enabled: read, understood and refused as a step out of order.
    accepted: async () => ({ body: JSON.stringify({ event: "install" }), status: 409 }),
    send: (sent) => apiEvents(api("/events", sent), at()),
  },
  {
    name: "the session route for the simulated phone",
    limit: MAX_JSON_BODY_BYTES,
    accepted: async () => ({ body: JSON.stringify({ event: "install" }), status: 409 }),
    send: (sent) => {
      sessionUser = buyer.id;
      const request = new Request(`http://127.0.0.1/api/esims/${esim.id}/lifecycle`, init(sent, json));
      return sessionLifecycle(request, { params: Promise.resolve({ id: esim.id }) });
    },
  },
];

describe.each(routes)("$name", ({ limit, accepted, send }) => {
  const oversized = () => " ".repeat(limit + 1);

  it("takes a body within the limit, also sent without a Content-Length", async () => {
    const { body, status } = await accepted();
    expect((await send({ body, contentLength: encoder.encode(body).byteLength })).status).toBe(status);
    const again = await accepted();
    expect((await send({ body: streamOf(again.body) })).status).toBe(again.status);
  });

  it("answers 413 to a body over the limit", async () => {
    const body = oversized();
    const response = await send({ body, contentLength: body.length });
    expect(response.status).toBe(413);
    expect(JSON.stringify(await response.json())).toContain("body_too_large");
  });

  it("answers 413 to a body longer than the Content-Length it declares", async () => {
    expect((await send({ body: oversized(), contentLength: 100 })).status).toBe(413);
    // Within the limit, but still more than it said.
    const { body } = await accepted();
    expect(
      (await send({ body: `${body}${" ".repeat(100)}`, contentLength: encoder.encode(body).byteLength })).status,
    ).toBe(413);
  });

  it("answers 413 to a chunked body without a Content-Length once it passes the limit, without reading the rest", async () => {
    expect((await send({ body: endless() })).status).toBe(413);
  });
});

describe("a refused body", () => {
  it("signs nobody in and records no usage", async () => {
    const { body } = await loginForm();
    const padded = `${body}&padding=${"x".repeat(8 * 1024)}`;
    const login = await routes[1]!.send({ body: padded, contentLength: padded.length });
    expect(login.status).toBe(413);
    expect(sessionCookieOf(login)).toBeUndefined();

    const before = await db.usageRecord.count({ where: { esimId: esim.id } });
    const record = JSON.stringify({
      record_id: crypto.randomUUID(),
      data_bytes: 1,
      note: " ".repeat(MAX_JSON_BODY_BYTES),
    });
    expect((await routes[2]!.send({ body: streamOf(record) })).status).toBe(413);
    expect(await db.usageRecord.count({ where: { esimId: esim.id } })).toBe(before);
  });
});

// The API's other writes read their JSON through the same bounded reader, before they look
// anything up: an oversized body is refused whatever it names.
const endpointId = () => ({ params: Promise.resolve({ id: "we_missing" }) });
const noParams = () => ({ params: Promise.resolve({}) });
const otherApiWrites: { name: string; send: (sent: Sent) => Promise<Response> }[] = [
  { name: "POST /orders", send: (sent) => apiOrders(apiRequest("/orders", sent), noParams()) },
  { name: "POST /esims/{iccid}/topups", send: (sent) => apiTopUps(api("/topups", sent), at()) },
  { name: "POST /esims/{iccid}/scenarios", send: (sent) => apiScenarios(api("/scenarios", sent), at()) },
  { name: "POST /webhook-endpoints", send: (sent) => apiEndpoints(apiRequest("/webhook-endpoints", sent), noParams()) },
  {
    name: "PATCH /webhook-endpoints/{id}",
    send: (sent) =>
      apiEndpointChange(
        new Request("http://127.0.0.1/api/v1/webhook-endpoints/we_missing", {
          ...init(sent, { ...json, authorization: `Bearer ${token}` }),
          method: "PATCH",
        }),
        endpointId(),
      ),
  },
  {
    name: "POST /webhook-endpoints/{id}/test",
    send: (sent) => apiEndpointTest(apiRequest("/webhook-endpoints/we_missing/test", sent), endpointId()),
  },
  {
    name: "POST /webhook-endpoints/{id}/replay",
    send: (sent) => apiEndpointReplay(apiRequest("/webhook-endpoints/we_missing/replay", sent), endpointId()),
  },
];

describe.each(otherApiWrites)("the API's $name", ({ send }) => {
  const oversized = () => " ".repeat(MAX_JSON_BODY_BYTES + 1);

  it("answers 413 to a body over the limit, declared or not, and to one longer than it declares", async () => {
    expect((await send({ body: oversized(), contentLength: MAX_JSON_BODY_BYTES + 1 })).status).toBe(413);
    expect((await send({ body: oversized(), contentLength: 100 })).status).toBe(413);
    expect((await send({ body: endless() })).status).toBe(413);
  });
});
