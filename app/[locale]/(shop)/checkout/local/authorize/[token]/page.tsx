import type { Metadata } from "next";
import type { Locale } from "next-intl";
import { getLocale, getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { Link } from "@/lib/i18n/navigation";
import { formatMoney } from "@/lib/money";
import { authorizationForPage } from "@/lib/payments/local-wallets";
import { authorizationTokenSchema } from "@/lib/validation/local-payments";
import { validOrUndefined } from "@/lib/validation/parse";
import { answerTestAuthorization } from "./actions";

type AuthorizationPageProps = {
  params: Promise<{ locale: Locale; token: string }>;
  searchParams: Promise<{ scanned?: string | string[] }>;
};

export async function generateMetadata({ params }: AuthorizationPageProps): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "LocalCheckout" });
  return { title: t("authorizeTitle"), robots: { index: false }, referrer: "no-referrer" };
}

// Stands in for a wallet's page (PayPay, Alipay, WeChat Pay, PayPal) as Stripe's test page does.
// Whoever holds the link may answer (it opens on a phone from the QR code); an unknown link is 404.
export default async function AuthorizationPage({ params, searchParams }: AuthorizationPageProps) {
  const { locale: requestedLocale, token: rawToken } = await params;
  setRequestLocale(requestedLocale);
  const token = validOrUndefined(authorizationTokenSchema, rawToken);
  const page = token ? await authorizationForPage(token) : { status: "unknown" as const };
  if (page.status === "unknown") notFound();
  const scanned = (await searchParams).scanned === "1";
  const [t, tMethods, locale] = await Promise.all([
    getTranslations("LocalCheckout"),
    getTranslations("PaymentMethods"),
    getLocale(),
  ]);
  const method = tMethods(`names.${page.method}`);

  return (
    <div className="mx-auto max-w-md px-4 py-12">
      <div className="rounded-xl border-2 border-slate-800 p-6" aria-live="polite">
        <p className="inline-block rounded bg-amber-200 px-2 py-0.5 text-xs font-bold uppercase tracking-wide text-amber-950">
          {t("testMode")}
        </p>
        <h1 className="mt-3 text-2xl font-bold tracking-tight">{t("authorizeHeading", { method })}</h1>
        {page.status === "waiting" ? (
          <>
            <p className="mt-3">
              {t("authorizeBody", {
                method,
                total: formatMoney({ amount: page.amountTotal, currency: page.currency }, locale),
              })}
            </p>
            {/* The button pressed is the answer: its name and value are sent with the form. */}
            <form action={answerTestAuthorization} className="mt-6 flex flex-col gap-3">
              <input type="hidden" name="token" value={token} />
              {scanned && <input type="hidden" name="scanned" value="1" />}
              <button
                type="submit"
                name="answer"
                value="authorize"
                className="w-full rounded-md bg-emerald-800 px-4 py-2.5 font-semibold text-white hover:bg-emerald-900"
              >
                {t("authorizePayment")}
              </button>
              <button
                type="submit"
                name="answer"
                value="fail"
                className="w-full rounded-md border border-slate-400 px-4 py-2.5 font-semibold hover:bg-slate-50"
              >
                {t("failPayment")}
              </button>
            </form>
          </>
        ) : (
          <>
            <p className="mt-3" role="status" data-testid="authorization-result">
              {t(`authorizationResult.${page.status}`, { method })}
            </p>
            {scanned && page.status !== "closed" ? (
              <p className="mt-3 text-slate-700">{t("returnToOtherScreen")}</p>
            ) : page.status === "failed" ? (
              <Link
                href={{ pathname: `/checkout/local/${page.sessionId}`, query: { method: page.method } }}
                className="mt-4 inline-block font-semibold text-brand-700 underline"
              >
                {t("backToCheckout")}
              </Link>
            ) : (
              <Link href="/orders" className="mt-4 inline-block font-semibold text-brand-700 underline">
                {t("viewOrders")}
              </Link>
            )}
          </>
        )}
      </div>
    </div>
  );
}
