import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { orderReference } from "@/lib/orders/order-emails";
import { newApiToken } from "@/lib/testing/api-tokens";
import { readPageTree } from "@/lib/testing/page-tree";
import { activeEsim } from "@/lib/testing/shop";
import { newAccount, signInAs } from "@/lib/testing/staff";
import StaffCustomerPage from "./page";

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

const page = (id: string) => StaffCustomerPage({ params: Promise.resolve({ locale: "en" as const, id }) });

describe("the console's customer page", () => {
  it("shows the account, its lock, orders, eSIMs and active tokens, with admins' actions only for admins", async () => {
    const { buyer, esim } = await activeEsim();
    await newApiToken(buyer, { name: "still-used" });
    const revoked = await newApiToken(buyer, { name: "revoked-one" });
    await db.apiToken.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
    await db.user.update({ where: { id: buyer.id }, data: { lockedAt: new Date() } });

    await signInAs(await newAccount("SUPPORT"));
    const tree = readPageTree(await page(buyer.id));
    const text = tree.texts.join(" ");
    expect(text).toContain(buyer.email);
    expect(text).toContain("Locked since");
    expect(tree.hrefs).toEqual(
      expect.arrayContaining([`/admin/orders/${orderReference(esim.orderId)}`, `/admin/esims/${esim.id}`]),
    );
    expect(tree.texts).toContain("still-used");
    expect(tree.texts).not.toContain("revoked-one");
    expect(tree.components).not.toContain("LockForm");
    expect(tree.components).not.toContain("RevokeTokensForm");

    await signInAs(await newAccount("ADMIN"));
    expect(readPageTree(await page(buyer.id)).components).toEqual(
      expect.arrayContaining(["EndSessionsForm", "LockForm", "CorrectEmailForm", "RoleForm", "RevokeTokensForm"]),
    );
  });

  it("answers 404 for an id that is no account", async () => {
    await signInAs(await newAccount("SUPPORT"));
    const order = await db.order.findFirstOrThrow();
    await expect(page(order.id)).rejects.toThrow("NEXT_NOT_FOUND");
  });
});
