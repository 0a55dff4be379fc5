import { OrderStatus, type Prisma } from "@prisma/client";
import { describe, expect, it, vi } from "vitest";
import { canTransition, transitionOrder } from "./status";

const LEGAL = [
  ["PENDING", "PAID"],
  ["PENDING", "FAILED"],
  ["PENDING", "EXPIRED"],
  ["PAID", "FULFILLED"],
  ["FAILED", "REFUNDED"],
  // The bank returned a refund that had succeeded.
  ["REFUNDED", "FAILED"],
  // A delivered order given back in part or in full, and a refund of it failing after all.
  ["FULFILLED", "PARTIALLY_REFUNDED"],
  ["FULFILLED", "REFUNDED"],
  ["PARTIALLY_REFUNDED", "REFUNDED"],
  ["PARTIALLY_REFUNDED", "FULFILLED"],
  ["REFUNDED", "PARTIALLY_REFUNDED"],
  ["REFUNDED", "FULFILLED"],
] as const;

const STATUSES = Object.values(OrderStatus);
const isLegal = (from: OrderStatus, to: OrderStatus) => LEGAL.some(([f, t]) => f === from && t === to);
const ILLEGAL = STATUSES.flatMap((from) =>
  STATUSES.filter((to) => !isLegal(from, to)).map((to) => [from, to] as const),
);

// Stands in for Prisma: updateMany matches `matched` rows.
function clientMatching(matched: number) {
  const updateMany = vi.fn().mockResolvedValue({ count: matched });
  return { client: { order: { updateMany } } as unknown as Prisma.TransactionClient, updateMany };
}

describe("the order state table", () => {
  it.each(LEGAL)("lets an order go from %s to %s", (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it.each(ILLEGAL)("does not let an order go from %s to %s", (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  it.each(["EXPIRED"] as const)("has no way out of %s", (from) => {
    expect(STATUSES.filter((to) => canTransition(from, to))).toEqual([]);
  });
});

describe("transitionOrder", () => {
  it("moves the order only from the state it names, and says whether it moved", async () => {
    const { client, updateMany } = clientMatching(1);
    const moved = await transitionOrder(client, { id: "o1" }, "PENDING", "PAID", { paymentStatus: "paid" });
    expect(moved).toBe(true);
    expect(updateMany).toHaveBeenCalledWith({
      where: { id: "o1", status: "PENDING" },
      data: { paymentStatus: "paid", status: "PAID" },
    });
    expect(await transitionOrder(clientMatching(0).client, { id: "o1" }, "PENDING", "PAID")).toBe(false);
  });

  it("refuses a move the table does not have before writing anything", async () => {
    const { client, updateMany } = clientMatching(1);
    // @ts-expect-error an expired order was never paid
    await expect(transitionOrder(client, { id: "o1" }, "EXPIRED", "REFUNDED")).rejects.toThrow(/EXPIRED to REFUNDED/);
    // @ts-expect-error an order is paid before it is delivered
    await expect(transitionOrder(client, { id: "o1" }, "PENDING", "FULFILLED")).rejects.toThrow(/PENDING to FULFILLED/);
    // A status read at run time compiles with any target; the table still decides.
    const from = "EXPIRED" as OrderStatus;
    await expect(transitionOrder(client, { id: "o1" }, from, "PAID")).rejects.toThrow(/EXPIRED to PAID/);
    expect(updateMany).not.toHaveBeenCalled();
  });
});
