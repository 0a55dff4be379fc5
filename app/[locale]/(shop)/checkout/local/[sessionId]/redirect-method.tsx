import { getLocale, getTranslations } from "next-intl/server";
import QRCode from "qrcode";
import { RefreshWhilePending } from "@/app/_components/refresh-while-pending";
import { SubmitButton } from "@/app/_components/submit-button";
import { env } from "@/lib/env";
import { Link } from "@/lib/i18n/navigation";
import { type RedirectMethod, SCANNED_ON_A_PHONE } from "@/lib/payments/methods";
import { chooseAnotherMethod, payWithRedirect } from "./actions";

type RedirectMethodProps = {
  sessionId: string;
  method: RedirectMethod;
  // The link of an attempt already waiting for this method's answer, if any.
  waitingToken: string | null;
};

// A wallet's step in the checkout: a button that sends the buyer to the wallet's page; for
// PayPay and WeChat Pay, a QR code that opens that page on a phone while this one waits for the
// answer. On a narrow screen (the phone itself) the QR gives way to a plain link.
export async function RedirectMethodPanel({ sessionId, method, waitingToken }: RedirectMethodProps) {
  const [t, tMethods, locale] = await Promise.all([
    getTranslations("LocalCheckout"),
    getTranslations("PaymentMethods"),
    getLocale(),
  ]);
  const name = tMethods(`names.${method}`);
  if (!waitingToken) {
    return (
      <form action={payWithRedirect} className="space-y-3">
        <input type="hidden" name="sessionId" value={sessionId} />
        <input type="hidden" name="method" value={method} />
        <p className="text-sm text-slate-700">{t("redirectLead", { method: name })}</p>
        <SubmitButton pendingLabel={t("paying")}>{t("redirectContinue", { method: name })}</SubmitButton>
      </form>
    );
  }
  const path = `/checkout/local/authorize/${waitingToken}`;
  const scanUrl = `${env().APP_URL}/${locale}${path}?scanned=1`;
  const qr = SCANNED_ON_A_PHONE.includes(method)
    ? await QRCode.toDataURL(scanUrl, { errorCorrectionLevel: "M", margin: 2, width: 240 })
    : null;
  return (
    <div className="space-y-4" aria-live="polite">
      {qr && (
        <div className="hidden md:block">
          <p className="font-semibold">{t("scanTitle", { method: name })}</p>
          {/* eslint-disable-next-line @next/next/no-img-element -- a data URL made on the server */}
          <img src={qr} width={240} height={240} alt={t("scanAlt", { method: name })} data-testid="authorization-qr" />
          <p className="text-sm text-slate-600">{t("scanWaiting")}</p>
        </div>
      )}
      <Link
        href={path}
        className={`inline-block rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 ${qr ? "md:hidden" : ""}`}
      >
        {t("openAuthorization", { method: name })}
      </Link>
      {qr && (
        <Link href={path} className="hidden text-sm font-semibold text-brand-700 underline md:inline-block">
          {t("openHere")}
        </Link>
      )}
      <form action={chooseAnotherMethod}>
        <input type="hidden" name="sessionId" value={sessionId} />
        <button type="submit" className="text-sm font-semibold text-slate-700 underline">
          {t("chooseAnother")}
        </button>
      </form>
      {/* The answer comes from another screen: ask the server until the session moves on. */}
      <RefreshWhilePending intervalMs={2000} maxTries={300} />
    </div>
  );
}
