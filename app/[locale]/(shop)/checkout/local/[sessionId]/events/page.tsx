import type { Metadata } from "next";
import type { Locale } from "next-intl";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { localEventsOfSession } from "@/lib/payments/local-event-delivery";
import { buyersLocalSession } from "../session";

type EventsPageProps = { params: Promise<{ locale: Locale; sessionId: string }> };

export async function generateMetadata({ params }: EventsPageProps): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "LocalCheckout" });
  return { title: t("webhookLogTitle"), robots: { index: false } };
}

// The local checkout's event log for one session, like the event list in Stripe's dashboard:
// for its buyer only (anyone else gets a 404 from buyersLocalSession).
export default async function WebhookLogPage({ params }: EventsPageProps) {
  const { locale, sessionId } = await params;
  setRequestLocale(locale);
  const session = await buyersLocalSession(sessionId, `/checkout/local/${sessionId}/events`);
  const [events, t, format] = await Promise.all([
    localEventsOfSession(session.id),
    getTranslations("LocalCheckout"),
    getFormatter(),
  ]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "medium" });

  return (
    <div className="mx-auto max-w-3xl px-4 py-12">
      <h1 className="text-3xl font-bold tracking-tight">{t("webhookLogTitle")}</h1>
      <p className="mt-3 text-slate-700">{t("webhookLogLead")}</p>
      {events.length === 0 && <p className="mt-6">{t("webhookLogEmpty")}</p>}
      {events.map((event) => (
        <section
          key={event.id}
          aria-labelledby={`event-${event.id}`}
          className="mt-6 rounded-lg border border-slate-200 p-4"
        >
          <h2 id={`event-${event.id}`} className="font-mono font-semibold">
            {event.type}
          </h2>
          <p className="font-mono text-sm text-slate-600">{event.id}</p>
          <p className="mt-1 text-sm">{t("eventCreated", { dateTime: when(event.createdAt) })}</p>
          <p className="mt-1 text-sm font-medium" data-testid="event-state">
            {event.deliveredAt
              ? t("eventDelivered", { dateTime: when(event.deliveredAt) })
              : event.gaveUpAt
                ? t("eventGaveUp")
                : t("eventNextAttempt", { dateTime: when(event.nextAttemptAt ?? event.createdAt) })}
          </p>
          {event.deliveries.length > 0 && (
            <table className="mt-3 w-full text-left text-sm">
              <thead>
                <tr className="border-b border-slate-200">
                  <th className="py-1 pr-4 font-semibold">{t("attemptTime")}</th>
                  <th className="py-1 pr-4 font-semibold">{t("attemptAnswer")}</th>
                  <th className="py-1 font-semibold">{t("attemptDuration")}</th>
                </tr>
              </thead>
              <tbody>
                {event.deliveries.map((delivery) => (
                  <tr key={delivery.id} className="border-b border-slate-100" data-testid="delivery-attempt">
                    <td className="py-1 pr-4">{when(delivery.attemptedAt)}</td>
                    <td className="py-1 pr-4 font-mono">{delivery.status ?? t("noAnswer")}</td>
                    <td className="py-1">{t("durationMs", { ms: delivery.durationMs })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </div>
  );
}
