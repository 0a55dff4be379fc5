import { Heading, Section, Text } from "@react-email/components";
import type { EmailPayloads } from "../lib/email/messages";
import { GRACE_DAYS_AFTER_EXPIRY } from "../lib/balance/rules";
import { formatMoney } from "../lib/money";
import { ActionButton } from "./action-button";
import { emailDateTime, type EmailLocale, emailPlanName, emailTranslator } from "./i18n";
import { EmailLayout, styles } from "./layout";
import { Line } from "./order-receipt";

// What the outbox stores for a refund, in the recipient's language, and where to buy a new
// eSIM when the old one can no longer be topped up.
export type OrderRefundProps = EmailPayloads["order-refund"] & { locale: EmailLocale; plansUrl: string };

export function orderRefundSubject({ locale, reference }: OrderRefundProps) {
  return emailTranslator(locale)("refund.subject", { reference });
}

export default function OrderRefund(props: OrderRefundProps) {
  const t = emailTranslator(props.locale);
  const amount = formatMoney({ amount: props.amount, currency: props.currency }, props.locale);
  const refundedAt = emailDateTime(props.locale, props.refundedAt);
  const item = props.topUp
    ? t("receipt.topUp", { pack: emailPlanName(props.locale, props.topUp), iccid: props.topUp.iccid })
    : props.plan
      ? emailPlanName(props.locale, props.plan)
      : null;
  return (
    <EmailLayout locale={props.locale} preview={t("refund.preview", { amount })}>
      <Heading style={styles.heading}>{t("refund.heading")}</Heading>
      <Text style={styles.text}>{t("greeting", { name: props.name })}</Text>
      <Text style={styles.text}>{t("refund.body", { reference: props.reference })}</Text>
      <Text style={styles.warning}>{t(`refund.reasons.${props.reason}`, { graceDays: GRACE_DAYS_AFTER_EXPIRY })}</Text>
      <Section style={{ margin: "8px 0 16px" }}>
        {item && <Line label={item} amount={amount} />}
        <Line label={t("refund.refunded")} amount={amount} strong />
      </Section>
      <Text style={styles.muted}>{t("refund.refundedAt", { dateTime: refundedAt })}</Text>
      <Text style={styles.muted}>{t("refund.timing")}</Text>
      {props.reason === "topup_closed" && (
        <ActionButton href={props.plansUrl} label={t("refund.newEsim")} fallbackLabel={t("linkFallback")} />
      )}
      <Text style={styles.muted}>{t("refund.testMode")}</Text>
    </EmailLayout>
  );
}

OrderRefund.PreviewProps = {
  locale: "en",
  name: "Aiko Tanaka",
  reference: "TB-7K2Q9X",
  topUp: { carrierName: "KDDI au", dataMb: 1024, days: 7, iccid: "8981100022152967705" },
  reason: "topup_closed",
  amount: 880,
  currency: "JPY",
  refundedAt: "2026-11-25T03:00:00.000Z",
  plansUrl: "http://127.0.0.1:3000/en/plans",
} satisfies OrderRefundProps;
