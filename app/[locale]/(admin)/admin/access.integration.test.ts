import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { staffActionCapabilities } from "@/app/_lib/form-action";
import { type Capability, can } from "@/lib/admin/capabilities";
import { db } from "@/lib/db/client";
import { orderReference } from "@/lib/orders/order-emails";
import { activeEsim } from "@/lib/testing/shop";
import { newAccount, signInAs, type TestAccount, testSession } from "@/lib/testing/staff";
import { CONSOLE_SECTIONS } from "./sections";

vi.mock("@/lib/auth/auth", async () => (await import("@/lib/testing/staff")).mockedAuth);
vi.mock("next/navigation", async () => (await import("@/lib/testing/staff")).mockedNavigation);
vi.mock("@/lib/i18n/navigation", async () => (await import("@/lib/testing/staff")).mockedNavigation);
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "10.9.8.7" }) }));
vi.mock("next/cache", () => ({
  revalidatePath: () => undefined,
  revalidateTag: () => undefined,
  updateTag: () => undefined,
}));
vi.mock("next-intl/server", () => ({
  getLocale: async () => "en",
  setRequestLocale: () => undefined,
  getTranslations: async () => (key: string) => key,
  getFormatter: async () => ({ dateTime: String, number: String, relativeTime: String }),
  getMessages: async () => ({}),
}));

// Every page and action of the console, found on disk, so one added later is covered too.
function filesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}
const CONSOLE = import.meta.dirname;
const files = filesUnder(CONSOLE).map((file) => path.relative(CONSOLE, file));
const actionFiles = files.filter((file) => file.endsWith("actions.ts"));
const pageFiles = files.filter((file) => file.endsWith("page.tsx"));

// Each page needs the capability of its section; the second factor's pages are for any staff.
const SECTION_OF_DIRECTORY: Record<string, Capability | "staff"> = {
  ...Object.fromEntries(CONSOLE_SECTIONS.map(({ href, capability }) => [href.split("/")[2] ?? "", capability])),
  orders: "view",
  esims: "view",
  customers: "view",
  "second-factor": "staff",
};
const capabilityOfPage = (file: string) => SECTION_OF_DIRECTORY[file.includes("/") ? file.split("/")[0]! : ""];

type Caller = {
  label: string;
  account: TestAccount | null;
  secondFactor: boolean;
  session?: typeof testSession.current;
};
let callers: Caller[];
let fields: Record<string, string>;

// What anything of the console could change: every table but the audit log (refusals are
// written there) and the rate-limit counters.
async function fingerprint(): Promise<string> {
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename::text AS tablename FROM pg_tables WHERE schemaname = 'public'
    AND tablename NOT IN ('audit_log', 'rate_limits', '_prisma_migrations') ORDER BY tablename`;
  const parts = await Promise.all(
    tables.map(async ({ tablename }) => {
      const [row] = await db.$queryRawUnsafe<{ digest: string | null }[]>(
        `SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) AS digest FROM "${tablename}" t`,
      );
      return `${tablename}:${row?.digest}`;
    }),
  );
  return parts.join("\n");
}

beforeAll(async () => {
  const [customer, support, admin, { esim, buyer }] = await Promise.all([
    newAccount("CUSTOMER"),
    newAccount("SUPPORT"),
    newAccount("ADMIN"),
    activeEsim(),
  ]);
  const order = await db.order.findFirstOrThrow({ where: { esimProfiles: { some: { id: esim.id } } } });
  const promotion = await db.promotion.findFirstOrThrow();
  const plan = await db.plan.findFirstOrThrow();
  // Real records under every name a console form might use, so a handler that ran would act.
  fields = {
    id: order.id,
    orderId: order.id,
    reference: orderReference(order.id),
    esimId: esim.id,
    iccid: esim.iccid,
    userId: buyer.id,
    customerId: buyer.id,
    promotionId: promotion.id,
    planId: plan.id,
    email: "corrected@example.test",
    amount: "100",
    reason: "requested_by_customer",
    note: "from the access test",
    text: "from the access test",
    code: "123456",
    confirm: "on",
  };
  callers = [
    { label: "a visitor", account: null, secondFactor: false },
    { label: "a customer", account: customer, secondFactor: false },
    { label: "support without the second factor", account: support, secondFactor: false },
    { label: "an admin without the second factor", account: admin, secondFactor: false },
    { label: "support", account: support, secondFactor: true },
    { label: "an admin", account: admin, secondFactor: true },
  ];
  // Signed in once, before any fingerprint: a staff sign-in writes its second factor's record.
  for (const caller of callers) {
    await signInAs(caller.account, { secondFactor: caller.secondFactor });
    caller.session = testSession.current;
  }
});

function actAs(caller: Caller) {
  testSession.current = caller.session ?? null;
}

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

const allowed = (caller: Caller, capability: Capability) =>
  caller.account !== null && caller.secondFactor && can(caller.account.role, capability);

describe("every console action", () => {
  it("is found on disk and declares its capability", async () => {
    expect(actionFiles.length).toBeGreaterThan(0);
    for (const file of actionFiles) {
      const exports = Object.entries(await import(/* @vite-ignore */ path.join(CONSOLE, file)));
      expect(exports.length, file).toBeGreaterThan(0);
    }
  });

  it("answers 404 to everyone its capability does not cover, and changes nothing but the audit log", async () => {
    const before = await fingerprint();
    const auditBefore = await db.auditEntry.count();
    let refusals = 0;
    let signedInRefusals = 0;
    for (const file of actionFiles) {
      const exported = (await import(/* @vite-ignore */ path.join(CONSOLE, file))) as Record<string, unknown>;
      for (const [exportName, action] of Object.entries(exported)) {
        if (typeof action !== "function") continue;
        const declared = staffActionCapabilities.get(action);
        // The second factor's own forms are for any signed-in staff member.
        const isStaff = (caller: Caller) => caller.account !== null && caller.account.role !== "CUSTOMER";
        for (const caller of callers) {
          const mayCall = declared ? allowed(caller, declared.capability) : isStaff(caller);
          if (mayCall) continue;
          actAs(caller);
          const call = (action as (state: unknown, data: FormData) => Promise<unknown>)({}, form(fields));
          await expect(call, `${file} ${exportName} by ${caller.label}`).rejects.toThrow("NEXT_NOT_FOUND");
          refusals += 1;
          if (caller.account && declared) signedInRefusals += 1;
        }
      }
    }
    expect(refusals).toBeGreaterThan(0);
    expect(await fingerprint()).toBe(before);
    const written = await db.auditEntry.findMany({ orderBy: { createdAt: "asc" }, skip: auditBefore });
    expect(written).toHaveLength(signedInRefusals);
    expect(new Set(written.map((entry) => entry.action))).toEqual(
      signedInRefusals > 0 ? new Set(["access.denied"]) : new Set(),
    );
  });
});

describe("every console page", () => {
  it.each(pageFiles)("%s is hidden from everyone its capability does not cover", async (file) => {
    const capability = capabilityOfPage(file);
    expect(capability, `${file} has no entry in SECTION_OF_DIRECTORY`).toBeDefined();
    const { default: Page } = (await import(/* @vite-ignore */ path.join(CONSOLE, file))) as {
      default: (props: unknown) => Promise<unknown>;
    };
    const props = {
      params: Promise.resolve({ locale: "en", id: fields.id, reference: fields.reference }),
      searchParams: Promise.resolve({}),
    };
    for (const caller of callers) {
      const staff = caller.account !== null && caller.account.role !== "CUSTOMER";
      const mayOpen = capability === "staff" ? staff : allowed(caller, capability!);
      if (mayOpen) continue;
      actAs(caller);
      // Staff who may open the section but have not passed the second factor are sent to it.
      const expected =
        staff && !caller.secondFactor && can(caller.account!.role, capability as Capability)
          ? "NEXT_REDIRECT"
          : "NEXT_NOT_FOUND";
      await expect(Page(props), `${file} by ${caller.label}`).rejects.toThrow(expected);
    }
  });
});
