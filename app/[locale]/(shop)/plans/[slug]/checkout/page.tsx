import type { Metadata } from "next";
import type { Locale } from "next-intl";
import { getLocale, getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { FormAlert } from "@/app/_components/form-alert";
import { PlanName } from "@/app/_components/plan-name";
import { SubmitButton } from "@/app/_components/submit-button";
import { checkoutHref } from "@/app/_lib/checkout-href";
import { requireUser } from "@/lib/auth/session";
import { planBySlug } from "@/lib/catalog/plans";
import { formatMoney } from "@/lib/money";
import { CHECKOUT_PROBLEMS, type CheckoutProblem, unpaidCheckoutUrl } from "@/lib/orders/checkout";
import { MAX_QUANTITY } from "@/lib/orders/pricing";
import { quoteForBuyer } from "@/lib/orders/quote";
import { planSlugSchema } from "@/lib/validation/catalog";
import { promoCodeSchema, quantitySchema, retryAfterSecondsSchema } from "@/lib/validation/checkout";
import { validOrUndefined } from "@/lib/validation/parse";
import { payForPlan } from "./actions";

type CheckoutPageProps = {
  params: Promise<{ locale: Locale; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: CheckoutPageProps): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "Checkout" });
  return { title: t("title"), robots: { index: false } };
}

export default async function CheckoutPage({ params, searchParams }: CheckoutPageProps) {
  const { locale: requestedLocale, slug } = await params;
  setRequestLocale(requestedLocale);
  const query = await searchParams;
  const user = await requireUser(`/plans/${slug}/checkout`);
  const validSlug = validOrUndefined(planSlugSchema, slug);
  const plan = validSlug ? await planBySlug(validSlug) : null;
  if (!plan) notFound();

  const [t, locale] = await Promise.all([getTranslations("Checkout"), getLocale()]);
  const quantity = quantitySchema.catch(1).parse(query.quantity ?? 1);
  const enteredCode = validOrUndefined(promoCodeSchema, query.code ?? "");
  // Typed, but not something a code can be.
  const codeMalformed =
    enteredCode === undefined && typeof query.code !== "undefined" && String(query.code).trim() !== "";

  // A code that does not work is reported, and the total is shown without it.
  let priced = await quoteForBuyer(plan, quantity, enteredCode, user.id);
  let problem: CheckoutProblem | undefined =
    CHECKOUT_PROBLEMS.find((p) => p === query.problem) ?? (codeMalformed ? "code_unknown" : undefined);
  if (priced.status !== "priced") {
    problem = priced.status;
    priced = await quoteForBuyer(plan, quantity, undefined, user.id);
  }
  if (priced.status !== "priced") notFound();
  const { quote } = priced;
  // Rather than a second checkout with the code, the buyer finishes the one they have.
  const unpaidUrl = problem === "code_in_use" && enteredCode ? await unpaidCheckoutUrl(user.id, enteredCode) : null;
  const waitMinutes = Math.ceil((validOrUndefined(retryAfterSecondsSchema, query.retryAfter) ?? 60) / 60);
  const money = (amount: number) => formatMoney({ amount, currency: quote.currency }, locale);
  const codeInQuote = quote.discounts.some((d) => d.kind === "CODE");

  return (
    <div className="mx-auto max-w-2xl px-4 py-12">
      <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
      {query.cancelled === "1" && <p className="mt-4 rounded-md bg-slate-100 px-4 py-3">{t("cancelled")}</p>}
      {problem && (
        <div className="mt-4 space-y-2">
          <FormAlert>{t(`problems.${problem}`, { minutes: waitMinutes })}</FormAlert>
          {unpaidUrl && (
            <a href={checkoutHref(unpaidUrl, locale)} className="inline-block font-semibold text-brand-700 underline">
              {t("continueUnpaid")}
            </a>
          )}
        </div>
      )}

      <section aria-labelledby="summary-title" className="mt-8 rounded-xl border border-slate-200 p-6">
        <h2 id="summary-title" className="text-lg font-semibold">
          {t("summary")}: <PlanName plan={plan} />
        </h2>

        <form method="get" className="mt-6 grid gap-4 sm:grid-cols-[auto_1fr_auto] sm:items-end">
          <div className="space-y-1">
            <label htmlFor="quantity" className="block text-sm font-medium">
              {t("quantity")}
            </label>
            <select
              id="quantity"
              name="quantity"
              defaultValue={quote.quantity}
              aria-describedby="quantity-hint"
              className="rounded-md border border-slate-400 bg-white px-3 py-2"
            >
              {Array.from({ length: MAX_QUANTITY }, (_, i) => i + 1).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
            <p id="quantity-hint" className="text-sm text-slate-600">
              {t("quantityHint")}
            </p>
          </div>
          <div className="space-y-1 self-start">
            <label htmlFor="code" className="block text-sm font-medium">
              {t("promoCode")}
            </label>
            <input
              id="code"
              name="code"
              defaultValue={typeof query.code === "string" ? query.code : ""}
              maxLength={40}
              autoCapitalize="characters"
              className="block w-full rounded-md border border-slate-400 px-3 py-2 uppercase"
            />
          </div>
          <button
            type="submit"
            className="self-start rounded-md border border-slate-300 px-4 py-2 font-semibold hover:bg-slate-50 sm:mt-6"
          >
            {t("update")}
          </button>
        </form>

        <dl className="mt-6 space-y-2 border-t border-slate-200 pt-4">
          <div className="flex justify-between gap-4">
            <dt>{t("listPrice", { quantity: quote.quantity, price: money(quote.listUnitAmount) })}</dt>
            <dd>{money(quote.subtotalAmount)}</dd>
          </div>
          {quote.discounts.map((discount) => (
            <div key={discount.slug} className="flex justify-between gap-4 text-emerald-800">
              <dt>{t(`discount.${discount.kind}`, { code: discount.code ?? "" })}</dt>
              <dd>−{money(discount.amount)}</dd>
            </div>
          ))}
          <div className="flex justify-between gap-4 border-t border-slate-200 pt-2 text-lg font-bold">
            <dt>{t("total")}</dt>
            <dd data-testid="checkout-total">{money(quote.totalAmount)}</dd>
          </div>
        </dl>

        <form action={payForPlan} className="mt-6 space-y-3">
          <input type="hidden" name="planSlug" value={plan.slug} />
          <input type="hidden" name="quantity" value={quote.quantity} />
          {codeInQuote && enteredCode && <input type="hidden" name="promoCode" value={enteredCode} />}
          <SubmitButton pendingLabel={t("paying")}>{t("pay", { total: money(quote.totalAmount) })}</SubmitButton>
          <p className="text-sm text-slate-600">{t("payNote")}</p>
        </form>
      </section>
    </div>
  );
}
