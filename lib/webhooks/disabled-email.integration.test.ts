import { describe, expect, it } from "vitest";
import { renderEmail } from "../email/render";

describe("the email when the app disables an endpoint", () => {
  it.each(["en", "ja", "zh"])("says why and links to the webhooks page (%s)", async (locale) => {
    const email = await renderEmail(
      "webhook-endpoint-disabled",
      { name: "Aiko", url: "https://example.com/hooks", reason: "failing", disabledAt: "2026-12-02T03:00:00.000Z" },
      locale,
    );
    expect(email.subject.length).toBeGreaterThan(5);
    expect(email.text).toContain("https://example.com/hooks");
    expect(email.html).toContain(`/${locale}/webhooks`);
  });
});
