import { Heading, Text } from "@react-email/components";
import { ActionButton } from "./action-button";
import { type EmailLocale, emailTranslator } from "./i18n";
import { EmailLayout, styles } from "./layout";

export type VerifyEmailProps = { locale: EmailLocale; name: string; verifyUrl: string; validHours: number };

export function verifyEmailSubject({ locale }: VerifyEmailProps) {
  return emailTranslator(locale)("verify.subject");
}

export default function VerifyEmail(props: VerifyEmailProps) {
  const t = emailTranslator(props.locale);
  return (
    <EmailLayout locale={props.locale} preview={t("verify.preview")}>
      <Heading style={styles.heading}>{t("verify.subject")}</Heading>
      <Text style={styles.text}>{t("greeting", { name: props.name })}</Text>
      <Text style={styles.text}>{t("verify.body")}</Text>
      <ActionButton href={props.verifyUrl} label={t("verify.button")} fallbackLabel={t("linkFallback")} />
      <Text style={styles.muted}>{t("verify.expiry", { hours: props.validHours })}</Text>
    </EmailLayout>
  );
}

VerifyEmail.PreviewProps = {
  locale: "en",
  name: "Aiko Tanaka",
  verifyUrl: "http://127.0.0.1:3000/en/verify-email/preview-token",
  validHours: 48,
} satisfies VerifyEmailProps;
