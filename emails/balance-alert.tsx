import { Heading, Text } from "@react-email/components";
import type { AlertKind } from "@prisma/client";
import { ActionButton } from "./action-button";
import { type EmailLocale, emailPlanName, emailTranslator, type PlanForEmail } from "./i18n";
import { EmailLayout, styles } from "./layout";

export type BalanceAlertProps = {
  locale: EmailLocale;
  name: string;
  kind: AlertKind;
  plan: PlanForEmail;
  iccid: string;
  esimUrl: string;
};

export function balanceAlertSubject({ locale, kind }: BalanceAlertProps) {
  return emailTranslator(locale)(`alert.subject.${kind}`);
}

export default function BalanceAlert(props: BalanceAlertProps) {
  const t = emailTranslator(props.locale);
  return (
    <EmailLayout locale={props.locale} preview={t("alert.preview")}>
      <Heading style={styles.heading}>{t(`alert.subject.${props.kind}`)}</Heading>
      <Text style={styles.text}>{t("greeting", { name: props.name })}</Text>
      <Text style={styles.text}>
        {t(`alert.body.${props.kind}`, { plan: emailPlanName(props.locale, props.plan), iccid: props.iccid })}
      </Text>
      <ActionButton href={props.esimUrl} label={t("alert.button")} fallbackLabel={t("linkFallback")} />
    </EmailLayout>
  );
}

BalanceAlert.PreviewProps = {
  locale: "en",
  name: "Aiko Tanaka",
  kind: "DATA_75",
  plan: { carrierName: "NTT Docomo", dataMb: 3072, days: 7 },
  iccid: "8981100022152967705",
  esimUrl: "http://127.0.0.1:3000/en/esims/preview",
} satisfies BalanceAlertProps;
