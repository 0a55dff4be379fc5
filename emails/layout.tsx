import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { htmlLang } from "../lib/i18n/routing";
import { type EmailLocale, emailTranslator } from "./i18n";

export const styles = {
  heading: { fontSize: "22px", fontWeight: 700, margin: "0 0 16px", color: "#16161d" },
  text: { fontSize: "15px", lineHeight: "24px", color: "#16161d", margin: "0 0 12px" },
  muted: { fontSize: "13px", lineHeight: "20px", color: "#475569", margin: "0 0 12px" },
  button: {
    backgroundColor: "#b3163d",
    color: "#ffffff",
    padding: "12px 20px",
    borderRadius: "6px",
    fontWeight: 600,
    fontSize: "15px",
    textDecoration: "none",
  },
  code: {
    fontFamily: "ui-monospace, Menlo, Consolas, monospace",
    fontSize: "14px",
    backgroundColor: "#f1f5f9",
    padding: "2px 6px",
    borderRadius: "4px",
    wordBreak: "break-all" as const,
  },
  warning: {
    fontSize: "14px",
    lineHeight: "22px",
    color: "#7a2e0e",
    backgroundColor: "#fff7ed",
    border: "1px solid #fdba74",
    borderRadius: "6px",
    padding: "12px",
    margin: "0 0 16px",
  },
};

export function EmailLayout({
  locale,
  preview,
  children,
}: {
  locale: EmailLocale;
  preview: string;
  children: ReactNode;
}) {
  const t = emailTranslator(locale);
  return (
    <Html lang={htmlLang[locale]}>
      <Head />
      <Preview>{preview}</Preview>
      <Body
        style={{
          backgroundColor: "#f8fafc",
          fontFamily: "system-ui, -apple-system, 'Segoe UI', 'Hiragino Sans', 'PingFang SC', sans-serif",
          padding: "24px 0",
        }}
      >
        <Container style={{ backgroundColor: "#ffffff", borderRadius: "8px", padding: "32px", maxWidth: "560px" }}>
          <Text style={{ ...styles.text, color: "#b3163d", fontWeight: 700 }}>旅 Tabi eSIM</Text>
          {children}
          <Hr style={{ borderColor: "#e2e8f0", margin: "24px 0" }} />
          <Section>
            <Text style={styles.muted}>{t("footer")}</Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
