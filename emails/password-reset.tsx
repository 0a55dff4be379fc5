import { Heading, Text } from "@react-email/components";
import { ActionButton } from "./action-button";
import { type EmailLocale, emailTranslator } from "./i18n";
import { EmailLayout, styles } from "./layout";

export type PasswordResetProps = { locale: EmailLocale; name: string; resetUrl: string; validMinutes: number };

export function passwordResetSubject({ locale }: PasswordResetProps) {
  return emailTranslator(locale)("reset.subject");
}

export default function PasswordReset(props: PasswordResetProps) {
  const t = emailTranslator(props.locale);
  return (
    <EmailLayout locale={props.locale} preview={t("reset.preview")}>
      <Heading style={styles.heading}>{t("reset.subject")}</Heading>
      <Text style={styles.text}>{t("greeting", { name: props.name })}</Text>
      <Text style={styles.text}>{t("reset.body")}</Text>
      <ActionButton href={props.resetUrl} label={t("reset.button")} fallbackLabel={t("linkFallback")} />
      <Text style={styles.muted}>{t("reset.expiry", { minutes: props.validMinutes })}</Text>
    </EmailLayout>
  );
}

PasswordReset.PreviewProps = {
  locale: "en",
  name: "Aiko Tanaka",
  resetUrl: "http://127.0.0.1:3000/en/reset-password/preview-token",
  validMinutes: 60,
} satisfies PasswordResetProps;
