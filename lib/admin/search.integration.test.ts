import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { orderReference } from "../orders/order-emails";
import { activeEsim, newPromoCode, openCheckout } from "../testing/shop";
import { PAGE_SIZE } from "./pagination";
import { searchConsole } from "./search";

const kindsAndIds = async (query: string, page = 1) =>
  (await searchConsole(query, page)).rows.map((hit) => `${hit.kind}:${hit.id}`);

describe("the console's search", () => {
  it("finds a customer by any part of the email or name, in any case", async () => {
    const { buyer } = await activeEsim();
    const name = `Haruto ${randomUUID().slice(0, 6)}`;
    await db.user.update({ where: { id: buyer.id }, data: { name } });
    expect(await kindsAndIds(buyer.email.toUpperCase())).toEqual([`customer:${buyer.id}`]);
    expect(await kindsAndIds(name.toLowerCase())).toEqual([`customer:${buyer.id}`]);
  });

  it("finds an order by its reference, its payment session id and its payment intent id", async () => {
    const { esim } = await activeEsim();
    const order = await db.order.findUniqueOrThrow({ where: { id: esim.orderId } });
    expect(await kindsAndIds(orderReference(order.id))).toEqual([`order:${order.id}`]);
    expect(await kindsAndIds(orderReference(order.id).toLowerCase())).toEqual([`order:${order.id}`]);
    expect(await kindsAndIds(order.paymentSessionId!)).toEqual([`order:${order.id}`]);
    expect(await kindsAndIds(order.paymentIntentId!)).toEqual([`order:${order.id}`]);
  });

  it("finds an eSIM by its whole ICCID, its last digits read out in groups, or its EID", async () => {
    const { esim } = await activeEsim();
    const eid = `89049032${randomUUID().replace(/\D/g, "").padEnd(24, "7").slice(0, 24)}`;
    await db.esimProfile.update({ where: { id: esim.id }, data: { eid } });
    expect(await kindsAndIds(esim.iccid)).toEqual([`esim:${esim.id}`]);
    const last = esim.iccid.slice(-10);
    expect(await kindsAndIds(`${last.slice(0, 5)} ${last.slice(5)}`)).toContain(`esim:${esim.id}`);
    expect(await kindsAndIds(eid)).toEqual([`esim:${esim.id}`]);
  });

  it("finds a promo code and the orders that used it", async () => {
    const code = await newPromoCode();
    const promotion = await db.promotion.findUniqueOrThrow({ where: { code } });
    const { order } = await openCheckout({ promoCode: code });
    expect(await kindsAndIds(code.toLowerCase())).toEqual([`promotion:${promotion.id}`, `order:${order.id}`]);
  });

  it("says when nothing matches", async () => {
    expect(await searchConsole(`nobody-${randomUUID()}`, 1)).toMatchObject({ rows: [], total: 0, pageCount: 1 });
    expect(await searchConsole("TB-00000000", 1)).toMatchObject({ total: 0 });
  });

  it("pages through many hits without repeating or skipping one", async () => {
    const marker = `page-${randomUUID().slice(0, 8)}`;
    const buyers = await Promise.all(
      Array.from({ length: PAGE_SIZE + 3 }, (_, index) =>
        db.user.create({
          data: { email: `${marker}-${index}@example.test`, name: "Paged", passwordHash: "x" },
        }),
      ),
    );
    const first = await searchConsole(marker, 1);
    const second = await searchConsole(marker, 2);
    expect(first).toMatchObject({ total: PAGE_SIZE + 3, pageCount: 2 });
    expect(first.rows).toHaveLength(PAGE_SIZE);
    expect(second.rows).toHaveLength(3);
    const seen = new Set([...first.rows, ...second.rows].map((hit) => hit.id));
    expect(seen).toEqual(new Set(buyers.map((buyer) => buyer.id)));
  });
});
