import { Heading, Img, Section, Text } from "@react-email/components";
import { ActionButton } from "./action-button";
import { type EmailLocale, emailPlanName, emailTranslator, type PlanForEmail } from "./i18n";
import { EmailLayout, styles } from "./layout";

export type EsimActivationProps = {
  locale: EmailLocale;
  name: string;
  plan: PlanForEmail;
  iccid: string;
  smdpAddress: string;
  matchingId: string;
  activationUrl: string;
  // "cid:…" for the QR attached to the email; a file for the preview.
  qrImageSrc: string;
};

export function esimActivationSubject({ locale, plan }: EsimActivationProps) {
  return emailTranslator(locale)("activation.subject", { plan: emailPlanName(locale, plan) });
}

export default function EsimActivation(props: EsimActivationProps) {
  const t = emailTranslator(props.locale);
  const plan = emailPlanName(props.locale, props.plan);
  return (
    <EmailLayout locale={props.locale} preview={t("activation.preview")}>
      <Heading style={styles.heading}>{t("activation.subject", { plan })}</Heading>
      <Text style={styles.text}>{t("greeting", { name: props.name })}</Text>
      <Text style={styles.text}>{t("activation.body", { plan })}</Text>
      <Text style={styles.warning}>{t("activation.backup")}</Text>
      <Section style={{ textAlign: "center", margin: "8px 0 16px" }}>
        <Img src={props.qrImageSrc} width="240" height="240" alt={t("activation.qrAlt")} style={{ margin: "0 auto" }} />
      </Section>
      <Text style={styles.text}>{t("activation.scan")}</Text>
      <ActionButton href={props.activationUrl} label={t("activation.button")} fallbackLabel={t("linkFallback")} />
      <Text style={styles.text}>{t("activation.manual")}</Text>
      <Text style={styles.text}>
        {t("activation.smdp")}: <span style={styles.code}>{props.smdpAddress}</span>
        <br />
        {t("activation.code")}: <span style={styles.code}>{props.matchingId}</span>
        <br />
        {t("activation.iccid")}: <span style={styles.code}>{props.iccid}</span>
      </Text>
      <Text style={styles.muted}>{t("activation.validity", { days: props.plan.days })}</Text>
    </EmailLayout>
  );
}

EsimActivation.PreviewProps = {
  locale: "en",
  name: "Aiko Tanaka",
  plan: { carrierName: "SoftBank", dataMb: 2048, days: 5 },
  iccid: "8981200022152967703",
  smdpAddress: "softbank.smdp.tabi.test",
  matchingId: "04386-AGYFT-A74Y8-3F815",
  activationUrl: "http://127.0.0.1:3000/en/activate/preview-token",
  qrImageSrc: "/static/esim-qr-example.png",
} satisfies EsimActivationProps;
