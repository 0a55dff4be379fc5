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
  const path = req.url?.split("?")[0] ?? "";
  const failure =
    path === "/v1/refunds" ? REFUND_FAILURES[new URLSearchParams(body).get("payment_intent") ?? ""] : null;
  if (failure) {
    // Asked not to retry, so the SDK hands the first answer back.
    res.writeHead(failure.status, { "content-type": "application/json", "stripe-should-retry": "false" });
    res.end(JSON.stringify({ error: failure.error }));
    return;
  }
  res.writeHead(200, { "content-type": "application/json", "request-id": "req_loopback" });
  res.end(JSON.stringify(path === "/v1/refunds" ? REFUND : (SESSIONS[path] ?? SESSION)));
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

// Stripe's error answers to a refund, by the payment intent asked for.
const REFUND_FAILURES: Record<string, { status: number; error: object }> = {
  pi_already_refunded: {
    status: 400,
    error: {
      type: "invalid_request_error",
      code: "charge_already_refunded",
      message: "Charge ch_1 has already been refunded.",
    },
  },
  pi_missing: {
    status: 404,
    error: { type: "invalid_request_error", code: "resource_missing", message: "No such payment_intent: 'pi_missing'" },
  },
  pi_locked: {
    status: 429,
    error: {
      type: "invalid_request_error",
      code: "lock_timeout",
      message: "This object cannot be accessed right now.",
    },
  },
  pi_key_in_use: {
    status: 409,
    error: { type: "idempotency_error", message: "There is currently another in-progress request using this key." },
  },
  pi_bad_key: { status: 401, error: { type: "invalid_request_error", message: "Invalid API Key provided" } },
  pi_outage: { status: 500, error: { type: "api_error", message: "Something went wrong on Stripe's end." } },
};

// Konbini sessions as Stripe answers them, with the payment intent and its charge expanded.
const KONBINI_INTENT = { id: "pi_konbini", object: "payment_intent", amount: 1480, currency: "jpy" };
const SESSIONS: Record<string, object> = {
  "/v1/checkout/sessions/cs_test_voucher": {
    ...SESSION,
    id: "cs_test_voucher",
    status: "complete",
    payment_status: "unpaid",
    payment_intent: {
      ...KONBINI_INTENT,
      latest_charge: null,
      next_action: {
        type: "konbini_display_details",
        konbini_display_details: {
          expires_at: 1796741999,
          hosted_voucher_url: "https://payments.stripe.com/konbini/voucher/test_123",
          stores: {
            familymart: { confirmation_number: "22222222220", payment_code: "123456789012" },
            lawson: { confirmation_number: "22222222220", payment_code: "234567890123" },
            ministop: { confirmation_number: "22222222220", payment_code: "345678901234" },
            seicomart: { confirmation_number: "22222222220", payment_code: "456789012345" },
          },
        },
      },
    },
  },
  "/v1/checkout/sessions/cs_test_paid_at_lawson": {
    ...SESSION,
    id: "cs_test_paid_at_lawson",
    status: "complete",
    payment_status: "paid",
    payment_intent: {
      ...KONBINI_INTENT,
      next_action: null,
      latest_charge: {
        id: "ch_1",
        payment_method_details: { type: "konbini", konbini: { store: { chain: "lawson" } } },
      },
    },
  },
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
      paymentMethodTypes: ["card"],
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
      "allowed_payment_method_types[0]": "card",
      success_url: "https://tabi.example/en/checkout/success?session_id={CHECKOUT_SESSION_ID}",
      cancel_url: "https://tabi.example/en/plans/docomo-3gb-7d/checkout?cancelled=1",
    });
  });

  it("offers the configured methods, with Konbini's deadline and WeChat Pay's web client", async () => {
    const gateway = stripeGateway("sk_test_loopback", { host: "127.0.0.1", port, protocol: "http" });
    await gateway.createCheckout({
      orderId: "order_methods",
      customerEmail: "aiko@example.test",
      currency: "JPY",
      lineItems: [{ name: "KDDI au 3 GB · 7 days × 1", unitAmount: 1480, quantity: 1 }],
      paymentMethodTypes: ["card", "konbini", "paypay", "alipay", "wechat_pay", "paypal"],
      successUrl: `https://tabi.example/en/checkout/success?session_id=${SESSION_ID_PLACEHOLDER}`,
      cancelUrl: "https://tabi.example/en/plans/au-3gb-7d/checkout?cancelled=1",
    });
    const request = captured.findLast((r) => r.url === "/v1/checkout/sessions");
    const body = Object.fromEntries(request!.body);
    expect(
      Object.entries(body)
        .filter(([key]) => key.startsWith("allowed_payment_method_types"))
        .map(([, value]) => value),
    ).toEqual(["card", "konbini", "paypay", "alipay", "wechat_pay", "paypal"]);
    expect(body).toMatchObject({
      "payment_method_options[konbini][expires_after_days]": "3",
      "payment_method_options[wechat_pay][client]": "web",
    });
  });

  it("reads a Konbini voucher while it waits, and the store once it is paid", async () => {
    const gateway = stripeGateway("sk_test_loopback", { host: "127.0.0.1", port, protocol: "http" });
    expect(await gateway.retrieveSession("cs_test_voucher")).toMatchObject({
      status: "complete",
      paymentStatus: "unpaid",
      paymentMethod: null,
      konbiniVoucher: {
        confirmationNumber: "22222222220",
        paymentCodes: {
          familymart: "123456789012",
          lawson: "234567890123",
          ministop: "345678901234",
          seicomart: "456789012345",
        },
        amount: 1480,
        currency: "JPY",
        expiresAt: new Date(1796741999 * 1000).toISOString(),
        hostedVoucherUrl: "https://payments.stripe.com/konbini/voucher/test_123",
      },
    });
    expect(await gateway.retrieveSession("cs_test_paid_at_lawson")).toMatchObject({
      paymentStatus: "paid",
      paymentIntentId: "pi_konbini",
      paymentMethod: { type: "konbini", store: "lawson" },
      konbiniVoucher: null,
    });
    const retrieval = captured.find((r) => r.url?.startsWith("/v1/checkout/sessions/cs_test_voucher"));
    const query = [...new URL(retrieval!.url!, "http://loopback").searchParams];
    expect(query.filter(([key]) => key.startsWith("expand")).map(([, value]) => value)).toEqual([
      "payment_intent.latest_charge",
    ]);
  });

  it("retrieves a session with the URL the buyer pays at while it is open", async () => {
    const gateway = stripeGateway("sk_test_loopback", { host: "127.0.0.1", port, protocol: "http" });
    expect(await gateway.retrieveSession("cs_test_loopback123")).toMatchObject({
      id: "cs_test_loopback123",
      status: "open",
      url: "https://checkout.stripe.com/c/pay/cs_test_loopback123",
    });
    expect(captured.find((r) => r.url?.startsWith("/v1/checkout/sessions/cs_test_loopback123"))).toMatchObject({
      method: "GET",
    });
  });

  it("refunds the session's payment intent with the caller's idempotency key", async () => {
    const gateway = stripeGateway("sk_test_loopback", { host: "127.0.0.1", port, protocol: "http" });
    const refund = await gateway.refundPayment({
      orderId: "order_456",
      paymentIntentId: "pi_loopback123",
      amount: 880,
      idempotencyKey: "refund-order-order_456",
    });

    expect(refund).toEqual({
      id: "re_loopback123",
      status: "succeeded",
      amount: 880,
      currency: "JPY",
      actionUrl: null,
    });
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

  it("asks Stripe to email a Konbini buyer for the bank account a refund goes to", async () => {
    const gateway = stripeGateway("sk_test_loopback", { host: "127.0.0.1", port, protocol: "http" });
    await gateway.refundPayment({
      orderId: "order_konbini",
      paymentIntentId: "pi_konbini",
      amount: 1480,
      idempotencyKey: "refund-order-order_konbini",
      instructionsEmail: "aiko@example.test",
    });
    const request = captured.findLast((r) => r.url === "/v1/refunds");
    expect(Object.fromEntries(request!.body)).toMatchObject({ instructions_email: "aiko@example.test" });
  });

  const refundOf = (paymentIntentId: string) =>
    stripeGateway("sk_test_loopback", { host: "127.0.0.1", port, protocol: "http" }).refundPayment({
      orderId: "order_refused",
      paymentIntentId,
      amount: 880,
      idempotencyKey: `refund-order-${paymentIntentId}`,
    });

  it("answers a refund Stripe refuses for good as refused, with Stripe's words", async () => {
    expect(await refundOf("pi_already_refunded")).toEqual({
      status: "refused",
      reason: "charge_already_refunded: Charge ch_1 has already been refunded.",
    });
    expect(await refundOf("pi_missing")).toEqual({
      status: "refused",
      reason: "resource_missing: No such payment_intent: 'pi_missing'",
    });
  });

  it.each(["pi_locked", "pi_key_in_use", "pi_bad_key", "pi_outage"])(
    "throws a failure that may pass (%s), so the refund is asked again",
    async (paymentIntentId) => {
      await expect(refundOf(paymentIntentId)).rejects.toBeInstanceOf(Stripe.errors.StripeError);
    },
  );
});
