import { Button, Link, Section, Text } from "@react-email/components";
import { styles } from "./layout";

// A button for the link, and the bare address for clients that hide buttons.
export function ActionButton({ href, label, fallbackLabel }: { href: string; label: string; fallbackLabel: string }) {
  return (
    <Section style={{ margin: "8px 0 20px" }}>
      <Button href={href} style={styles.button}>
        {label}
      </Button>
      <Text style={{ ...styles.muted, marginTop: "16px" }}>
        {fallbackLabel}{" "}
        <Link href={href} style={{ color: "#b3163d", wordBreak: "break-all" }}>
          {href}
        </Link>
      </Text>
    </Section>
  );
}
