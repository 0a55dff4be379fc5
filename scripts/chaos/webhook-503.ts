// The shop's webhook endpoint answering 503 for two minutes while buyers pay and close their
// tabs, so no success page ever fulfils an order: every order must be fulfilled, once, after the
// endpoint recovers, by the checkout's redelivery of its events alone. A proxy in front of the
// app (APP_URL names it, so the checkout posts its events through it) refuses the webhook path.
import { db } from "../../lib/db/client";
import { startApp } from "../bench/lib/app-server";
import { APP_PORTS, publicAddress } from "./lib/environment";
import { startFaultProxy } from "./lib/fault-proxy";
import { buyFor } from "./lib/load";
import { at, type Scenario } from "./lib/scenario";
import { WEBHOOK_PATH } from "../../lib/payments/local-event-delivery";

const REFUSED_SECONDS = 120;
const BUYERS_START_AT_SECONDS = 5;
const LOAD_SECONDS = 45;

export const webhook503: Scenario = {
  name: "webhook 503 for 2 min",
  fault: `the webhook endpoint answers 503 for ${REFUSED_SECONDS} s; from ${BUYERS_START_AT_SECONDS} s into it, 10 buyers pay for ${LOAD_SECONDS} s and close their tabs before the success page`,
  async run({ buyers }) {
    const proxy = await startFaultProxy(APP_PORTS.proxy, [`http://127.0.0.1:${APP_PORTS.app}`]);
    proxy.refuse(new RegExp(`^${WEBHOOK_PATH}$`));
    const app = await startApp(APP_PORTS.app, publicAddress(proxy.url));
    const refusing = Date.now();
    const since = new Date(refusing);
    await at(refusing, BUYERS_START_AT_SECONDS);
    const tally = await buyFor(buyers, { origin: proxy.url, seconds: LOAD_SECONDS, closeTabs: true });
    await at(refusing, REFUSED_SECONDS);
    proxy.refuse(null);
    const faultEndedAt = new Date();
    return {
      tally,
      faultEndedAt,
      // The checkout's schedule tries again 5 s, 35 s and 155 s after an event's first attempt.
      settleTimeoutMs: 150_000,
      afterwards: async () => {
        const handled = await db.processedWebhookEvent.count({
          where: { type: "checkout.session.completed", processedAt: { gte: since } },
        });
        return {
          checks: [
            {
              name: "one checkout.session.completed handled per payment, after the endpoint recovered",
              ok: handled === tally.paymentsAccepted,
              found: { handled, payments: tally.paymentsAccepted },
            },
          ],
          observations: { webhookDeliveriesRefused: proxy.refused() },
        };
      },
      stop: async () => {
        await app.stop();
        await proxy.stop();
      },
    };
  },
};
