import { Heading, Section, Text } from "@react-email/components";
import type { EmailPayloads } from "../lib/email/messages";
import { formatMoney } from "../lib/money";
import { KONBINI_STORES } from "../lib/payments/konbini";
import { ActionButton } from "./action-button";
import { emailDateTime, type EmailLocale, emailPaymentTranslator, emailPlanName, emailTranslator } from "./i18n";
import { EmailLayout, styles } from "./layout";
import { Line } from "./order-receipt";

// The Konbini voucher, for the buyer to take to a store: what the checkout showed, to keep.
export type KonbiniVoucherProps = EmailPayloads["konbini-voucher"] & { locale: EmailLocale; ordersUrl: string };

export function konbiniVoucherSubject({ locale, reference }: KonbiniVoucherProps) {
  return emailTranslator(locale)("voucher.subject", { reference });
}

export default function KonbiniVoucherEmail(props: KonbiniVoucherProps) {
  const t = emailTranslator(props.locale);
  const tPay = emailPaymentTranslator(props.locale);
  const { voucher } = props;
  const amount = formatMoney({ amount: voucher.amount, currency: voucher.currency }, props.locale);
  const deadline = emailDateTime(props.locale, voucher.expiresAt);
  const item = props.topUp
    ? t("receipt.topUp", { pack: emailPlanName(props.locale, props.topUp), iccid: props.topUp.iccid })
    : props.plan
      ? emailPlanName(props.locale, props.plan)
      : null;
  return (
    <EmailLayout locale={props.locale} preview={t("voucher.preview", { amount, deadline })}>
      <Heading style={styles.heading}>{tPay("voucher.title")}</Heading>
      <Text style={styles.text}>{t("greeting", { name: props.name })}</Text>
      <Text style={styles.text}>{t("voucher.body", { reference: props.reference })}</Text>
      <Text style={styles.warning}>{tPay("voucher.deadline", { dateTime: deadline })}</Text>
      <Section style={{ margin: "8px 0 16px" }}>
        {item && <Line label={item} amount={amount} />}
        <Line label={tPay("voucher.confirmationNumber")} amount={voucher.confirmationNumber} strong />
        {KONBINI_STORES.map((store) => (
          <Line
            key={store}
            label={`${tPay(`stores.${store}`)} · ${tPay("voucher.paymentCode")}`}
            amount={voucher.paymentCodes[store]}
          />
        ))}
      </Section>
      <Text style={styles.muted}>{t("voucher.howTo")}</Text>
      <ActionButton
        href={voucher.hostedVoucherUrl ?? props.ordersUrl}
        label={t(voucher.hostedVoucherUrl ? "voucher.printable" : "voucher.viewOrder")}
        fallbackLabel={t("linkFallback")}
      />
      <Text style={styles.muted}>{t("voucher.testMode")}</Text>
    </EmailLayout>
  );
}

KonbiniVoucherEmail.PreviewProps = {
  locale: "ja",
  name: "田中 愛子",
  reference: "TB-7K2Q9X",
  plan: { carrierName: "KDDI au", dataMb: 3072, days: 7 },
  voucher: {
    confirmationNumber: "09012345678",
    paymentCodes: {
      familymart: "123456789012",
      lawson: "234567890123",
      ministop: "345678901234",
      seicomart: "456789012345",
    },
    amount: 1480,
    currency: "JPY",
    expiresAt: "2026-12-05T14:59:59.000Z",
  },
  ordersUrl: "http://127.0.0.1:3000/ja/orders",
} satisfies KonbiniVoucherProps;
