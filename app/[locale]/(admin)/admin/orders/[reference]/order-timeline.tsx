import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { TimelineActor, TimelineEntry } from "@/lib/admin/order-story";
import { formatMoney } from "@/lib/money";
import { isStaffRefundReason } from "@/lib/orders/staff-refund-reasons";

// The order's story as a table: when (JST), who, what.
export async function OrderTimeline({ entries }: { entries: TimelineEntry[] }) {
  const [t, format, locale] = await Promise.all([getTranslations("AdminOrder"), getFormatter(), getLocale()]);
  const actorOf = (actor: TimelineActor) =>
    actor.type === "customer" || actor.type === "staff"
      ? t(`actors.${actor.type}`, { email: actor.email })
      : t(`actors.${actor.type}`);
  // Amounts are minor units of the currency the entry names; the reason is a refund reason key.
  const detailsOf = ({ details }: TimelineEntry) => {
    const currency = String(details.currency ?? "JPY").toUpperCase();
    const reason = String(details.reason ?? "");
    return {
      ...details,
      ...(typeof details.amount === "number"
        ? { amount: formatMoney({ amount: details.amount, currency }, locale) }
        : {}),
      ...(isStaffRefundReason(reason) ? { reason: t(`refund.reasons.${reason}`) } : {}),
    };
  };
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[48rem] text-left text-sm" data-testid="order-timeline">
        <thead className="border-b border-slate-300 text-slate-600">
          <tr>
            {(["time", "actor", "event"] as const).map((column) => (
              <th key={column} scope="col" className="py-2 pr-4 font-medium">
                {t(`columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {entries.map((entry, index) => (
            <tr key={index} className="border-b border-slate-200 align-top" data-event={entry.event}>
              <td className="py-2 pr-4 whitespace-nowrap">
                {format.dateTime(entry.at, { dateStyle: "short", timeStyle: "medium" })}
              </td>
              <td className="py-2 pr-4">{actorOf(entry.actor)}</td>
              <td className="py-2 pr-4 break-words">
                {t(`events.${entry.event}` as "events.created", detailsOf(entry))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
