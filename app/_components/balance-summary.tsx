import { getFormatter, getTranslations } from "next-intl/server";
import type { EsimBalance } from "@/lib/balance/summary";
import { DataMeter } from "./data-meter";
import { getPlanFormat } from "./plan-format";

const bytesToMb = (bytes: bigint) => Number(bytes) / 1_048_576;

// Data, days and minutes left for one eSIM, with the time of the last usage record.
export async function BalanceSummary({ balance }: { balance: EsimBalance }) {
  const [t, format, plan] = await Promise.all([getTranslations("Dashboard"), getFormatter(), getPlanFormat()]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });

  const dataText =
    balance.remainingBytes === null || balance.totalBytes === null
      ? t("unlimited")
      : t("dataLeft", {
          left: plan.data(bytesToMb(balance.remainingBytes > 0n ? balance.remainingBytes : 0n)),
          total: plan.data(bytesToMb(balance.totalBytes)),
        });
  const dataFraction =
    balance.remainingBytes === null || !balance.totalBytes
      ? 1
      : Number(balance.remainingBytes) / Number(balance.totalBytes);

  return (
    <div className="space-y-4">
      <dl className="grid gap-4 sm:grid-cols-3">
        <div>
          <dt className="text-sm text-slate-600">{t("data")}</dt>
          <dd className="mt-1 space-y-2">
            <p className="font-semibold" data-testid="data-left">
              {dataText}
            </p>
            {balance.remainingBytes !== null && (
              <DataMeter fraction={dataFraction} label={t("data")} valueText={dataText} />
            )}
            {balance.fairUseDailyBytes !== null && (
              <p
                className={balance.throttledToday ? "font-medium text-brand-700" : "text-sm text-slate-700"}
                data-testid="throttle"
              >
                {balance.throttledToday
                  ? t("throttled", { speed: plan.speed(balance.plan.throttledKbps ?? 0) })
                  : t("todayUsage", {
                      used: plan.data(bytesToMb(balance.todayBytes)),
                      allowance: plan.data(bytesToMb(balance.fairUseDailyBytes)),
                    })}
              </p>
            )}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">{t("days")}</dt>
          <dd className="mt-1">
            {balance.validUntil === null ? (
              <p className="font-semibold">{t("notStarted", { days: balance.totalDays })}</p>
            ) : balance.expired ? (
              <p className="font-semibold">{t("expired", { dateTime: when(balance.validUntil) })}</p>
            ) : (
              <>
                <p className="font-semibold" data-testid="days-left">
                  {t("daysLeft", { days: balance.daysLeft ?? 0 })}
                </p>
                <p className="text-sm text-slate-700">{t("endsAt", { dateTime: when(balance.validUntil) })}</p>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">{t("minutes")}</dt>
          <dd className="mt-1 font-semibold" data-testid="minutes-left">
            {balance.totalVoiceSeconds > 0
              ? t("minutesLeft", {
                  left: Math.floor(balance.remainingVoiceSeconds / 60),
                  total: balance.totalVoiceSeconds / 60,
                })
              : t("noMinutes")}
          </dd>
        </div>
      </dl>
      <p className="text-sm text-slate-600" data-testid="as-of">
        {balance.asOf ? t("asOf", { dateTime: when(balance.asOf) }) : t("noUsageYet")}
      </p>
    </div>
  );
}
