import type { Metadata } from "next";
import type { Locale } from "next-intl";
import { getLocale, getTranslations, setRequestLocale } from "next-intl/server";
import { redirect } from "next/navigation";
import { formatMoney } from "@/lib/money";
import { answerChallenge } from "../actions";
import { buyersLocalSession } from "../session";

type ChallengePageProps = { params: Promise<{ locale: Locale; sessionId: string }> };

export async function generateMetadata({ params }: ChallengePageProps): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "LocalCheckout" });
  return { title: t("challengeTitle"), robots: { index: false } };
}

// Stands in for the card issuer's 3-D Secure page: the buyer completes or fails it.
export default async function ChallengePage({ params }: ChallengePageProps) {
  const { locale: requestedLocale, sessionId } = await params;
  setRequestLocale(requestedLocale);
  const session = await buyersLocalSession(sessionId, `/checkout/local/${sessionId}/authenticate`);
  const [t, locale] = await Promise.all([getTranslations("LocalCheckout"), getLocale()]);
  if (!session.pendingChallenge || session.status !== "OPEN") redirect(`/${locale}/checkout/local/${session.id}`);
  const total = formatMoney({ amount: session.amountTotal, currency: session.currency }, locale);

  return (
    <div className="mx-auto max-w-md px-4 py-12">
      <div className="rounded-xl border-2 border-slate-800 p-6">
        <p className="text-sm font-semibold text-slate-600">{t("challengeBank")}</p>
        <h1 className="mt-2 text-2xl font-bold tracking-tight">{t("challengeTitle")}</h1>
        <p className="mt-3">{t("challengeBody", { total, last4: session.pendingChallenge })}</p>
        {/* The button pressed is the answer: its name and value are sent with the form. */}
        <form action={answerChallenge} className="mt-6 flex flex-col gap-3">
          <input type="hidden" name="sessionId" value={session.id} />
          <button
            type="submit"
            name="answer"
            value="complete"
            className="w-full rounded-md bg-emerald-800 px-4 py-2.5 font-semibold text-white hover:bg-emerald-900"
          >
            {t("challengeComplete")}
          </button>
          <button
            type="submit"
            name="answer"
            value="fail"
            className="w-full rounded-md border border-slate-400 px-4 py-2.5 font-semibold hover:bg-slate-50"
          >
            {t("challengeFail")}
          </button>
        </form>
      </div>
    </div>
  );
}
