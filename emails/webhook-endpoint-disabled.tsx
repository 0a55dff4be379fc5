import { Heading, Text } from "@react-email/components";
import { createTranslator } from "use-intl/core";
import en from "../messages/en/webhooks.json";
import ja from "../messages/ja/webhooks.json";
import zh from "../messages/zh/webhooks.json";
import { JST_TIME_ZONE } from "../lib/time/jst";
import { ActionButton } from "./action-button";
import { emailDateTime, type EmailLocale, emailTranslator } from "./i18n";
import { EmailLayout, styles } from "./layout";

const MESSAGES = { en, ja, zh } as const;

export type WebhookEndpointDisabledProps = {
  locale: EmailLocale;
  name: string;
  url: string;
  reason: "gone" | "failing";
  disabledAt: string;
  webhooksUrl: string;
};

const translator = (locale: EmailLocale) =>
  createTranslator({
    locale,
    messages: MESSAGES[locale] as (typeof MESSAGES)["en"],
    namespace: "WebhookEmail",
    timeZone: JST_TIME_ZONE,
  });

export function webhookEndpointDisabledSubject({ locale }: WebhookEndpointDisabledProps) {
  return translator(locale)("subject");
}

// The integration has stopped hearing from the shop: the owner is told why, and where to turn
// the endpoint back on and replay what it missed.
export default function WebhookEndpointDisabled(props: WebhookEndpointDisabledProps) {
  const t = translator(props.locale);
  const common = emailTranslator(props.locale);
  return (
    <EmailLayout locale={props.locale} preview={t("subject")}>
      <Heading style={styles.heading}>{t("subject")}</Heading>
      <Text style={styles.text}>{common("greeting", { name: props.name })}</Text>
      <Text style={styles.text}>
        {t(props.reason, { dateTime: emailDateTime(props.locale, props.disabledAt) })}{" "}
        <span style={styles.code}>{props.url}</span>
      </Text>
      <Text style={styles.text}>{t("next")}</Text>
      <ActionButton href={props.webhooksUrl} label={t("button")} fallbackLabel={common("linkFallback")} />
    </EmailLayout>
  );
}

WebhookEndpointDisabled.PreviewProps = {
  locale: "en",
  name: "Aiko Tanaka",
  url: "https://example.com/webhooks/tabi",
  reason: "failing",
  disabledAt: "2026-12-02T03:00:00.000Z",
  webhooksUrl: "http://127.0.0.1:3000/en/webhooks",
} satisfies WebhookEndpointDisabledProps;
