import { beforeEach, describe, expect, it, vi } from "vitest";
import { userIdForAuthorization } from "@/lib/api/tokens";
import { db } from "@/lib/db/client";
import { newApiToken } from "@/lib/testing/api-tokens";
import { BUYER_PASSWORD, newBuyer } from "@/lib/testing/shop";
import { uniqueIp } from "@/lib/testing/users";
import { createToken, revokeToken } from "./actions";

const session = vi.hoisted(() => ({ user: null as { id: string; email: string } | null, ip: "" }));

vi.mock("next-intl/server", () => ({ getLocale: async () => "en" }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": session.ip }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/navigation", () => ({
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND");
  },
}));
vi.mock("@/lib/auth/session", () => ({
  requireUser: async () => {
    if (!session.user) throw new Error("NEXT_REDIRECT login");
    return session.user;
  },
}));

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

const EMPTY = { values: {}, fieldErrors: {} };
const works = async (token: string, owner: string) =>
  expect(await userIdForAuthorization(`Bearer ${token}`)).toBe(owner);

beforeEach(() => {
  session.user = null;
  session.ip = uniqueIp();
});

// Who may revoke a token: its owner only. Anyone else's request changes nothing.
describe("revoking a token", () => {
  it.each([
    { caller: "its owner", tokenId: "the token's", outcome: "revoked" },
    { caller: "another account", tokenId: "the token's", outcome: "unchanged" },
    { caller: "nobody signed in", tokenId: "the token's", outcome: "sent to log in" },
    { caller: "its owner", tokenId: "a forged one", outcome: "not found" },
  ])("by $caller with $tokenId id: $outcome", async ({ caller, tokenId, outcome }) => {
    const [owner, other] = await Promise.all([newBuyer(), newBuyer()]);
    const { id, token } = await newApiToken(owner);
    session.user = { "its owner": owner, "another account": other, "nobody signed in": null }[caller]!;

    const call = revokeToken(EMPTY, form({ tokenId: tokenId === "a forged one" ? "../" + id : id }));
    if (outcome === "sent to log in") await expect(call).rejects.toThrow("NEXT_REDIRECT");
    else if (outcome === "not found") await expect(call).rejects.toThrow("NEXT_NOT_FOUND");
    else expect(await call).toEqual(EMPTY);

    if (outcome === "revoked") expect(await userIdForAuthorization(`Bearer ${token}`)).toBeNull();
    else await works(token, owner.id);
  });
});

describe("creating a token", () => {
  const tokensOf = (userId: string) => db.apiToken.count({ where: { userId } });

  it("is for signed-in users only", async () => {
    await expect(createToken(EMPTY, form({ name: "CI", currentPassword: BUYER_PASSWORD }))).rejects.toThrow(
      "NEXT_REDIRECT",
    );
  });

  it.each([
    { refused: "no password", password: "", error: { currentPassword: ["current_password_required"] } },
    {
      refused: "a wrong password",
      password: "not my password",
      error: { currentPassword: ["current_password_wrong"] },
    },
  ])("refuses $refused next to its field, never echoing it", async ({ password, error }) => {
    const buyer = await newBuyer();
    session.user = buyer;
    const state = await createToken(EMPTY, form({ name: "CI", expiresIn: "365", currentPassword: password }));
    expect(state).toEqual({ values: { name: "CI", expiresIn: "365" }, fieldErrors: error });
    expect(await tokensOf(buyer.id)).toBe(0);
  });

  it("refuses a lifetime the form does not offer", async () => {
    const buyer = await newBuyer();
    session.user = buyer;
    const state = await createToken(EMPTY, form({ name: "CI", expiresIn: "3650", currentPassword: BUYER_PASSWORD }));
    expect(state.fieldErrors).toEqual({ expiresIn: ["token_expiry_invalid"] });
    expect(await tokensOf(buyer.id)).toBe(0);
  });

  it("shows the new token once, with the right password, and clears the form", async () => {
    const buyer = await newBuyer();
    session.user = buyer;
    const state = await createToken(EMPTY, form({ name: "CI", expiresIn: "30", currentPassword: BUYER_PASSWORD }));
    expect(state).toEqual({ values: {}, fieldErrors: {}, created: { name: "CI", token: expect.any(String) } });
    await works(state.created!.token, buyer.id);
    const { expiresAt, createdAt } = await db.apiToken.findFirstOrThrow({ where: { userId: buyer.id } });
    expect(expiresAt!.getTime() - createdAt.getTime()).toBe(30 * 86_400_000);
  });
});
