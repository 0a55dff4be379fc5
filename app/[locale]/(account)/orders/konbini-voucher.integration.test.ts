import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { KonbiniVoucher } from "@/lib/payments/konbini";
import { db } from "@/lib/db/client";
import { readNestedComponent, readPageTree } from "@/lib/testing/page-tree";
import { deliverEventsOf, issueVoucher, openCheckout } from "@/lib/testing/shop";
import { signInAs } from "@/lib/testing/staff";
import { startWebhookServer } from "@/lib/testing/webhook-server";
import CheckoutSuccessPage from "../../(shop)/checkout/success/page";
import OrdersPage from "./page";

vi.mock("@/lib/auth/auth", async () => (await import("@/lib/testing/staff")).mockedAuth);
vi.mock("next/navigation", async () => (await import("@/lib/testing/staff")).mockedNavigation);
vi.mock("@/lib/i18n/navigation", async () => ({
  ...(await import("@/lib/testing/staff")).mockedNavigation,
  Link: function Link() {
    return null;
  },
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next-intl/server", async () => (await import("@/lib/testing/intl")).englishIntlServer());

let webhookServer: Awaited<ReturnType<typeof startWebhookServer>>;
beforeAll(async () => {
  webhookServer = await startWebhookServer();
});
afterAll(() => webhookServer.close());

const locale = { params: Promise.resolve({ locale: "en" as const }) };

// Between the voucher and the store: what the buyer sees of an order paid by Konbini while the
// voucher waits ("never paid" test values keep it waiting).
describe("an order awaiting payment at a convenience store", () => {
  it("shows the voucher on the success page and in the order history", async () => {
    const { buyer, sessionId, order } = await openCheckout();
    expect(
      await issueVoucher(sessionId, webhookServer.origin, { email: "aiko_fill_never@example.test" }),
    ).toMatchObject({
      status: "succeeded",
    });
    await deliverEventsOf(sessionId);
    const voucher = (await db.order.findUniqueOrThrow({ where: { id: order.id } })).konbiniVoucher as KonbiniVoucher;
    expect(voucher.confirmationNumber).toMatch(/^\d{11}$/);
    await signInAs({ id: buyer.id, email: buyer.email, name: "Test Buyer", role: "CUSTOMER" });

    const success = readPageTree(
      await CheckoutSuccessPage({ ...locale, searchParams: Promise.resolve({ session_id: sessionId }) }),
    );
    const orders = readPageTree(await OrdersPage({ ...locale, searchParams: Promise.resolve({}) }));
    const orderStatus = await readNestedComponent(orders, "OrderStatus");
    for (const shown of [success, orderStatus]) {
      expect(shown.texts).toContain("Awaiting payment at a convenience store");
      expect(shown.components).toContain("KonbiniVoucherCard");
    }
    expect(orderStatus.texts).toContain("Show the voucher");
    expect(success.texts.join(" ")).not.toContain("your eSIM is ready");
    const card = await readNestedComponent(success, "KonbiniVoucherCard");
    expect(card.texts).toContain(voucher.confirmationNumber);
    for (const code of Object.values(voucher.paymentCodes)) expect(card.texts).toContain(code);
    expect(await db.esimProfile.count({ where: { orderId: order.id } })).toBe(0);
  });
});
