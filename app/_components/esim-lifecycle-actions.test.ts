import { beforeEach, describe, expect, it, vi } from "vitest";
import type { LifecycleEvent } from "@/lib/esim/lifecycle";
import { type LifecycleFormState, reportLifecycleEvent } from "./esim-lifecycle-actions";

const OWNER = "owner-1";
const STRANGER = "stranger-1";
const ESIM_ID = "esim0000000000000000001";
const TOKEN = "T".repeat(43);
const UNKNOWN_TOKEN = "U".repeat(43);

const world = vi.hoisted(() => ({ visitor: undefined as string | undefined, loginReturnTo: "" }));

vi.mock("next-intl/server", () => ({ getLocale: async () => "en" }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/navigation", () => ({
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND");
  },
}));
vi.mock("@/lib/auth/session", () => {
  const redirectToLogin = async (returnTo: string) => {
    world.loginReturnTo = returnTo;
    throw new Error("NEXT_REDIRECT login");
  };
  return {
    currentUserId: async () => world.visitor,
    redirectToLogin,
    requireUser: async (returnTo: string) => (world.visitor ? { id: world.visitor } : redirectToLogin(returnTo)),
  };
});
vi.mock("@/lib/esim/activation", () => ({
  findByActivationToken: async (token: string) =>
    token === TOKEN ? { status: "ok", esimId: ESIM_ID, userId: OWNER } : { status: "unknown" },
  resendActivationEmail: vi.fn(),
}));
const applyLifecycleEvent = vi.hoisted(() => vi.fn(async () => ({ status: "ok", state: "DOWNLOADED" })));
vi.mock("@/lib/esim/profiles", () => ({ applyLifecycleEvent }));

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

const EMPTY: LifecycleFormState = { values: {}, fieldErrors: {} };

beforeEach(() => {
  world.visitor = undefined;
  world.loginReturnTo = "";
  applyLifecycleEvent.mockClear();
});

type Case = {
  who: "signed out" | "the owner" | "another account";
  target: "the link" | "an unknown link" | "the eSIM's id";
  event: LifecycleEvent;
  outcome: "applied" | "sent to log in" | "404";
};

const VISITORS = { "signed out": undefined, "the owner": OWNER, "another account": STRANGER };
const TARGETS = {
  "the link": { token: TOKEN },
  "an unknown link": { token: UNKNOWN_TOKEN },
  "the eSIM's id": { esimId: ESIM_ID },
};

describe("who may report a lifecycle step", () => {
  it.each<Case>([
    { who: "signed out", target: "the link", event: "download", outcome: "applied" },
    { who: "signed out", target: "the link", event: "install", outcome: "applied" },
    { who: "signed out", target: "the link", event: "enable", outcome: "applied" },
    { who: "signed out", target: "the link", event: "disable", outcome: "sent to log in" },
    { who: "signed out", target: "the link", event: "delete", outcome: "sent to log in" },
    { who: "the owner", target: "the link", event: "disable", outcome: "applied" },
    { who: "the owner", target: "the link", event: "delete", outcome: "applied" },
    { who: "another account", target: "the link", event: "download", outcome: "404" },
    { who: "another account", target: "the link", event: "delete", outcome: "404" },
    { who: "signed out", target: "an unknown link", event: "download", outcome: "404" },
    { who: "signed out", target: "an unknown link", event: "delete", outcome: "404" },
    { who: "signed out", target: "the eSIM's id", event: "download", outcome: "sent to log in" },
    { who: "the owner", target: "the eSIM's id", event: "delete", outcome: "applied" },
  ])("$who, by $target, reports $event → $outcome", async ({ who, target, event, outcome }) => {
    world.visitor = VISITORS[who];
    const fields = { ...TARGETS[target], event, ...(event === "delete" ? { confirm: "yes" } : {}) };
    const call = reportLifecycleEvent(EMPTY, form(fields));

    if (outcome === "applied") {
      expect(await call).toMatchObject({ state: "DOWNLOADED" });
      const source = target === "the link" ? "activation-page" : "simulator";
      expect(applyLifecycleEvent).toHaveBeenCalledWith(ESIM_ID, OWNER, event, source);
      return;
    }
    await expect(call).rejects.toThrow(outcome === "404" ? "NEXT_NOT_FOUND" : "NEXT_REDIRECT");
    expect(applyLifecycleEvent).not.toHaveBeenCalled();
    if (outcome === "sent to log in") {
      expect(world.loginReturnTo).toBe(target === "the link" ? `/activate/${TOKEN}` : `/esims/${ESIM_ID}`);
    }
  });
});
