import { Heading, Section, Text } from "@react-email/components";
import type { EmailPayloads } from "../lib/email/messages";
import { GRACE_DAYS_AFTER_EXPIRY } from "../lib/balance/rules";
import { formatMoney } from "../lib/money";
import { isStaffRefundReason } from "../lib/orders/staff-refund-reasons";
import { ActionButton } from "./action-button";
import { emailDateTime, type EmailLocale, emailPlanName, emailTranslator } from "./i18n";
import { EmailLayout, styles } from "./layout";
import { Line } from "./order-receipt";

// What the outbox stores for a refund, in the recipient's language, and where to buy a new
// eSIM when the old one can no longer be topped up.
// A Konbini refund's notice links to where the buyer gives the bank account (actionUrl, absolute).
export type OrderRefundProps = EmailPayloads["order-refund"] & { locale: EmailLocale; plansUrl: string };

export function orderRefundSubject({ locale, reference, state = "succeeded" }: OrderRefundProps) {
  return emailTranslator(locale)(`refund.subjects.${state}`, { reference });
}

export default function OrderRefund(props: OrderRefundProps) {
  const t = emailTranslator(props.locale);
  const state = props.state ?? "succeeded";
  const amount = formatMoney({ amount: props.amount, currency: props.currency }, props.locale);
  const refundedAt = emailDateTime(props.locale, props.refundedAt);
  // A refund staff gave: delivered, and given back in full or in part.
  const byStaff = isStaffRefundReason(props.reason);
  const paid = formatMoney({ amount: props.paidAmount ?? props.amount, currency: props.currency }, props.locale);
  const scope = props.paidAmount !== undefined && props.amount < props.paidAmount ? "partial" : "full";
  const item = props.topUp
    ? t("receipt.topUp", { pack: emailPlanName(props.locale, props.topUp), iccid: props.topUp.iccid })
    : props.plan
      ? emailPlanName(props.locale, props.plan)
      : null;
  return (
    <EmailLayout locale={props.locale} preview={t(`refund.previews.${state}`, { amount })}>
      <Heading style={styles.heading}>{t(`refund.headings.${state}`)}</Heading>
      <Text style={styles.text}>{t("greeting", { name: props.name })}</Text>
      <Text style={styles.text}>
        {byStaff
          ? t(`refund.staffBodies.${state}`, { reference: props.reference, amount, paid, scope })
          : t(`refund.bodies.${state}`, { reference: props.reference, amount })}
      </Text>
      <Text style={styles.warning}>{t(`refund.reasons.${props.reason}`, { graceDays: GRACE_DAYS_AFTER_EXPIRY })}</Text>
      <Section style={{ margin: "8px 0 16px" }}>
        {item && <Line label={item} amount={byStaff ? paid : amount} />}
        <Line label={t(`refund.amounts.${state}`)} amount={amount} strong />
      </Section>
      {state === "requires_action" && props.actionUrl && (
        <ActionButton href={props.actionUrl} label={t("refund.giveBankAccount")} fallbackLabel={t("linkFallback")} />
      )}
      <Text style={styles.muted}>{t(`refund.times.${state}`, { dateTime: refundedAt })}</Text>
      {(state === "succeeded" || state === "pending") && <Text style={styles.muted}>{t("refund.timing")}</Text>}
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
  state: "succeeded",
  plansUrl: "http://127.0.0.1:3000/en/plans",
} satisfies OrderRefundProps;
