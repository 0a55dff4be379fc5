import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { fulfilCheckout } from "../orders/fulfilment";
import { newBuyer, paidWithoutDelivery } from "../testing/shop";
import { isValidEid } from "./eid";
import { parseActivationCode } from "./identifiers";
import { findByActivationToken, resendActivationEmail } from "./activation";
import { applyLifecycleEvent } from "./profiles";

async function boughtEsim() {
  const { buyer, order, sessionId } = await paidWithoutDelivery();
  expect(await fulfilCheckout(sessionId)).toEqual({ status: "fulfilled" });
  const esim = await db.esimProfile.findFirstOrThrow({ where: { orderId: order.id } });
  return { buyer, order, esim };
}

function activationEmails(userId: string) {
  return db.outboxEmail.findMany({ where: { userId, template: "esim-activation" }, orderBy: { createdAt: "asc" } });
}

describe("activation", () => {
  it("queues the activation email and the receipt with the fulfilment, and stores only the token's hash", async () => {
    const { buyer, esim } = await boughtEsim();
    const emails = await db.outboxEmail.findMany({ where: { userId: buyer.id } });
    expect(emails.map((e) => e.template).sort()).toEqual(["esim-activation", "order-receipt", "verify-email"]);

    const [activation] = await activationEmails(buyer.id);
    const token = (activation!.payload as { token: string }).token;
    expect(esim.activationTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(esim.activationTokenHash).not.toContain(token);
    expect(await findByActivationToken(token)).toEqual({ status: "ok", esimId: esim.id, userId: buyer.id });
  });

  it("tells an expired link from an unknown or forged one", async () => {
    const { buyer, esim } = await boughtEsim();
    const token = ((await activationEmails(buyer.id))[0]!.payload as { token: string }).token;
    await db.esimProfile.update({
      where: { id: esim.id },
      data: { activationTokenExpiresAt: new Date(Date.now() - 1000) },
    });

    expect(await findByActivationToken(token)).toEqual({ status: "expired", esimId: esim.id, userId: buyer.id });
    const forged = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    expect(await findByActivationToken(forged)).toEqual({ status: "unknown" });
    expect(await findByActivationToken("../../etc/passwd")).toEqual({ status: "unknown" });
  });

  it("sends a new link on request, retires the old one, and limits how often", async () => {
    const { buyer, esim } = await boughtEsim();
    const oldToken = ((await activationEmails(buyer.id))[0]!.payload as { token: string }).token;

    expect(await resendActivationEmail(esim.id, buyer.id, "test")).toEqual({ status: "sent" });
    expect(await findByActivationToken(oldToken)).toEqual({ status: "unknown" });
    const newToken = ((await activationEmails(buyer.id))[1]!.payload as { token: string }).token;
    expect((await findByActivationToken(newToken)).status).toBe("ok");

    expect(await resendActivationEmail(esim.id, buyer.id, "test")).toEqual({ status: "sent" });
    expect(await resendActivationEmail(esim.id, buyer.id, "test")).toEqual({ status: "sent" });
    expect(await resendActivationEmail(esim.id, buyer.id, "test")).toMatchObject({
      status: "rate_limited",
      retryAfterSeconds: expect.any(Number),
    });
    expect(await activationEmails(buyer.id)).toHaveLength(4);
  });

  it("gives a profile no phone has downloaded a new matching ID, so the old email's code stops installing", async () => {
    const { buyer, esim } = await boughtEsim();
    expect(await resendActivationEmail(esim.id, buyer.id, "account-page")).toEqual({ status: "sent" });

    const after = await db.esimProfile.findUniqueOrThrow({ where: { id: esim.id } });
    expect(after.matchingId).not.toBe(esim.matchingId);
    expect(after.activationCode).not.toBe(esim.activationCode);
    expect(parseActivationCode(after.activationCode)).toEqual({
      smdpAddress: esim.smdpAddress,
      matchingId: after.matchingId,
    });
    expect(
      await db.esimProfile.count({
        where: { OR: [{ matchingId: esim.matchingId }, { activationCode: esim.activationCode }] },
      }),
    ).toBe(0);
    const [, resent] = await activationEmails(buyer.id);
    expect(resent!.payload).toMatchObject({ matchingId: after.matchingId, activationCode: after.activationCode });
    expect(await db.esimEvent.findMany({ where: { esimId: esim.id } })).toEqual([
      expect.objectContaining({ fromState: "RELEASED", toState: "RELEASED", source: "account-page" }),
    ]);
  });

  it("keeps the code of a downloaded profile, bound to its phone, and only sends a new link", async () => {
    const { buyer, esim } = await boughtEsim();
    const oldToken = ((await activationEmails(buyer.id))[0]!.payload as { token: string }).token;
    await applyLifecycleEvent(esim.id, buyer.id, "download", "test");
    expect(await resendActivationEmail(esim.id, buyer.id, "account-page")).toEqual({ status: "sent" });

    const after = await db.esimProfile.findUniqueOrThrow({ where: { id: esim.id } });
    expect(after).toMatchObject({ matchingId: esim.matchingId, activationCode: esim.activationCode });
    expect(after.activationTokenHash).not.toBe(esim.activationTokenHash);
    expect(await findByActivationToken(oldToken)).toEqual({ status: "unknown" });
    const [, resent] = await activationEmails(buyer.id);
    expect(resent!.payload).toMatchObject({ matchingId: esim.matchingId, activationCode: esim.activationCode });
    expect(await db.esimEvent.count({ where: { esimId: esim.id } })).toBe(1);
  });

  it("sends nothing for a profile the shop revoked: it cannot be installed any more", async () => {
    const { buyer, esim } = await boughtEsim();
    await db.esimProfile.update({ where: { id: esim.id }, data: { state: "REVOKED" } });
    const before = (await activationEmails(buyer.id)).length;
    expect(await resendActivationEmail(esim.id, buyer.id, "test")).toEqual({ status: "revoked" });
    expect(await activationEmails(buyer.id)).toHaveLength(before);
  });

  it("does not resend for someone else's eSIM", async () => {
    const { esim } = await boughtEsim();
    const stranger = await newBuyer();
    expect(await resendActivationEmail(esim.id, stranger.id, "test")).toEqual({ status: "not_found" });
  });
});

// The example EID of GSMA SGP.29.
const PHONE_EID = "89001012012341234012345678901224";

describe("the install lifecycle", () => {
  it("starts validity at first use and ends it at 23:59:59 JST on the last day", async () => {
    const { buyer, esim } = await boughtEsim();
    for (const event of ["download", "install"] as const) {
      expect(
        (
          await applyLifecycleEvent(esim.id, buyer.id, event, "test", {
            eid: event === "download" ? PHONE_EID : undefined,
          })
        ).status,
      ).toBe("ok");
    }
    const firstUse = new Date("2026-12-01T01:00:00Z");
    const enabled = await applyLifecycleEvent(esim.id, buyer.id, "enable", "network", { now: firstUse });
    // au-1gb-3d: three days, 1 Dec to 3 Dec JST.
    expect(enabled).toEqual({
      status: "ok",
      state: "ENABLED",
      eid: PHONE_EID,
      validUntil: new Date("2026-12-03T14:59:59.999Z"),
    });

    // Turning it off and on again does not restart the clock.
    await applyLifecycleEvent(esim.id, buyer.id, "disable", "test");
    const again = await applyLifecycleEvent(esim.id, buyer.id, "enable", "network", {
      now: new Date("2026-12-02T01:00:00Z"),
    });
    expect(again).toMatchObject({ validUntil: new Date("2026-12-03T14:59:59.999Z") });
    expect(await db.esimEvent.count({ where: { esimId: esim.id } })).toBe(5);
  });

  it("refuses invalid transitions and other people's eSIMs without changing anything", async () => {
    const { buyer, esim } = await boughtEsim();
    const stranger = await newBuyer();
    expect(await applyLifecycleEvent(esim.id, stranger.id, "download", "test")).toEqual({ status: "not_found" });
    expect(await applyLifecycleEvent(esim.id, buyer.id, "enable", "test")).toEqual({
      status: "invalid_transition",
      state: "RELEASED",
    });

    await applyLifecycleEvent(esim.id, buyer.id, "delete", "test");
    expect(await applyLifecycleEvent(esim.id, buyer.id, "install", "test")).toEqual({
      status: "invalid_transition",
      state: "DELETED",
    });
    expect(await resendActivationEmail(esim.id, buyer.id, "test")).toEqual({ status: "deleted" });
    expect((await db.esimProfile.findUniqueOrThrow({ where: { id: esim.id } })).state).toBe("DELETED");
  });

  it("applies one of two simultaneous reports of the same step", async () => {
    const { buyer, esim } = await boughtEsim();
    const results = await Promise.all([1, 2, 3].map(() => applyLifecycleEvent(esim.id, buyer.id, "download", "test")));
    expect(results.filter((r) => r.status === "ok")).toHaveLength(1);
    expect(await db.esimEvent.count({ where: { esimId: esim.id } })).toBe(1);
  });

  it("binds the profile to the first phone that downloads it; another phone cannot download it again", async () => {
    const { buyer, esim } = await boughtEsim();
    const simulated = await applyLifecycleEvent(esim.id, buyer.id, "download", "test");
    expect(simulated).toMatchObject({ status: "ok", state: "DOWNLOADED" });
    const { eid } = simulated as { eid: string };
    expect(isValidEid(eid)).toBe(true);

    expect(await applyLifecycleEvent(esim.id, buyer.id, "download", "test", { eid: PHONE_EID })).toEqual({
      status: "invalid_transition",
      state: "DOWNLOADED",
    });
    expect(await applyLifecycleEvent(esim.id, buyer.id, "install", "test")).toMatchObject({ status: "ok", eid });
    expect((await db.esimProfile.findUniqueOrThrow({ where: { id: esim.id } })).eid).toBe(eid);
  });
});
