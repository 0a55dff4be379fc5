import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { newBuyer } from "@/lib/testing/shop";
import { startReceiver } from "@/lib/testing/webhook-receiver";
import { eventFieldName } from "@/lib/validation/webhooks";
import { createEndpoint } from "@/lib/webhooks/endpoints";
import { sendTestEvent } from "@/lib/webhooks/delivery-log";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  replayFailedWebhooks,
  resendWebhookDelivery,
  rotateWebhookSecret,
  sendWebhookTest,
  toggleWebhookEndpoint,
} from "./actions";

const session = vi.hoisted(() => ({ user: null as { id: string; email: string } | null }));

vi.mock("next-intl/server", () => ({ getLocale: async () => "en" }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/navigation", () => ({
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND");
  },
}));
vi.mock("@/lib/auth/session", () => ({
  requireUser: async () => {
    if (!session.user) throw new Error("NEXT_REDIRECT login");
    return session.user;
  },
}));

let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());
beforeEach(() => {
  session.user = null;
});

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}
const EMPTY = { values: {}, fieldErrors: {} };

async function ownersEndpoint() {
  const owner = await newBuyer();
  const created = await createEndpoint(owner.id, { url: receiver.url, eventTypes: ["esim.expired"], description: "" });
  if (created.status !== "created") throw new Error("no endpoint");
  const sent = await sendTestEvent(owner.id, created.endpoint.id, "esim.expired");
  if (sent.status !== "sent") throw new Error("no delivery");
  return { owner, endpointId: created.endpoint.id, deliveryId: sent.deliveryId };
}

// Every action on an endpoint: only its owner may; anyone else's request is 404 and changes
// nothing, and a signed-out visitor is sent to log in.
const ACTIONS = [
  { name: "rotate", run: (id: string) => rotateWebhookSecret(EMPTY, form({ endpointId: id })) },
  { name: "disable", run: (id: string) => toggleWebhookEndpoint(EMPTY, form({ endpointId: id, enabled: "false" })) },
  { name: "delete", run: (id: string) => deleteWebhookEndpoint(EMPTY, form({ endpointId: id })) },
  { name: "send a test", run: (id: string) => sendWebhookTest(EMPTY, form({ endpointId: id, type: "esim.expired" })) },
  {
    name: "replay",
    run: (id: string) => replayFailedWebhooks(EMPTY, form({ endpointId: id, since: "2026-01-01T00:00" })),
  },
  {
    name: "resend",
    run: (id: string, deliveryId: string) => resendWebhookDelivery(EMPTY, form({ endpointId: id, deliveryId })),
  },
];

describe("webhook endpoint actions", () => {
  it.each(
    ACTIONS.flatMap((action) => ["another account", "nobody signed in"].map((caller) => ({ ...action, caller }))),
  )("$name by $caller changes nothing", async ({ run, caller }) => {
    const { endpointId, deliveryId } = await ownersEndpoint();
    const before = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } });
    session.user = caller === "another account" ? await newBuyer() : null;
    await expect(run(endpointId, deliveryId)).rejects.toThrow(
      caller === "another account" ? "NEXT_NOT_FOUND" : "NEXT_REDIRECT",
    );
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } })).toEqual(before);
    expect(await db.webhookDelivery.count({ where: { endpointId } })).toBe(1);
  });

  it.each(ACTIONS)("$name by the owner works", async ({ run }) => {
    const { owner, endpointId, deliveryId } = await ownersEndpoint();
    session.user = owner;
    const state = await run(endpointId, deliveryId);
    expect(state.formError).toBeUndefined();
  });

  it("creates an endpoint for the signed-in user, showing its secret once", async () => {
    await expect(createWebhookEndpoint(EMPTY, form({ url: receiver.url }))).rejects.toThrow("NEXT_REDIRECT");
    const buyer = await newBuyer();
    session.user = buyer;
    expect((await createWebhookEndpoint(EMPTY, form({ url: receiver.url }))).fieldErrors).toEqual({
      eventTypes: ["webhook_event_types_required"],
    });
    const state = await createWebhookEndpoint(
      EMPTY,
      form({ url: receiver.url, description: "shop", [eventFieldName("esim.usage_threshold")]: "on" }),
    );
    expect(state.created?.secret).toMatch(/^whsec_/);
    expect(await db.webhookEndpoint.findFirstOrThrow({ where: { userId: buyer.id } })).toMatchObject({
      eventTypes: ["esim.usage_threshold"],
      description: "shop",
    });
    const refused = await createWebhookEndpoint(
      EMPTY,
      form({ url: "http://10.0.0.1/", [eventFieldName("esim.expired")]: "on" }),
    );
    expect(refused.formError).toBe("private_address");
  });
});
