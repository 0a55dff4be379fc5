import { randomUUID } from "node:crypto";
import type { Locale } from "next-intl";
import { Children, cloneElement, createElement, isValidElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { loadMessages } from "@/lib/i18n/messages";
import { routing } from "@/lib/i18n/routing";
import { orderReference } from "@/lib/orders/order-emails";
import { openCheckout, paidWithoutDelivery } from "@/lib/testing/shop";
import { newAccount, signInAs, type TestAccount } from "@/lib/testing/staff";

// The console's own pages, rendered on the server as a staff member sees them, in every
// language: each message they use exists there, and each list shows what the database holds.

const locale = vi.hoisted(() => ({ current: "en" as Locale, messages: {} as Record<string, unknown> }));

vi.mock("@/lib/auth/auth", async () => (await import("@/lib/testing/staff")).mockedAuth);
vi.mock("next/navigation", async () => (await import("@/lib/testing/staff")).mockedNavigation);
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "10.7.7.7" }) }));
vi.mock("@/lib/i18n/navigation", async () => {
  const { createElement: element } = await import("react");
  const hrefOf = (href: string | { pathname: string; query?: Record<string, string | number> }) =>
    typeof href === "string"
      ? href
      : `${href.pathname}?${new URLSearchParams(Object.entries(href.query ?? {}).map(([k, v]) => [k, String(v)]))}`;
  return {
    Link: ({ href, children, ...rest }: { href: Parameters<typeof hrefOf>[0]; children: unknown }) =>
      element("a", { ...rest, href: hrefOf(href) }, children as never),
    redirect: (await import("@/lib/testing/staff")).mockedNavigation.redirect,
  };
});
// The order page's forms are client components (with hooks), out of reach of this server-side
// render: each stands as an empty marker, and the client messages' provider as its children.
vi.mock("@/app/_components/client-translations", () => ({
  ClientTranslations: ({ children }: { children: ReactNode }) => children,
}));
vi.mock("./orders/[reference]/order-forms", async () => {
  const { createElement: element } = await import("react");
  const marker = (name: string) => () => element("form", { "data-form": name });
  return { RefundForm: marker("refund"), OrderNoteForm: marker("note"), EvidenceForm: marker("evidence") };
});
vi.mock("next-intl/server", async () => {
  const intl = await import("next-intl");
  const translator = (namespace?: string) =>
    intl.createTranslator({
      locale: locale.current,
      messages: locale.messages,
      namespace: namespace as never,
      // A missing message fails the test instead of showing its key.
      onError: (error) => {
        throw error;
      },
    });
  return {
    getLocale: async () => locale.current,
    setRequestLocale: () => undefined,
    getMessages: async () => locale.messages,
    getTranslations: async (options?: string | { namespace?: string }) =>
      translator(typeof options === "string" ? options : options?.namespace),
    getFormatter: async () => intl.createFormatter({ locale: locale.current, timeZone: "Asia/Tokyo" }),
  };
});

type Component = (props: Record<string, unknown>) => ReactNode | Promise<ReactNode>;

// Runs every component of the tree (the pages' own are server components, some async) until
// only HTML elements are left, then renders those.
async function resolve(node: ReactNode): Promise<ReactNode> {
  if (Array.isArray(node)) return Promise.all(node.map(resolve));
  if (!isValidElement(node)) return node;
  const props = node.props as Record<string, unknown> & { children?: ReactNode };
  if (typeof node.type === "function") return resolve(await (node.type as Component)(props));
  if (typeof node.type !== "string") return resolve(props.children ?? null);
  if (props.children === undefined) return node;
  const children = await Promise.all(Children.toArray(props.children).map(resolve));
  return cloneElement(node, {}, ...children);
}

async function render(file: string, searchParams: Record<string, string> = {}, params: Record<string, string> = {}) {
  const { default: Page } = (await import(/* @vite-ignore */ `./${file}`)) as { default: Component };
  const tree = await Page({
    params: Promise.resolve({ ...params, locale: locale.current }),
    searchParams: Promise.resolve(searchParams),
  });
  return renderToStaticMarkup(createElement("div", null, await resolve(tree)));
}

let support: TestAccount;
let admin: TestAccount;
let failedEmailId: string;
let orderId: string;
let eventId: string;
let auditTarget: string;
let refundFailedReference: string;
let refundFailedQuietly: string;

beforeAll(async () => {
  [support, admin] = await Promise.all([newAccount("SUPPORT"), newAccount("ADMIN")]);
  const failed = await db.outboxEmail.create({
    data: {
      to: `bounced-${randomUUID()}@example.test`,
      locale: "en",
      template: "order-receipt",
      payload: {},
      status: "FAILED",
      attempts: 20,
      lastError: "550 no such mailbox",
      createdAt: new Date("2033-01-01T00:00:00Z"),
    },
  });
  failedEmailId = failed.id;
  const { order, sessionId } = await openCheckout();
  orderId = order.id;
  eventId = `evt_pages_${randomUUID().replaceAll("-", "")}`;
  await db.localWebhookEvent.create({
    data: {
      id: eventId,
      sessionId,
      type: "checkout.session.completed",
      endpoint: "http://127.0.0.1/api/webhooks/stripe",
      payload: {},
      attempts: 1,
      deliveredAt: new Date("2033-01-01T00:00:01Z"),
      createdAt: new Date("2033-01-01T00:00:00Z"),
    },
  });
  await db.processedWebhookEvent.create({ data: { id: eventId, type: "checkout.session.completed" } });
  // Two orders whose refund failed for good, one with the gateway's reason and one without,
  // newer than any other test's so the overview lists them.
  const failedRefund = (at: string, reason: string | null) =>
    paidWithoutDelivery().then(({ order }) =>
      db.order.update({
        where: { id: order.id },
        data: {
          status: "FAILED",
          failureReason: "topup_closed",
          refundFailedAt: new Date(at),
          refundFailureReason: reason,
        },
      }),
    );
  refundFailedReference = orderReference(
    (await failedRefund("2033-01-02T03:04:00Z", "charge_already_refunded: Charge ch_9 has already been refunded.")).id,
  );
  refundFailedQuietly = orderReference((await failedRefund("2033-01-02T03:05:00Z", null)).id);
  auditTarget = randomUUID();
  await db.auditEntry.create({
    data: {
      actorEmail: admin.email,
      actorRole: "ADMIN",
      action: "promotion.edit",
      targetType: "promotion",
      targetId: auditTarget,
      before: { maxRedemptions: 10 },
      after: { maxRedemptions: 50 },
      ip: "10.1.1.1",
      // In the past, so tests that read the newest entries never find it.
      createdAt: new Date("2020-01-01T00:00:00Z"),
    },
  });
});

describe.each(routing.locales)("the console's pages in %s", (language) => {
  beforeAll(async () => {
    locale.current = language;
    locale.messages = (await loadMessages(language)) as Record<string, unknown>;
  });

  it("the overview shows today's figures and both charts", async () => {
    await signInAs(support);
    const html = await render("page.tsx");
    for (const card of [
      "ordersPaid",
      "revenue",
      "refunds",
      "netRevenue",
      "esimsActivated",
      "emailsFailed",
      "jobsFailed",
      "refundsFailed",
    ])
      expect(html).toContain(`data-testid="overview-${card}"`);
    expect(html).toContain('data-testid="overview-orders-chart"');
    expect(html).toContain('data-testid="overview-revenue-chart"');
    expect(html).toMatch(/¥|￥/);
  });

  it("the overview counts the refunds that failed for good and links each to its order", async () => {
    await signInAs(support);
    const html = await render("page.tsx");
    const settled = await db.order.count({ where: { status: "FAILED", refundFailedAt: { not: null } } });
    expect(settled).toBeGreaterThanOrEqual(2);
    expect(html).toMatch(new RegExp(`data-testid="overview-refundsFailed".*?>${settled}<`));
    for (const reference of [refundFailedReference, refundFailedQuietly]) {
      expect(html).toContain(`data-testid="refund-to-settle-${reference}"`);
      expect(html).toContain(`href="/admin/orders/${reference}"`);
    }
    expect(html).toContain("charge_already_refunded: Charge ch_9 has already been refunded.");
  });

  it("an order whose refund failed for good says so, with when and the gateway's reason, and in its timeline", async () => {
    await signInAs(support);
    const html = await render("orders/[reference]/page.tsx", {}, { reference: refundFailedReference });
    const notice = html.match(/<section[^>]*data-testid="refund-failed"[\s\S]*?<\/section>/)?.[0] ?? "";
    expect(notice).toContain("charge_already_refunded: Charge ch_9 has already been refunded.");
    // 12:04 in Japan, whatever the language writes around it.
    expect(notice).toMatch(/12:04/);
    expect(html).toMatch(/data-event="refundFailed"[\s\S]*?charge_already_refunded/);

    const quiet = await render("orders/[reference]/page.tsx", {}, { reference: refundFailedQuietly });
    expect(quiet).toContain('data-testid="refund-failed-reason"');
    const { AdminOrder } = locale.messages as { AdminOrder: { refundFailed: { noReason: string } } };
    expect(quiet).toContain(AdminOrder.refundFailed.noReason);
  });

  it("an order whose refund did not fail shows no such notice", async () => {
    await signInAs(support);
    const html = await render("orders/[reference]/page.tsx", {}, { reference: orderReference(orderId) });
    expect(html).toContain('data-testid="order-facts"');
    expect(html).not.toContain('data-testid="refund-failed"');
    expect(html).not.toContain('data-event="refundFailed"');
  });

  it("the outbox lists a failed email with its error and a retry button", async () => {
    await signInAs(support);
    const html = await render("outbox/page.tsx", { status: "FAILED", notice: "queued" });
    expect(html).toContain(`data-testid="outbox-${failedEmailId}"`);
    expect(html).toContain("550 no such mailbox");
    expect(html).toContain('data-testid="retry-email"');
    expect(html).toContain('role="status"');
  });

  it("the webhook events list the received event with its order, and the outgoing tab renders", async () => {
    await signInAs(support);
    const html = await render("webhook-events/page.tsx", { type: "checkout.session.completed" });
    expect(html).toContain(`data-testid="event-${eventId}"`);
    expect(html).toContain(`href="/admin/orders/${orderReference(orderId)}"`);
    const outgoing = await render("webhook-events/page.tsx", { tab: "outgoing" });
    expect(outgoing).toMatch(/outgoing-deliveries-table|webhook-events-empty/);
  });

  it("the audit log shows an entry with its change, for admins", async () => {
    await signInAs(admin);
    const html = await render("audit-log/page.tsx", { target: auditTarget });
    expect(html).toContain("promotion.edit");
    expect(html).toContain(admin.email);
    expect(html).toMatch(/<del[^>]*>.*10<\/del>/);
    expect(html).toMatch(/<ins[^>]*>.*50<\/ins>/);
    expect(html).toContain("10.1.1.1");
    // The empty state has its words too.
    expect(await render("audit-log/page.tsx", { target: randomUUID() })).toContain('data-testid="audit-empty"');
  });
});
