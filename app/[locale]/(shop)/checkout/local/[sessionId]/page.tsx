import type { Metadata } from "next";
import type { Locale } from "next-intl";
import { getFormatter, getLocale, getTranslations, setRequestLocale } from "next-intl/server";
import { redirect } from "next/navigation";
import { ClientTranslations } from "@/app/_components/client-translations";
import { Link } from "@/lib/i18n/navigation";
import { formatMoney } from "@/lib/money";
import { SESSION_ID_PLACEHOLDER } from "@/lib/payments/gateway";
import { expireStaleLocalSessions, localWebhookOrigin } from "@/lib/payments/local-checkout";
import { asDeclineCode, TEST_CARDS } from "@/lib/payments/test-cards";
import { CardForm } from "./card-form";
import { buyersLocalSession } from "./session";

type LocalCheckoutPageProps = { params: Promise<{ locale: Locale; sessionId: string }> };

export async function generateMetadata({ params }: LocalCheckoutPageProps): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "LocalCheckout" });
  return { title: t("title"), robots: { index: false } };
}

export default async function LocalCheckoutPage({ params }: LocalCheckoutPageProps) {
  const { locale: requestedLocale, sessionId } = await params;
  setRequestLocale(requestedLocale);
  const session = await buyersLocalSession(sessionId, `/checkout/local/${sessionId}`);
  const [t, format, locale] = await Promise.all([getTranslations("LocalCheckout"), getFormatter(), getLocale()]);

  if (session.status === "COMPLETE") redirect(session.successUrl.replace(SESSION_ID_PLACEHOLDER, session.id));
  if (session.pendingChallenge && session.status === "OPEN")
    redirect(`/${locale}/checkout/local/${session.id}/authenticate`);

  const expired = session.status === "EXPIRED" || session.expiresAt <= new Date();
  // The buyer's own session only: opening a page must not close (and announce) anyone else's.
  if (expired && session.status === "OPEN") {
    await expireStaleLocalSessions(localWebhookOrigin(), { sessionId: session.id });
  }
  const total = formatMoney({ amount: session.amountTotal, currency: session.currency }, locale);

  return (
    <div className="mx-auto max-w-lg px-4 py-10">
      <p className="inline-block rounded bg-amber-200 px-2 py-0.5 text-xs font-bold uppercase tracking-wide text-amber-950">
        {t("testMode")}
      </p>
      <h1 className="mt-3 text-2xl font-bold tracking-tight">{t("title")}</h1>
      <p className="mt-2 text-sm text-slate-700">{t("testModeNote")}</p>

      <dl className="mt-6 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 rounded-lg bg-slate-50 p-4">
        <dt className="text-slate-600">{t("amount")}</dt>
        <dd className="text-xl font-bold" data-testid="amount-due">
          {total}
        </dd>
        <dt className="text-slate-600">{t("email")}</dt>
        <dd className="break-all">{session.customerEmail}</dd>
      </dl>

      {expired ? (
        <div className="mt-6 space-y-4">
          <p role="alert" className="rounded-md border border-slate-300 px-4 py-3">
            {t("expired")}
          </p>
          <Link href="/plans" className="font-semibold text-brand-700 underline">
            {t("backToPlans")}
          </Link>
        </div>
      ) : (
        <>
          <div className="mt-6">
            <ClientTranslations messages={["LocalCheckout", "Errors"]}>
              <CardForm
                sessionId={session.id}
                totalLabel={total}
                declineCode={asDeclineCode(session.lastDeclineCode)}
              />
            </ClientTranslations>
          </div>
          <p className="mt-4 text-sm text-slate-600">
            {t("expiresAt", {
              dateTime: format.dateTime(session.expiresAt, { dateStyle: "medium", timeStyle: "short" }),
            })}
          </p>
          <a href={session.cancelUrl} className="mt-2 inline-block text-sm font-semibold text-brand-700 underline">
            {t("cancel")}
          </a>

          <section aria-labelledby="test-cards-title" className="mt-8 rounded-lg border border-slate-200 p-4">
            <h2 id="test-cards-title" className="font-semibold">
              {t("testCards")}
            </h2>
            <p className="text-sm text-slate-600">{t("testCardsNote")}</p>
            <ul className="mt-3 space-y-1 text-sm">
              {TEST_CARDS.map((card) => (
                <li key={card} className="flex flex-wrap justify-between gap-2">
                  <code className="font-mono">{card.replace(/(\d{4})(?=\d)/g, "$1 ")}</code>
                  <span className="text-slate-700">{t(`cards.${card}`)}</span>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </div>
  );
}
