import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { newApiToken } from "@/lib/testing/api-tokens";
import { newBuyer, runQueuedJob } from "@/lib/testing/shop";
import { headerRecord, startReceiver } from "@/lib/testing/webhook-receiver";
import { deliveryJobKey } from "@/lib/webhooks/emit";
import { envelopeSchema, eventDataSchemas, WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/event-types";
import { GET as openApi } from "../openapi.json/route";
import { POST as resend } from "./[id]/deliveries/[deliveryId]/resend/route";
import { GET as deliveries } from "./[id]/deliveries/route";
import { POST as replay } from "./[id]/replay/route";
import { POST as rotate } from "./[id]/rotate-secret/route";
import { DELETE as remove, GET as getOne, PATCH as patch } from "./[id]/route";
import { POST as test } from "./[id]/test/route";
import { GET as list, POST as create } from "./route";

let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());

const url = (path: string) => `http://127.0.0.1/api/v1${path}`;
const request = (method: string, path: string, token?: string, body?: unknown) =>
  new Request(url(path), {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const params = <P>(value: P) => ({ params: Promise.resolve(value) });

async function integrator() {
  const buyer = await newBuyer();
  const { token } = await newApiToken(buyer);
  const response = await create(
    request("POST", "/webhook-endpoints", token, { url: receiver.url, event_types: ["esim.expired"] }),
    params({}),
  );
  expect(response.status).toBe(201);
  const endpoint = await response.json();
  return { buyer, token, endpoint };
}

type Schema = { required?: string[]; properties?: Record<string, unknown>; allOf?: Schema[] };
const componentOf = async (name: string) => (await (await openApi()).json()).components.schemas[name] as Schema;

// An answer has exactly the fields its schema in the OpenAPI document names.
async function conforms(object: Record<string, unknown>, component: string, extra: string[] = []) {
  const schema = await componentOf(component);
  expect(Object.keys(object).sort()).toEqual([...schema.required!, ...extra].sort());
}

describe("the webhook endpoints API", () => {
  it("creates an endpoint (secret shown once), lists, changes, tests, logs and deletes it, as the OpenAPI document says", async () => {
    const { token, endpoint } = await integrator();
    await conforms(endpoint, "WebhookEndpoint", ["secret"]);
    expect(endpoint).toMatchObject({ url: receiver.url, event_types: ["esim.expired"], enabled: true });

    const listed = await (await list(request("GET", "/webhook-endpoints", token), params({}))).json();
    expect(listed.data).toHaveLength(1);
    await conforms(listed.data[0], "WebhookEndpoint");
    expect(listed.data[0].secret).toBeUndefined();

    const changed = await patch(
      request("PATCH", `/webhook-endpoints/${endpoint.id}`, token, { event_types: [...WEBHOOK_EVENT_TYPES] }),
      params({ id: endpoint.id }),
    );
    expect((await changed.json()).event_types).toEqual([...WEBHOOK_EVENT_TYPES]);

    const sent = await test(
      request("POST", `/webhook-endpoints/${endpoint.id}/test`, token, { type: "topup.applied" }),
      params({ id: endpoint.id }),
    );
    expect(sent.status).toBe(202);
    const { delivery_id: deliveryId } = await sent.json();
    await runQueuedJob(deliveryJobKey(deliveryId));
    const received = receiver.received.at(-1)!;
    const payload = new Webhook(endpoint.secret).verify(received.body, headerRecord(received.headers));
    // The payload is what the document's `webhooks` section describes (it is built from this schema).
    expect(envelopeSchema("topup.applied", eventDataSchemas["topup.applied"]).strict().parse(payload)).toEqual(payload);
    const document = await (await openApi()).json();
    expect(Object.keys(document.webhooks).sort()).toEqual([...WEBHOOK_EVENT_TYPES, "webhook.verification"].sort());

    const log = await (
      await deliveries(
        request("GET", `/webhook-endpoints/${endpoint.id}/deliveries`, token),
        params({ id: endpoint.id }),
      )
    ).json();
    await conforms(log.data[0], "WebhookDelivery");
    expect(log.data[0]).toMatchObject({ status: "succeeded", attempts: [{ number: 1, http_status: 200 }] });

    const rotated = await rotate(
      request("POST", `/webhook-endpoints/${endpoint.id}/rotate-secret`, token),
      params({ id: endpoint.id }),
    );
    expect((await rotated.json()).secret).toMatch(/^whsec_/);

    expect(
      (await remove(request("DELETE", `/webhook-endpoints/${endpoint.id}`, token), params({ id: endpoint.id }))).status,
    ).toBe(204);
    expect(
      (await getOne(request("GET", `/webhook-endpoints/${endpoint.id}`, token), params({ id: endpoint.id }))).status,
    ).toBe(404);
  });

  it("pages the delivery log newest first, without repeats, and refuses a cursor it did not make", async () => {
    const { token, endpoint } = await integrator();
    const sent: string[] = [];
    for (const type of ["esim.expired", "esim.installed", "topup.applied"]) {
      const answer = await test(
        request("POST", `/webhook-endpoints/${endpoint.id}/test`, token, { type }),
        params({ id: endpoint.id }),
      );
      sent.unshift((await answer.json()).delivery_id);
    }
    const page = async (query: string) =>
      deliveries(
        request("GET", `/webhook-endpoints/${endpoint.id}/deliveries${query}`, token),
        params({ id: endpoint.id }),
      );

    const first = await (await page("?limit=2")).json();
    expect(first).toMatchObject({ has_more: true, next_cursor: expect.any(String) });
    const second = await (await page(`?limit=2&cursor=${first.next_cursor}`)).json();
    expect(second).toMatchObject({ has_more: false, next_cursor: null });
    expect([...first.data, ...second.data].map((delivery: { id: string }) => delivery.id)).toEqual(sent);

    for (const query of ["?limit=0", "?limit=101", "?cursor=not-a-cursor"]) {
      const refused = await page(query);
      expect(refused.status, query).toBe(400);
      expect((await refused.json()).error.code).toBe("invalid_request");
    }
  });

  it("refuses private addresses and unanswered verifications", async () => {
    const buyer = await newBuyer();
    const { token } = await newApiToken(buyer);
    const refused = await create(
      request("POST", "/webhook-endpoints", token, { url: "http://192.168.1.1/", event_types: ["esim.expired"] }),
      params({}),
    );
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.code).toBe("destination_refused");
    receiver.answer({ status: 404 });
    const unverified = await create(
      request("POST", "/webhook-endpoints", token, { url: receiver.url, event_types: ["esim.expired"] }),
      params({}),
    );
    receiver.answer({ status: 200 });
    expect(unverified.status).toBe(422);
    expect((await unverified.json()).error.code).toBe("verification_failed");
  });

  // Only the token's owner: another account's endpoint (or delivery) is 404, no token is 401.
  it.each([
    {
      route: "GET /{id}",
      call: (t: string | undefined, id: string) => getOne(request("GET", `/x`, t), params({ id })),
    },
    {
      route: "PATCH /{id}",
      call: (t: string | undefined, id: string) =>
        patch(request("PATCH", `/x`, t, { description: "x" }), params({ id })),
    },
    {
      route: "DELETE /{id}",
      call: (t: string | undefined, id: string) => remove(request("DELETE", `/x`, t), params({ id })),
    },
    {
      route: "POST /{id}/rotate-secret",
      call: (t: string | undefined, id: string) => rotate(request("POST", `/x`, t), params({ id })),
    },
    {
      route: "POST /{id}/test",
      call: (t: string | undefined, id: string) =>
        test(request("POST", `/x`, t, { type: "esim.expired" }), params({ id })),
    },
    {
      route: "GET /{id}/deliveries",
      call: (t: string | undefined, id: string) => deliveries(request("GET", `/x`, t), params({ id })),
    },
    {
      route: "POST /{id}/replay",
      call: (t: string | undefined, id: string) =>
        replay(request("POST", `/x`, t, { since: "2026-01-01T00:00:00Z" }), params({ id })),
    },
    {
      route: "POST /{id}/deliveries/{deliveryId}/resend",
      call: (t: string | undefined, id: string, deliveryId = "none") =>
        resend(request("POST", `/x`, t), params({ id, deliveryId })),
    },
  ])("$route: another account's endpoint is 404, no token 401", async ({ call }) => {
    const owner = await integrator();
    const other = await newBuyer();
    const { token: otherToken } = await newApiToken(other);
    const response = await call(otherToken, owner.endpoint.id);
    expect(response.status).toBe(404);
    expect((await call(undefined, owner.endpoint.id)).status).toBe(401);
    // The owner's own endpoint is still there, untouched.
    const mine = await (await getOne(request("GET", "/x", owner.token), params({ id: owner.endpoint.id }))).json();
    expect(mine).toMatchObject({ url: receiver.url, description: "" });
  });
});
