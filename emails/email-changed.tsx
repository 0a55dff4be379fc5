import { Heading, Text } from "@react-email/components";
import { ActionButton } from "./action-button";
import { emailDateTime, type EmailLocale, emailTranslator } from "./i18n";
import { EmailLayout, styles } from "./layout";

export type EmailChangedProps = {
  locale: EmailLocale;
  name: string;
  newEmail: string;
  changedAt: string;
  restoreUrl: string;
  validDays: number;
};

export function emailChangedSubject({ locale }: EmailChangedProps) {
  return emailTranslator(locale)("emailChanged.subject");
}

// A security notice sent to the address being replaced: whoever changed it knew the password,
// so the link both puts this address back and leads to choosing a new password.
export default function EmailChanged(props: EmailChangedProps) {
  const t = emailTranslator(props.locale);
  const changedAt = emailDateTime(props.locale, props.changedAt);
  return (
    <EmailLayout locale={props.locale} preview={t("emailChanged.preview")}>
      <Heading style={styles.heading}>{t("emailChanged.subject")}</Heading>
      <Text style={styles.text}>{t("greeting", { name: props.name })}</Text>
      <Text style={styles.text}>{t("emailChanged.body", { newEmail: props.newEmail, dateTime: changedAt })}</Text>
      <Text style={styles.warning}>{t("emailChanged.notYou")}</Text>
      <ActionButton href={props.restoreUrl} label={t("emailChanged.button")} fallbackLabel={t("linkFallback")} />
      <Text style={styles.muted}>{t("emailChanged.expiry", { days: props.validDays })}</Text>
    </EmailLayout>
  );
}

EmailChanged.PreviewProps = {
  locale: "en",
  name: "Aiko Tanaka",
  newEmail: "aiko.tanaka@example.com",
  changedAt: "2026-11-25T03:00:00.000Z",
  restoreUrl: "http://127.0.0.1:3000/en/restore-email/preview-token",
  validDays: 7,
} satisfies EmailChangedProps;
