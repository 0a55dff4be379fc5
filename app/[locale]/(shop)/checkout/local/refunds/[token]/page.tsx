import type { Metadata } from "next";
import type { Locale } from "next-intl";
import { getLocale, getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { ClientTranslations } from "@/app/_components/client-translations";
import { looksLikeToken } from "@/lib/accounts/tokens";
import { formatMoney } from "@/lib/money";
import { FAILING_TEST_ACCOUNTS, refundForBankDetails } from "@/lib/payments/local-refunds";
import { BankAccountForm } from "./bank-account-form";

type RefundBankPageProps = { params: Promise<{ locale: Locale; token: string }> };

export async function generateMetadata({ params }: RefundBankPageProps): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "LocalCheckout" });
  return { title: t("bankTitle"), robots: { index: false }, referrer: "no-referrer" };
}

// Where a Konbini buyer says which bank account their refund is paid to, as the page Stripe's
// refund email links to. Whoever holds the emailed link may answer; an unknown link is 404.
export default async function RefundBankPage({ params }: RefundBankPageProps) {
  const { locale: requestedLocale, token } = await params;
  setRequestLocale(requestedLocale);
  const refund = looksLikeToken(token) ? await refundForBankDetails(token) : { status: "unknown" as const };
  if (refund.status === "unknown") notFound();
  const [t, locale] = await Promise.all([getTranslations("LocalCheckout"), getLocale()]);

  return (
    <div className="mx-auto max-w-lg px-4 py-10">
      <p className="inline-block rounded bg-amber-200 px-2 py-0.5 text-xs font-bold uppercase tracking-wide text-amber-950">
        {t("testMode")}
      </p>
      <h1 className="mt-3 text-2xl font-bold tracking-tight">{t("bankTitle")}</h1>
      {refund.status === "requires_action" ? (
        <>
          <p className="mt-2 text-slate-700">
            {t("bankLead", { amount: formatMoney({ amount: refund.amount, currency: refund.currency }, locale) })}
          </p>
          <ClientTranslations messages={["LocalCheckout", "Errors"]}>
            <BankAccountForm token={token} />
          </ClientTranslations>
          <section aria-labelledby="bank-tests-title" className="mt-8 rounded-lg border border-slate-200 p-4">
            <h2 id="bank-tests-title" className="font-semibold">
              {t("testValues")}
            </h2>
            <ul className="mt-2 space-y-1 text-sm">
              <li className="flex flex-wrap justify-between gap-2">
                <code className="font-mono">1100 · 000 · 0001234</code>
                <span>{t("bankTests.succeeds")}</span>
              </li>
              {FAILING_TEST_ACCOUNTS.map((account) => (
                <li key={account} className="flex flex-wrap justify-between gap-2">
                  <code className="font-mono">{account}</code>
                  <span>{t("bankTests.fails")}</span>
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : (
        <p role="status" className="mt-4 rounded-md bg-slate-50 px-4 py-3">
          {t(`bankStates.${refund.status}`)}
        </p>
      )}
    </div>
  );
}
