import { Heading, Text } from "@react-email/components";
import { ActionButton } from "./action-button";
import { emailDateTime, type EmailLocale, emailTranslator } from "./i18n";
import { EmailLayout, styles } from "./layout";

export type PasswordChangedProps = { locale: EmailLocale; name: string; changedAt: string; resetUrl: string };

export function passwordChangedSubject({ locale }: PasswordChangedProps) {
  return emailTranslator(locale)("changed.subject");
}

// A security notice: sent for every new password, so a change the holder did not make is
// noticed while the reset link can still take the account back.
export default function PasswordChanged(props: PasswordChangedProps) {
  const t = emailTranslator(props.locale);
  const changedAt = emailDateTime(props.locale, props.changedAt);
  return (
    <EmailLayout locale={props.locale} preview={t("changed.preview")}>
      <Heading style={styles.heading}>{t("changed.subject")}</Heading>
      <Text style={styles.text}>{t("greeting", { name: props.name })}</Text>
      <Text style={styles.text}>{t("changed.body", { dateTime: changedAt })}</Text>
      <Text style={styles.text}>{t("changed.signedOut")}</Text>
      <Text style={styles.warning}>{t("changed.notYou")}</Text>
      <ActionButton href={props.resetUrl} label={t("changed.button")} fallbackLabel={t("linkFallback")} />
    </EmailLayout>
  );
}

PasswordChanged.PreviewProps = {
  locale: "en",
  name: "Aiko Tanaka",
  changedAt: "2026-11-25T03:00:00.000Z",
  resetUrl: "http://127.0.0.1:3000/en/forgot-password",
} satisfies PasswordChangedProps;
