import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { orderReference } from "@/lib/orders/order-emails";
import { readPageTree } from "@/lib/testing/page-tree";
import { activeEsim } from "@/lib/testing/shop";
import { newAccount, signInAs } from "@/lib/testing/staff";
import { suspendEsimAction } from "./actions";
import StaffEsimPage from "./page";

vi.mock("@/lib/auth/auth", async () => (await import("@/lib/testing/staff")).mockedAuth);
vi.mock("next/navigation", async () => (await import("@/lib/testing/staff")).mockedNavigation);
vi.mock("@/lib/i18n/navigation", async () => ({
  ...(await import("@/lib/testing/staff")).mockedNavigation,
  Link: function Link() {
    return null;
  },
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next-intl/server", async () => (await import("@/lib/testing/intl")).englishIntlServer());

const page = (id: string) => StaffEsimPage({ params: Promise.resolve({ locale: "en" as const, id }) });

describe("the console's eSIM page", () => {
  it("shows the eSIM with its owner, order, history and suspension, and the actions the role allows", async () => {
    const { esim, buyer } = await activeEsim();
    const support = await newAccount("SUPPORT");
    await signInAs(support);
    await suspendEsimAction({ values: {}, fieldErrors: {} }, toForm({ esimId: esim.id, reason: "lost phone" }));

    const tree = readPageTree(await page(esim.id));
    expect(tree.texts).toContain(esim.iccid);
    expect(tree.texts.join(" ")).toContain(buyer.email);
    expect(tree.hrefs).toEqual(
      expect.arrayContaining([`/admin/customers/${buyer.id}`, `/admin/orders/${orderReference(esim.orderId)}`]),
    );
    const text = tree.texts.join(" ");
    expect(text).toContain(`Suspended by ${support.email} since`);
    expect(text).toContain("Reason: lost phone");
    expect(text).toContain("support:suspend");
    expect(tree.components).toEqual(expect.arrayContaining(["ResendActivationForm", "ResumeForm"]));
    expect(tree.components).not.toContain("RevokeForm");
    expect(tree.components).not.toContain("SuspendForm");

    await signInAs(await newAccount("ADMIN"));
    expect(readPageTree(await page(esim.id)).components).toContain("RevokeForm");
  });

  it("answers 404 for an id that is no eSIM", async () => {
    await signInAs(await newAccount("SUPPORT"));
    const order = await db.order.findFirstOrThrow();
    await expect(page(order.id)).rejects.toThrow("NEXT_NOT_FOUND");
    await expect(page("../../etc")).rejects.toThrow("NEXT_NOT_FOUND");
  });
});

function toForm(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}
