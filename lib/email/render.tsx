import "server-only";
import { render } from "@react-email/components";
import QRCode from "qrcode";
import type { ReactElement } from "react";
import BalanceAlert, { balanceAlertSubject } from "@/emails/balance-alert";
import EmailChanged, { emailChangedSubject } from "@/emails/email-changed";
import EsimActivation, { esimActivationSubject } from "@/emails/esim-activation";
import { type EmailLocale, isEmailLocale } from "@/emails/i18n";
import KonbiniVoucherEmail, { konbiniVoucherSubject } from "@/emails/konbini-voucher";
import OrderReceipt, { orderReceiptSubject } from "@/emails/order-receipt";
import OrderRefund, { orderRefundSubject } from "@/emails/order-refund";
import PasswordChanged, { passwordChangedSubject } from "@/emails/password-changed";
import PasswordReset, { passwordResetSubject } from "@/emails/password-reset";
import VerifyEmail, { verifyEmailSubject } from "@/emails/verify-email";
import WebhookEndpointDisabled, { webhookEndpointDisabledSubject } from "@/emails/webhook-endpoint-disabled";
import { env } from "../env";
import { EMAIL_RESTORE_DAYS, EMAIL_VERIFICATION_HOURS, PASSWORD_RESET_MINUTES } from "./token-lifetimes";
import type { EmailPayloads, EmailTemplate } from "./messages";

export type RenderedEmail = {
  subject: string;
  html: string;
  text: string;
  attachments: { filename: string; content: Buffer; cid: string; contentType: string }[];
};

type Built = { subject: string; element: ReactElement; attachments?: RenderedEmail["attachments"] };

const QR_CID = "esim-qr@tabi";

const BUILDERS: {
  [T in EmailTemplate]: (payload: EmailPayloads[T], locale: EmailLocale, appUrl: string) => Promise<Built>;
} = {
  async "verify-email"({ name, token }, locale, appUrl) {
    const props = {
      locale,
      name,
      verifyUrl: `${appUrl}/${locale}/verify-email/${token}`,
      validHours: EMAIL_VERIFICATION_HOURS,
    };
    return { subject: verifyEmailSubject(props), element: <VerifyEmail {...props} /> };
  },
  async "password-reset"({ name, token }, locale, appUrl) {
    const props = {
      locale,
      name,
      resetUrl: `${appUrl}/${locale}/reset-password/${token}`,
      validMinutes: PASSWORD_RESET_MINUTES,
    };
    return { subject: passwordResetSubject(props), element: <PasswordReset {...props} /> };
  },
  async "password-changed"(payload, locale, appUrl) {
    const props = { ...payload, locale, resetUrl: `${appUrl}/${locale}/forgot-password` };
    return { subject: passwordChangedSubject(props), element: <PasswordChanged {...props} /> };
  },
  async "email-changed"({ token, ...payload }, locale, appUrl) {
    const props = {
      ...payload,
      locale,
      restoreUrl: `${appUrl}/${locale}/restore-email/${token}`,
      validDays: EMAIL_RESTORE_DAYS,
    };
    return { subject: emailChangedSubject(props), element: <EmailChanged {...props} /> };
  },
  async "order-receipt"(payload, locale) {
    const props = { ...payload, locale };
    return { subject: orderReceiptSubject(props), element: <OrderReceipt {...props} /> };
  },
  async "order-refund"({ actionUrl, ...payload }, locale, appUrl) {
    const props = {
      ...payload,
      locale,
      plansUrl: `${appUrl}/${locale}/plans`,
      // The local checkout's bank-account page is a path on this site, in the reader's language.
      actionUrl: actionUrl?.startsWith("/") ? `${appUrl}/${locale}${actionUrl}` : actionUrl,
    };
    return { subject: orderRefundSubject(props), element: <OrderRefund {...props} /> };
  },
  async "konbini-voucher"(payload, locale, appUrl) {
    const props = { ...payload, locale, ordersUrl: `${appUrl}/${locale}/orders` };
    return { subject: konbiniVoucherSubject(props), element: <KonbiniVoucherEmail {...props} /> };
  },
  async "balance-alert"({ esimId, ...payload }, locale, appUrl) {
    const props = { ...payload, locale, esimUrl: `${appUrl}/${locale}/esims/${esimId}` };
    return { subject: balanceAlertSubject(props), element: <BalanceAlert {...props} /> };
  },
  async "webhook-endpoint-disabled"(payload, locale, appUrl) {
    const props = { ...payload, locale, webhooksUrl: `${appUrl}/${locale}/webhooks` };
    return { subject: webhookEndpointDisabledSubject(props), element: <WebhookEndpointDisabled {...props} /> };
  },
  async "esim-activation"({ token, activationCode, ...payload }, locale, appUrl) {
    const props = {
      ...payload,
      locale,
      activationUrl: `${appUrl}/${locale}/activate/${token}`,
      qrImageSrc: `cid:${QR_CID}`,
    };
    // The QR travels as an inline attachment: most mail clients block data: images.
    const qr = await QRCode.toBuffer(activationCode, { errorCorrectionLevel: "M", margin: 2, width: 480 });
    return {
      subject: esimActivationSubject(props),
      element: <EsimActivation {...props} />,
      attachments: [{ filename: "esim-qr.png", content: qr, cid: QR_CID, contentType: "image/png" }],
    };
  },
};

export async function renderEmail<T extends EmailTemplate>(
  template: T,
  payload: EmailPayloads[T],
  locale: string,
): Promise<RenderedEmail> {
  const emailLocale = isEmailLocale(locale) ? locale : "en";
  const built = await BUILDERS[template](payload, emailLocale, env().APP_URL);
  const [html, text] = await Promise.all([render(built.element), render(built.element, { plainText: true })]);
  return { subject: built.subject, html, text, attachments: built.attachments ?? [] };
}
