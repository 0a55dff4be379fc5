import type { Metadata } from "next";
import type { Locale } from "next-intl";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { Link } from "@/lib/i18n/navigation";
import { deliveriesOf } from "@/lib/webhooks/delivery-log";
import { endpointOf } from "@/lib/webhooks/endpoints";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/event-types";
import { replayFailedWebhooks, resendWebhookDelivery, sendWebhookTest } from "../actions";
import { BUTTON } from "../button-style";

type EndpointPageProps = { params: Promise<{ locale: Locale; id: string }> };

export async function generateMetadata({ params }: EndpointPageProps): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "Webhooks" });
  return { title: t("log"), robots: { index: false } };
}

const FIELD = "rounded-md border border-slate-400 px-3 py-1.5 text-sm";

// One endpoint's delivery log, for its owner only: another account's id is not found.
export default async function EndpointPage({ params }: EndpointPageProps) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const user = await requireUser(`/webhooks/${id}`);
  const [endpoint, deliveries] = await Promise.all([endpointOf(user.id, id), deliveriesOf(user.id, id)]);
  if (!endpoint || !deliveries) notFound();
  const [t, format] = await Promise.all([getTranslations("Webhooks"), getFormatter()]);
  const dateTime = (instant: Date) => format.dateTime(instant, { dateStyle: "medium", timeStyle: "medium" });

  return (
    <div className="mx-auto max-w-4xl px-4 py-12">
      <Link href="/webhooks" className="text-sm font-semibold text-brand-700 underline">
        {t("back")}
      </Link>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">{t("log")}</h1>
      <p className="mt-2 font-mono text-sm break-all">{endpoint.url}</p>

      <div className="mt-6 flex flex-wrap gap-6">
        <form action={sendWebhookTest} className="flex items-end gap-2">
          <input type="hidden" name="endpointId" value={endpoint.id} />
          <label className="text-sm font-medium">
            {t("testType")}
            <select name="type" className={`mt-1 block ${FIELD}`}>
              {WEBHOOK_EVENT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {type}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className={BUTTON}>
            {t("sendTest")}
          </button>
        </form>
        <form action={replayFailedWebhooks} className="flex items-end gap-2">
          <input type="hidden" name="endpointId" value={endpoint.id} />
          <label className="text-sm font-medium">
            {t("replaySince")}
            <input type="datetime-local" name="since" required className={`mt-1 block ${FIELD}`} />
          </label>
          <button type="submit" className={BUTTON}>
            {t("replay")}
          </button>
        </form>
      </div>

      {deliveries.length === 0 ? (
        <p className="mt-8 text-slate-700">{t("noDeliveries")}</p>
      ) : (
        <div className="mt-8 overflow-x-auto">
          <table className="w-full min-w-[44rem] text-left">
            <thead className="border-b border-slate-300 text-sm text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t("columns.event")}
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t("columns.created")}
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t("columns.status")}
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t("columns.attempts")}
                </th>
                <th scope="col" className="py-2 font-medium">
                  <span className="sr-only">{t("resend")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((delivery) => (
                <tr key={delivery.id} className="border-b border-slate-200 align-top" data-testid="webhook-delivery">
                  <td className="py-3 pr-4 font-mono text-sm">{delivery.event.type}</td>
                  <td className="py-3 pr-4 text-sm">{dateTime(delivery.createdAt)}</td>
                  <td className="py-3 pr-4 text-sm">{t(`deliveryStatus.${delivery.status}`)}</td>
                  <td className="py-3 pr-4 text-sm">
                    <ul>
                      {delivery.attemptLog.map((attempt) => (
                        <li key={attempt.number}>
                          {t("attempt", {
                            number: attempt.number,
                            status: attempt.httpStatus ?? t("noAnswer"),
                            duration: attempt.durationMs,
                          })}
                          {attempt.responseExcerpt && (
                            <code className="ml-1 text-xs break-all text-slate-600">
                              {attempt.responseExcerpt.slice(0, 120)}
                            </code>
                          )}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td className="py-3 text-right">
                    <form action={resendWebhookDelivery}>
                      <input type="hidden" name="endpointId" value={endpoint.id} />
                      <input type="hidden" name="deliveryId" value={delivery.id} />
                      <button type="submit" className={BUTTON}>
                        {t("resend")}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
