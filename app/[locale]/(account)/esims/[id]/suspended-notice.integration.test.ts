import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { readPageTree } from "@/lib/testing/page-tree";
import { activeEsim } from "@/lib/testing/shop";
import { signInAs } from "@/lib/testing/staff";
import DashboardPage from "../../dashboard/page";
import EsimPage from "./page";

vi.mock("@/lib/auth/auth", async () => (await import("@/lib/testing/staff")).mockedAuth);
vi.mock("next/navigation", async () => (await import("@/lib/testing/staff")).mockedNavigation);
vi.mock("@/lib/i18n/navigation", async () => ({
  ...(await import("@/lib/testing/staff")).mockedNavigation,
  Link: function Link() {
    return null;
  },
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next-intl/server", async () => (await import("@/lib/testing/intl")).englishIntlServer());

const params = (id?: string) => ({ params: Promise.resolve({ locale: "en" as const, id: id ?? "" }) });

// What the customer sees of support's suspension: a notice on the eSIM's page and on the
// dashboard while it lasts, and nothing once it is resumed.
describe("a suspended eSIM, to its owner", () => {
  it("is said to be suspended by support on its page and the dashboard, until resumed", async () => {
    const { buyer, esim } = await activeEsim();
    await signInAs({ id: buyer.id, email: buyer.email, name: "Test Buyer", role: "CUSTOMER" });
    const texts = async () => ({
      esim: readPageTree(await EsimPage({ ...params(esim.id), searchParams: Promise.resolve({}) })).texts.join(" "),
      dashboard: readPageTree(await DashboardPage(params())).texts.join(" "),
    });

    expect((await texts()).esim).not.toContain("Suspended by support");
    expect((await texts()).dashboard).not.toContain("Suspended by support");

    await db.esimProfile.update({ where: { id: esim.id }, data: { suspendedAt: new Date() } });
    const suspended = await texts();
    expect(suspended.esim).toContain("Suspended by support");
    expect(suspended.esim).toContain("this eSIM does not connect");
    expect(suspended.dashboard).toContain("Suspended by support since");

    await db.esimProfile.update({ where: { id: esim.id }, data: { suspendedAt: null } });
    expect((await texts()).dashboard).not.toContain("Suspended by support");
  });
});
