import { Column, Heading, Row, Section, Text } from "@react-email/components";
import { formatMoney } from "../lib/money";
import type { EmailPayloads } from "../lib/email/messages";
import { emailDateTime, type EmailLocale, emailPlanName, emailTranslator, emailPaymentMethod } from "./i18n";
import { EmailLayout, styles } from "./layout";

// What the outbox stores for a receipt, in the recipient's language.
export type OrderReceiptProps = EmailPayloads["order-receipt"] & { locale: EmailLocale };

export function orderReceiptSubject({ locale, reference }: OrderReceiptProps) {
  return emailTranslator(locale)("receipt.subject", { reference });
}

export function Line({ label, amount, strong }: { label: string; amount: string; strong?: boolean }) {
  const style = { ...styles.text, fontWeight: strong ? 700 : 400 };
  return (
    <Row>
      <Column style={style}>{label}</Column>
      <Column style={{ ...style, textAlign: "right" }}>{amount}</Column>
    </Row>
  );
}

export default function OrderReceipt(props: OrderReceiptProps) {
  const t = emailTranslator(props.locale);
  const money = (amount: number) => formatMoney({ amount, currency: props.currency }, props.locale);
  const total = money(props.totalAmount);
  const paidAt = emailDateTime(props.locale, props.paidAt);
  return (
    <EmailLayout locale={props.locale} preview={t("receipt.preview", { total })}>
      <Heading style={styles.heading}>{t("receipt.order", { reference: props.reference })}</Heading>
      <Text style={styles.text}>{t("greeting", { name: props.name })}</Text>
      <Text style={styles.text}>{t("receipt.body")}</Text>
      <Section style={{ margin: "8px 0 16px" }}>
        <Line
          label={
            props.topUp
              ? t("receipt.topUp", { pack: emailPlanName(props.locale, props.topUp), iccid: props.topUp.iccid })
              : `${props.plan ? emailPlanName(props.locale, props.plan) : ""} × ${props.quantity}`
          }
          amount={money(props.subtotalAmount)}
        />
        {props.discounts.map((discount) => (
          <Line
            key={discount.slug}
            label={t(`receipt.discount.${discount.kind}`, { code: discount.code ?? "" })}
            amount={`−${money(discount.amount)}`}
          />
        ))}
        <Line label={t("receipt.total")} amount={total} strong />
      </Section>
      <Text style={styles.muted}>{t("receipt.paidAt", { dateTime: paidAt })}</Text>
      {props.paymentMethod && <Text style={styles.muted}>{emailPaymentMethod(props.locale, props.paymentMethod)}</Text>}
      <Text style={styles.muted}>{t("receipt.testMode")}</Text>
    </EmailLayout>
  );
}

OrderReceipt.PreviewProps = {
  locale: "en",
  name: "Aiko Tanaka",
  reference: "TB-7K2Q9X",
  plan: { carrierName: "NTT Docomo", dataMb: 3072, days: 7 },
  quantity: 2,
  subtotalAmount: 3960,
  discounts: [{ slug: "docomo-3gb-bogo", kind: "BUY_ONE_GET_ONE", amount: 1980 }],
  totalAmount: 1980,
  currency: "JPY",
  paidAt: "2026-11-25T03:00:00.000Z",
  paymentMethod: { type: "konbini", store: "familymart" },
} satisfies OrderReceiptProps;
