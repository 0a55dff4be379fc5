import { Prisma } from "@prisma/client";
import { describe, expect, it, vi } from "vitest";
import { handleWebhookEvent } from "@/lib/payments/webhook-events";
import { signWebhookPayload } from "@/lib/payments/webhook-signature";
import { webhookRequest } from "@/lib/testing/shop";
import { POST } from "./route";

vi.mock("@/lib/payments/webhook-events", () => ({ handleWebhookEvent: vi.fn() }));

const payload = JSON.stringify({ id: "evt_chaos", object: "event", type: "checkout.session.completed", data: {} });

describe("the webhook route while the database is down", () => {
  it("answers 503 so the event is delivered again", async () => {
    vi.mocked(handleWebhookEvent).mockRejectedValueOnce(
      new Prisma.PrismaClientKnownRequestError("Can't reach database server", { code: "P1001", clientVersion: "6" }),
    );
    const response = await POST(webhookRequest(payload, signWebhookPayload(payload)));
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.json()).toEqual({ received: false, result: "unavailable" });
  });

  it("still fails loudly on anything else", async () => {
    vi.mocked(handleWebhookEvent).mockRejectedValueOnce(new Error("a bug"));
    await expect(POST(webhookRequest(payload, signWebhookPayload(payload)))).rejects.toThrow("a bug");
  });
});
