import type { Metadata } from "next";
import type { Locale } from "next-intl";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { requireStaff } from "@/lib/admin/guard";
import {
  listOutgoingDeliveries,
  listReceivedEvents,
  outgoingEventTypes,
  receivedEventTypes,
} from "@/lib/admin/webhook-events";
import { Link } from "@/lib/i18n/navigation";
import { orderReference } from "@/lib/orders/order-emails";
import { parseWebhookEventFilters, WEBHOOK_TABS } from "@/lib/validation/admin-ops";
import { Pager } from "../_components/pager";

type WebhookEventsPageProps = {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: WebhookEventsPageProps): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "AdminWebhookEvents" });
  return { title: t("title") };
}

const cell = "py-2 pr-4";

// Any staff member (capability "view"): payment events received, and the shop's own webhooks
// to its customers on a second tab.
export default async function WebhookEventsPage({ params, searchParams }: WebhookEventsPageProps) {
  setRequestLocale((await params).locale);
  await requireStaff("view", "/admin/webhook-events");
  const filters = parseWebhookEventFilters(await searchParams);
  const received = filters.tab === "received";
  const [t, format, types] = await Promise.all([
    getTranslations("AdminWebhookEvents"),
    getFormatter(),
    received ? receivedEventTypes() : outgoingEventTypes(),
  ]);
  const time = (instant: Date) => format.dateTime(instant, { dateStyle: "medium", timeStyle: "medium" });
  const tabClass = (active: boolean) =>
    `rounded-md px-3 py-1.5 text-sm font-medium ${active ? "bg-slate-800 text-white" : "text-slate-800 hover:bg-slate-100"}`;
  const receivedList = received ? await listReceivedEvents(filters) : null;
  const outgoingList = received ? null : await listOutgoingDeliveries(filters);
  const list = receivedList ?? outgoingList!;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{t(`lead.${filters.tab}`)}</p>
      </div>
      <nav aria-label={t("tabs")} className="flex flex-wrap gap-2">
        {WEBHOOK_TABS.map((tab) => (
          <Link
            key={tab}
            href={{ pathname: "/admin/webhook-events", query: tab === "received" ? {} : { tab } }}
            aria-current={filters.tab === tab ? "page" : undefined}
            className={tabClass(filters.tab === tab)}
          >
            {t(`tab.${tab}`)}
          </Link>
        ))}
      </nav>
      <form method="get" className="flex flex-wrap items-end gap-3" role="search">
        {!received && <input type="hidden" name="tab" value={filters.tab} />}
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("type")}
          <select
            name="type"
            defaultValue={filters.type ?? ""}
            className="rounded-md border border-slate-300 px-3 py-2 font-normal"
          >
            <option value="">{t("allTypes")}</option>
            {types.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t("filter")}
        </button>
      </form>
      {list.rows.length === 0 ? (
        <p className="text-slate-700" data-testid="webhook-events-empty">
          {t("empty")}
        </p>
      ) : (
        <div className="overflow-x-auto">
          {receivedList ? (
            <table className="w-full min-w-[64rem] text-left text-sm" data-testid="received-events-table">
              <thead className="border-b border-slate-300 text-slate-600">
                <tr>
                  {(["time", "type", "id", "order", "outcome", "lastAnswer"] as const).map((column) => (
                    <th key={column} scope="col" className={`${cell} font-medium`}>
                      {t(`columns.${column}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {receivedList.rows.map((event) => (
                  <tr key={event.id} className="border-b border-slate-200 align-top" data-testid={`event-${event.id}`}>
                    <td className={`${cell} whitespace-nowrap`}>{time(event.receivedAt)}</td>
                    <th scope="row" className={`${cell} font-medium`}>
                      {event.type}
                    </th>
                    <td className={`${cell} font-mono text-xs break-all`}>{event.id}</td>
                    <td className={cell}>
                      {event.orderId ? (
                        <Link
                          href={`/admin/orders/${orderReference(event.orderId)}`}
                          className="font-mono text-brand-700 underline"
                        >
                          {orderReference(event.orderId)}
                        </Link>
                      ) : (
                        "—"
                      )}
                    </td>
                    <td className={cell} data-testid="event-outcome">
                      {t(`outcomes.${event.outcome}`)}
                      {event.attempts !== null && (
                        <span className="block text-xs text-slate-500">{t("attempts", { count: event.attempts })}</span>
                      )}
                    </td>
                    <td className={`${cell} max-w-xs break-words text-slate-700`}>
                      {event.lastStatus !== null
                        ? t("httpStatus", { status: event.lastStatus })
                        : (event.lastError ?? "—")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <table className="w-full min-w-[64rem] text-left text-sm" data-testid="outgoing-deliveries-table">
              <thead className="border-b border-slate-300 text-slate-600">
                <tr>
                  {(["time", "type", "id", "endpoint", "status", "lastAnswer"] as const).map((column) => (
                    <th key={column} scope="col" className={`${cell} font-medium`}>
                      {t(`columns.${column}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {outgoingList!.rows.map((delivery) => (
                  <tr key={delivery.id} className="border-b border-slate-200 align-top" data-testid="delivery">
                    <td className={`${cell} whitespace-nowrap`}>{time(delivery.createdAt)}</td>
                    <th scope="row" className={`${cell} font-medium`}>
                      {delivery.type}
                    </th>
                    <td className={`${cell} font-mono text-xs break-all`}>{delivery.eventId}</td>
                    <td className={`${cell} break-all`}>{delivery.endpointUrl}</td>
                    <td className={cell}>
                      {t(`deliveryStatuses.${delivery.status}`)}
                      <span className="block text-xs text-slate-500">
                        {t("attempts", { count: delivery.attempts })}
                      </span>
                    </td>
                    <td className={`${cell} text-slate-700`}>
                      {delivery.lastAttemptAt
                        ? t("lastAttempt", {
                            status: delivery.lastHttpStatus === null ? t("noAnswer") : String(delivery.lastHttpStatus),
                            time: time(delivery.lastAttemptAt),
                          })
                        : "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
      <Pager
        pathname="/admin/webhook-events"
        query={{ tab: received ? undefined : filters.tab, type: filters.type }}
        page={filters.page}
        pageCount={list.pageCount}
        total={list.total}
      />
    </div>
  );
}
