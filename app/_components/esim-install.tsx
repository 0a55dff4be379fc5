import { getFormatter, getTranslations } from "next-intl/server";
import { activationQrDataUrl, appleInstallUrl } from "@/lib/esim/qr";
import { Link } from "@/lib/i18n/navigation";

export type InstallableEsim = {
  smdpAddress: string;
  matchingId: string;
  activationCode: string;
  validUntil: Date | null;
  plan: { days: number };
};

// Everything needed to install an eSIM: the QR code, the manual fields, the one-tap iOS link
// and step-by-step instructions. Shown on the activation page and on the eSIM's own page.
export async function EsimInstall({ esim }: { esim: InstallableEsim }) {
  const [t, tDevices, format, qr] = await Promise.all([
    getTranslations("Activation"),
    getTranslations("Devices.links"),
    getFormatter(),
    activationQrDataUrl(esim.activationCode),
  ]);
  return (
    <div className="space-y-8">
      <section aria-labelledby="backup-title" className="rounded-lg border border-amber-400 bg-amber-50 p-4">
        <h2 id="backup-title" className="font-semibold text-amber-950">
          {t("backupTitle")}
        </h2>
        <p className="mt-1 text-amber-950">{t("backup")}</p>
        <Link href="/devices" className="mt-2 inline-block font-semibold text-amber-950 underline">
          {tDevices("check")}
        </Link>
      </section>

      <div className="grid gap-8 md:grid-cols-[auto_1fr]">
        <section aria-labelledby="qr-title">
          <h2 id="qr-title" className="text-lg font-semibold">
            {t("qrTitle")}
          </h2>
          {/* eslint-disable-next-line @next/next/no-img-element -- a generated data: URL, nothing for next/image to optimise */}
          <img
            src={qr}
            width={240}
            height={240}
            alt={t("qrAlt", { code: esim.activationCode })}
            data-testid="activation-qr"
            className="mt-3 rounded border border-slate-200"
          />
          <p className="mt-2 max-w-60 text-sm text-slate-600">{t("qrHelp")}</p>
          <a
            href={appleInstallUrl(esim.activationCode)}
            className="mt-3 inline-block font-semibold text-brand-700 underline"
          >
            {t("iosLink")}
          </a>
        </section>

        <section aria-labelledby="manual-title">
          <h2 id="manual-title" className="text-lg font-semibold">
            {t("manualTitle")}
          </h2>
          <dl className="mt-3 space-y-3">
            <div>
              <dt className="text-sm text-slate-600">{t("smdp")}</dt>
              <dd className="font-mono text-lg" data-testid="smdp-address">
                {esim.smdpAddress}
              </dd>
            </div>
            <div>
              <dt className="text-sm text-slate-600">{t("matchingId")}</dt>
              <dd className="font-mono text-lg" data-testid="matching-id">
                {esim.matchingId}
              </dd>
            </div>
            <div>
              <dt className="text-sm text-slate-600">{t("fullCode")}</dt>
              <dd className="break-all font-mono" data-testid="activation-code">
                {esim.activationCode}
              </dd>
            </div>
          </dl>
        </section>
      </div>

      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="iphone-title" className="rounded-lg border border-slate-200 p-4">
          <h2 id="iphone-title" className="font-semibold">
            {t("iphoneTitle")}
          </h2>
          <p className="mt-1 text-slate-700">{t("iphoneSteps")}</p>
        </section>
        <section aria-labelledby="android-title" className="rounded-lg border border-slate-200 p-4">
          <h2 id="android-title" className="font-semibold">
            {t("androidTitle")}
          </h2>
          <p className="mt-1 text-slate-700">{t("androidSteps")}</p>
        </section>
      </div>

      <section aria-labelledby="validity-title">
        <h2 id="validity-title" className="font-semibold">
          {t("validityTitle")}
        </h2>
        <p className="mt-1 text-slate-700">{t("validity", { days: esim.plan.days })}</p>
        {esim.validUntil && (
          <p className="mt-1 font-medium">
            {t("validUntil", {
              dateTime: format.dateTime(esim.validUntil, { dateStyle: "long", timeStyle: "medium" }),
            })}
          </p>
        )}
      </section>
    </div>
  );
}
