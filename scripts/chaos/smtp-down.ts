// The mail server down for 60 s in the middle of the purchase load, then up again: emails
// queued meanwhile wait in the outbox with backoff and all go out once it is back; none lost.
import { startApp } from "../bench/lib/app-server";
import { APP_PORTS } from "./lib/environment";
import { buyFor } from "./lib/load";
import { at, type Scenario } from "./lib/scenario";

const LOAD_SECONDS = 80;
const DOWN = { from: 10, to: 70 };

export const smtpDown: Scenario = {
  name: "SMTP down 60 s",
  fault: `the mail catcher stopped from ${DOWN.from} s to ${DOWN.to} s of a ${LOAD_SECONDS}-s load by 10 buyers`,
  async run({ services, buyers, started }) {
    const app = await startApp(APP_PORTS.app);
    const load = buyFor(buyers, { origin: app.url, seconds: LOAD_SECONDS });
    await at(started, DOWN.from);
    await services.stopMail();
    await at(started, DOWN.to);
    await services.startMail();
    const faultEndedAt = new Date();
    const tally = await load;
    return { tally, faultEndedAt, settleTimeoutMs: 150_000, stop: () => app.stop() };
  },
};
