import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { activeEsim } from "@/lib/testing/shop";
import { type ScenarioFormState, startScenarioFromPage } from "./scenario-actions";

const world = vi.hoisted(() => ({ visitor: undefined as string | undefined, loginReturnTo: "" }));

vi.mock("next-intl/server", () => ({ getLocale: async () => "en" }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/navigation", () => ({
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND");
  },
}));
vi.mock("@/lib/auth/session", () => ({
  requireUser: async (returnTo: string) => {
    if (world.visitor) return { id: world.visitor };
    world.loginReturnTo = returnTo;
    throw new Error("NEXT_REDIRECT login");
  },
}));

const EMPTY: ScenarioFormState = { values: {}, fieldErrors: {} };
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};

beforeEach(() => {
  world.visitor = undefined;
  world.loginReturnTo = "";
});

describe("starting a scenario from the eSIM page", () => {
  it.each([
    { who: "signed out", outcome: "sent to log in" },
    { who: "another account", outcome: "404" },
    { who: "the owner", outcome: "started" },
  ] as const)("$who → $outcome", async ({ who, outcome }) => {
    const { buyer, esim } = await activeEsim();
    const { buyer: stranger } = await activeEsim();
    world.visitor = { "signed out": undefined, "another account": stranger.id, "the owner": buyer.id }[who];
    const call = startScenarioFromPage(EMPTY, form({ esimId: esim.id, type: "smdp_outage", minutes: "5" }));
    if (outcome === "sent to log in") {
      await expect(call).rejects.toThrow("NEXT_REDIRECT");
      expect(world.loginReturnTo).toBe(`/esims/${esim.id}`);
    } else if (outcome === "404") {
      await expect(call).rejects.toThrow("NEXT_NOT_FOUND");
    } else {
      expect(await call).toMatchObject({ result: "started", type: "smdp_outage" });
    }
    expect(await db.smdpOutage.count({ where: { userId: buyer.id } })).toBe(outcome === "started" ? 1 : 0);
  });

  it("shows a number out of range on its field, and starts nothing", async () => {
    const { buyer, esim } = await activeEsim();
    world.visitor = buyer.id;
    const state = await startScenarioFromPage(
      EMPTY,
      form({ esimId: esim.id, type: "usage_stream", mb: "0", hours: "2" }),
    );
    expect(state.fieldErrors).toEqual({ mb: [expect.stringContaining("at least 1")] });
    expect(state.values).toMatchObject({ type: "usage_stream", mb: "0", hours: "2" });
    await expect(startScenarioFromPage(EMPTY, form({ esimId: esim.id, type: "earthquake" }))).rejects.toThrow(
      "NEXT_NOT_FOUND",
    );
    expect(await db.usageRecord.count({ where: { esimId: esim.id } })).toBe(0);
  });

  it("deletes the profile on the phone", async () => {
    const { buyer, esim } = await activeEsim();
    world.visitor = buyer.id;
    expect(await startScenarioFromPage(EMPTY, form({ esimId: esim.id, type: "profile_deleted" }))).toMatchObject({
      result: "deleted",
    });
    expect(await startScenarioFromPage(EMPTY, form({ esimId: esim.id, type: "profile_deleted" }))).toMatchObject({
      result: "invalid_transition",
    });
  });
});
