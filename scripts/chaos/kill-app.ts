// kill -9 of the only app instance, three times during the purchase load, restarting it each
// time. Whatever a killed process was doing (a payment, a webhook, a fulfilment, an SMTP send)
// stops mid-way; afterwards every paid session must still be one fulfilled order or one refund,
// and every email delivered once. An email whose SMTP accept raced the kill is sent again after
// the restart (its row never said SENT): counted as duplicated, reported, not a failure.
import { type AppServer, startApp } from "../bench/lib/app-server";
import { APP_PORTS } from "./lib/environment";
import { buyFor } from "./lib/load";
import { noJobLeftLocked } from "./lib/outcome";
import { at, type Scenario, seconds } from "./lib/scenario";

const LOAD_SECONDS = 70;
const KILLS_AT_SECONDS = [12, 32, 52];

export const killApp: Scenario = {
  name: "kill -9 of the app ×3",
  fault: `the app process killed with SIGKILL at ${KILLS_AT_SECONDS.join(", ")} s of a ${LOAD_SECONDS}-s load by 10 buyers, restarted at once each time`,
  async run({ buyers, started }) {
    let app: AppServer = await startApp(APP_PORTS.app);
    const load = buyFor(buyers, { origin: app.url, seconds: LOAD_SECONDS });
    const restartSeconds: number[] = [];
    for (const offset of KILLS_AT_SECONDS) {
      await at(started, offset);
      await app.kill();
      const killed = Date.now();
      app = await startApp(APP_PORTS.app);
      restartSeconds.push(seconds(Date.now() - killed));
    }
    const faultEndedAt = new Date();
    const tally = await load;
    return {
      tally,
      faultEndedAt,
      settleTimeoutMs: 120_000,
      afterwards: async () => ({ checks: [await noJobLeftLocked()], observations: { restartSeconds } }),
      stop: () => app.stop(),
    };
  },
};
