import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_ID_PLACEHOLDER } from "./gateway";
import { stripeGateway } from "./stripe-gateway";

type Captured = { method?: string; url?: string; headers: IncomingHttpHeaders; body: URLSearchParams };
const captured: Captured[] = [];

// Stands in for api.stripe.com on loopback and answers like it.
const server = createServer(async (req, res) => {
  let body = "";
  for await (const chunk of req) body += chunk;
  captured.push({ method: req.method, url: req.url, headers: req.headers, body: new URLSearchParams(body) });
  res.writeHead(200, { "content-type": "application/json", "request-id": "req_loopback" });
  res.end(JSON.stringify(req.url === "/v1/refunds" ? REFUND : SESSION));
});

const SESSION = {
  id: "cs_test_loopback123",
  object: "checkout.session",
  url: "https://checkout.stripe.com/c/pay/cs_test_loopback123",
};
const REFUND = {
  id: "re_loopback123",
  object: "refund",
  amount: 880,
  currency: "jpy",
  payment_intent: "pi_loopback123",
  status: "succeeded",
};

let port = 0;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the Stripe gateway", () => {
  it("creates a JPY Checkout Session with the order's reference and an idempotency key", async () => {
    const gateway = stripeGateway("sk_test_loopback", { host: "127.0.0.1", port, protocol: "http" });
    const result = await gateway.createCheckout({
      orderId: "order_123",
      customerEmail: "aiko@example.test",
      currency: "JPY",
      lineItems: [{ name: "NTT Docomo 3 GB · 7 days × 1", unitAmount: 1980, quantity: 1 }],
      successUrl: `https://tabi.example/en/checkout/success?session_id=${SESSION_ID_PLACEHOLDER}`,
      cancelUrl: "https://tabi.example/en/plans/docomo-3gb-7d/checkout?cancelled=1",
    });

    expect(result).toEqual({
      sessionId: "cs_test_loopback123",
      url: "https://checkout.stripe.com/c/pay/cs_test_loopback123",
    });
    const request = captured.find((r) => r.url === "/v1/checkout/sessions");
    expect(request).toMatchObject({ method: "POST" });
    expect(request!.headers["idempotency-key"]).toBe("checkout-order-order_123");
    expect(request!.headers["stripe-version"]).toBe(Stripe.API_VERSION);
    expect(request!.headers.authorization).toBe("Bearer sk_test_loopback");
    expect(Object.fromEntries(request!.body)).toEqual({
      mode: "payment",
      client_reference_id: "order_123",
      customer_email: "aiko@example.test",
      "metadata[orderId]": "order_123",
      "payment_intent_data[metadata][orderId]": "order_123",
      "line_items[0][quantity]": "1",
      "line_items[0][price_data][currency]": "jpy",
      "line_items[0][price_data][unit_amount]": "1980",
      "line_items[0][price_data][product_data][name]": "NTT Docomo 3 GB · 7 days × 1",
      success_url: "https://tabi.example/en/checkout/success?session_id={CHECKOUT_SESSION_ID}",
      cancel_url: "https://tabi.example/en/plans/docomo-3gb-7d/checkout?cancelled=1",
    });
  });

  it("retrieves a session with the URL the buyer pays at while it is open", async () => {
    const gateway = stripeGateway("sk_test_loopback", { host: "127.0.0.1", port, protocol: "http" });
    expect(await gateway.retrieveSession("cs_test_loopback123")).toMatchObject({
      id: "cs_test_loopback123",
      status: "open",
      url: "https://checkout.stripe.com/c/pay/cs_test_loopback123",
    });
    expect(captured.find((r) => r.url === "/v1/checkout/sessions/cs_test_loopback123")).toMatchObject({
      method: "GET",
    });
  });

  it("refunds the session's payment intent with an idempotency key derived from the order", async () => {
    const gateway = stripeGateway("sk_test_loopback", { host: "127.0.0.1", port, protocol: "http" });
    const refund = await gateway.refundPayment({
      orderId: "order_456",
      paymentIntentId: "pi_loopback123",
      amount: 880,
    });

    expect(refund).toEqual({ id: "re_loopback123", status: "succeeded", amount: 880, currency: "JPY" });
    const request = captured.find((r) => r.url === "/v1/refunds");
    expect(request).toMatchObject({ method: "POST" });
    expect(request!.headers["idempotency-key"]).toBe("refund-order-order_456");
    expect(request!.headers["stripe-version"]).toBe(Stripe.API_VERSION);
    expect(Object.fromEntries(request!.body)).toEqual({
      payment_intent: "pi_loopback123",
      amount: "880",
      "metadata[orderId]": "order_456",
    });
  });
});
