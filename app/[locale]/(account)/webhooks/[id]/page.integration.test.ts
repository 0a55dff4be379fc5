import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { newBuyer } from "@/lib/testing/shop";
import { startReceiver } from "@/lib/testing/webhook-receiver";
import { createEndpoint } from "@/lib/webhooks/endpoints";
import EndpointPage from "./page";

const session = vi.hoisted(() => ({ user: null as { id: string; email: string } | null }));

vi.mock("next-intl/server", () => ({
  setRequestLocale: () => undefined,
  getTranslations: async () => (key: string) => key,
  getFormatter: async () => ({ dateTime: (instant: Date) => instant.toISOString() }),
}));
vi.mock("next/navigation", () => ({
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND");
  },
}));
vi.mock("@/lib/i18n/navigation", () => ({ Link: () => null }));
vi.mock("@/lib/auth/session", () => ({
  requireUser: async () => {
    if (!session.user) throw new Error("NEXT_REDIRECT login");
    return session.user;
  },
}));

let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());

// The delivery log is its owner's: another account gets 404, a signed-out visitor the login.
describe("an endpoint's delivery log page", () => {
  it.each([
    { caller: "its owner", outcome: "shown" },
    { caller: "another account", outcome: "NEXT_NOT_FOUND" },
    { caller: "nobody signed in", outcome: "NEXT_REDIRECT" },
  ])("for $caller: $outcome", async ({ caller, outcome }) => {
    const owner = await newBuyer();
    const created = await createEndpoint(owner.id, {
      url: receiver.url,
      eventTypes: ["esim.expired"],
      description: "",
    });
    if (created.status !== "created") throw new Error("no endpoint");
    session.user = { "its owner": owner, "another account": await newBuyer(), "nobody signed in": null }[caller]!;
    const page = EndpointPage({ params: Promise.resolve({ locale: "en", id: created.endpoint.id }) });
    if (outcome === "shown") expect(await page).toBeTruthy();
    else await expect(page).rejects.toThrow(outcome);
  });
});
