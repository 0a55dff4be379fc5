import { Prisma } from "@prisma/client";
import { describe, expect, it, vi } from "vitest";
import { withApiToken } from "./http";
import type { Budget } from "./rate-limits";

vi.mock("./tokens", () => ({ apiCallerFor: async () => ({ userId: "user-1", tokenId: "token-1" }) }));
vi.mock("./rate-limits", async (original) => ({
  ...(await original<typeof import("./rate-limits")>()),
  spendBudget: async (budget: Budget) => ({ budget, allowed: true, remaining: 99, resetSeconds: 60 }),
}));

const unreachable = () =>
  new Prisma.PrismaClientKnownRequestError("Can't reach database server", { code: "P1001", clientVersion: "6" });

async function answer(failure: unknown) {
  const route = withApiToken(async () => {
    throw failure;
  });
  const response = await route(new Request("http://127.0.0.1/api/v1/esims"), { params: Promise.resolve({}) });
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: await response.json() };
}

describe("an API route whose work fails", () => {
  it("answers 503 with a wait when the database is unreachable", async () => {
    const { status, retryAfter, body } = await answer(unreachable());
    expect(status).toBe(503);
    expect(retryAfter).toBe("5");
    expect(body.error.code).toBe("service_unavailable");
  });

  it("answers 500 for any other failure", async () => {
    const { status, retryAfter, body } = await answer(new Error("a bug"));
    expect(status).toBe(500);
    expect(retryAfter).toBeNull();
    expect(body.error.code).toBe("internal_error");
  });
});
