import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { getPlanFormat } from "@/app/_components/plan-format";
import { SubmitButton } from "@/app/_components/submit-button";
import { topUpOptions } from "@/lib/balance/topups";
import { GRACE_DAYS_AFTER_EXPIRY } from "@/lib/balance/rules";
import { Link } from "@/lib/i18n/navigation";
import { formatMoney } from "@/lib/money";
import { buyTopUp } from "./balance-actions";

const PROBLEMS = ["not_found", "wrong_carrier", "closed", "payment_unavailable", "rate_limited"] as const;

// Packs of this eSIM's carrier only, with the window in which they can be bought said up front.
export async function TopUp({
  esimId,
  userId,
  carrierName,
  notice,
  retryAfterSeconds = 60,
}: {
  esimId: string;
  userId: string;
  carrierName: string;
  notice?: string;
  // With a "rate_limited" notice: how long until another checkout may open.
  retryAfterSeconds?: number;
}) {
  const [options, t, format, plan, locale] = await Promise.all([
    topUpOptions(esimId, userId),
    getTranslations("TopUp"),
    getFormatter(),
    getPlanFormat(),
    getLocale(),
  ]);
  if (!options) return null;
  const { window, packs } = options;
  const problem = PROBLEMS.find((p) => p === notice);

  return (
    <section aria-labelledby="top-up-title" className="rounded-xl border border-slate-200 p-6">
      <h2 id="top-up-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {notice === "cancelled" && <p className="mt-2 rounded-md bg-slate-100 px-3 py-2">{t("cancelled")}</p>}
      {problem && (
        <p role="alert" className="mt-2 rounded-md bg-brand-50 px-3 py-2 font-medium text-brand-800">
          {t(`problems.${problem}`, { minutes: Math.ceil(retryAfterSeconds / 60) })}
        </p>
      )}
      {window.open ? (
        <>
          <p className="mt-1 text-slate-700">{t("lead", { carrier: carrierName })}</p>
          <p className="mt-1 text-sm text-slate-700" data-testid="top-up-window">
            {window.closesAt
              ? t("openUntil", {
                  dateTime: format.dateTime(window.closesAt, { dateStyle: "medium", timeStyle: "short" }),
                  graceDays: GRACE_DAYS_AFTER_EXPIRY,
                })
              : t("openNoEnd")}
          </p>
          <ul className="mt-4 grid gap-3 sm:grid-cols-2">
            {packs.map((pack) => (
              <li key={pack.id} className="rounded-lg border border-slate-200 p-4">
                <p className="font-semibold">{t("pack", { data: plan.data(pack.dataMb), days: pack.daysAdded })}</p>
                <form action={buyTopUp} className="mt-3">
                  <input type="hidden" name="esimId" value={esimId} />
                  <input type="hidden" name="pack" value={pack.slug} />
                  <SubmitButton pendingLabel={t("buying")}>
                    {t("buy", { price: formatMoney({ amount: pack.priceAmount, currency: pack.currency }, locale) })}
                  </SubmitButton>
                </form>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <div className="mt-2 space-y-3">
          <p className="text-slate-700">
            {t(window.reason === "deleted" ? "closedDeleted" : "closedGrace", { graceDays: GRACE_DAYS_AFTER_EXPIRY })}
          </p>
          <Link href="/plans" className="font-semibold text-brand-700 underline">
            {t("newEsim")}
          </Link>
        </div>
      )}
    </section>
  );
}
