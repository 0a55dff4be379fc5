import type { LocalCheckoutSession } from "@prisma/client";
import type { Metadata } from "next";
import type { Locale } from "next-intl";
import { getFormatter, getLocale, getTranslations, setRequestLocale } from "next-intl/server";
import { redirect } from "next/navigation";
import { ClientTranslations } from "@/app/_components/client-translations";
import { FormAlert } from "@/app/_components/form-alert";
import { KonbiniVoucherCard } from "@/app/_components/konbini-voucher-card";
import { Link } from "@/lib/i18n/navigation";
import { formatMoney } from "@/lib/money";
import type { KonbiniVoucher } from "@/lib/payments/konbini";
import { expireStaleLocalSessions } from "@/lib/payments/local-checkout";
import { localWebhookOrigin, successRedirect } from "@/lib/payments/local-session";
import { AUTHORIZATION_FAILED } from "@/lib/payments/local-wallets";
import { asPaymentMethodType, METHOD_FLOW, type PaymentMethodType } from "@/lib/payments/methods";
import { asDeclineCode } from "@/lib/payments/test-cards";
import { CardForm } from "./card-form";
import { KonbiniForm } from "./konbini-form";
import { MethodTabs } from "./method-tabs";
import { RedirectMethodPanel } from "./redirect-method";
import { buyersLocalSession } from "./session";
import { TestValues } from "./test-values";

type LocalCheckoutPageProps = {
  params: Promise<{ locale: Locale; sessionId: string }>;
  searchParams: Promise<{ method?: string | string[] }>;
};

export async function generateMetadata({ params }: LocalCheckoutPageProps): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "LocalCheckout" });
  return { title: t("title"), robots: { index: false } };
}

// The method shown: the one asked for in the address if offered, else the one waiting for an
// answer or last tried, else the first.
function selectedMethod(session: LocalCheckoutSession, requested: string | string[] | undefined): PaymentMethodType {
  const offered = session.paymentMethodTypes.map(asPaymentMethodType).filter((method) => method !== undefined);
  const candidates = [
    typeof requested === "string" ? requested : undefined,
    session.authorizationToken ? session.authorizationMethod : null,
    session.lastFailedMethod,
  ].map(asPaymentMethodType);
  return candidates.find((method) => method && offered.includes(method)) ?? offered[0] ?? "card";
}

// The buyer's own local test-mode checkout session (anyone else gets 404), like Stripe Checkout:
// a method chooser, each method's own step, and after a Konbini choice the voucher to pay.
export default async function LocalCheckoutPage({ params, searchParams }: LocalCheckoutPageProps) {
  const { locale: requestedLocale, sessionId } = await params;
  setRequestLocale(requestedLocale);
  const session = await buyersLocalSession(sessionId, `/checkout/local/${sessionId}`);
  const [t, tMethods, format, locale] = await Promise.all([
    getTranslations("LocalCheckout"),
    getTranslations("PaymentMethods"),
    getFormatter(),
    getLocale(),
  ]);

  const voucher = session.status === "COMPLETE" && session.paymentStatus === "unpaid" ? session.konbiniVoucher : null;
  if (session.status === "COMPLETE" && !voucher) redirect(successRedirect(session));
  if (session.pendingChallenge && session.status === "OPEN")
    redirect(`/${locale}/checkout/local/${session.id}/authenticate`);

  const expired = session.status === "EXPIRED" || (session.status === "OPEN" && session.expiresAt <= new Date());
  // The buyer's own session only: opening a page must not close (and announce) anyone else's.
  if (expired && session.status === "OPEN") {
    await expireStaleLocalSessions(localWebhookOrigin(), { sessionId: session.id });
  }
  const total = formatMoney({ amount: session.amountTotal, currency: session.currency }, locale);
  const method = selectedMethod(session, (await searchParams).method);
  const flow = METHOD_FLOW[method];
  const failedHere = session.lastFailedMethod === method ? session.lastDeclineCode : null;

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

      {voucher ? (
        <div className="mt-6 space-y-4">
          <KonbiniVoucherCard voucher={voucher as KonbiniVoucher} />
          <p className="text-sm text-slate-700">{t("voucherEmailed")}</p>
          <a
            href={successRedirect(session)}
            className="inline-block rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
          >
            {t("returnToShop")}
          </a>
        </div>
      ) : expired ? (
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
          <div className="mt-6 space-y-4">
            <MethodTabs
              sessionId={session.id}
              offered={session.paymentMethodTypes.map(asPaymentMethodType).filter((m) => m !== undefined)}
              selected={method}
            />
            {failedHere === AUTHORIZATION_FAILED && (
              <FormAlert>{t("authorizationFailed", { method: tMethods(`names.${method}`) })}</FormAlert>
            )}
            {flow === "card" && (
              <ClientTranslations messages={["LocalCheckout", "Errors"]}>
                <CardForm sessionId={session.id} totalLabel={total} declineCode={asDeclineCode(failedHere)} />
              </ClientTranslations>
            )}
            {flow === "voucher" && (
              <ClientTranslations messages={["LocalCheckout", "Errors"]}>
                <KonbiniForm sessionId={session.id} customerEmail={session.customerEmail} />
              </ClientTranslations>
            )}
            {flow === "redirect" && method !== "card" && method !== "konbini" && (
              <RedirectMethodPanel
                sessionId={session.id}
                method={method}
                waitingToken={
                  session.authorizationMethod === method && failedHere !== AUTHORIZATION_FAILED
                    ? session.authorizationToken
                    : null
                }
              />
            )}
          </div>
          <p className="mt-4 text-sm text-slate-600">
            {t("expiresAt", {
              dateTime: format.dateTime(session.expiresAt, { dateStyle: "medium", timeStyle: "short" }),
            })}
          </p>
          <a href={session.cancelUrl} className="mt-2 inline-block text-sm font-semibold text-brand-700 underline">
            {t("cancel")}
          </a>
          <TestValues method={flow} />
        </>
      )}
    </div>
  );
}
