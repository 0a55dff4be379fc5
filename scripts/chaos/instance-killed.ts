// Two app instances behind a load balancer, one killed with SIGKILL mid-load: the balancer
// sends everything to the survivor, whose job runner finishes the queued work (emails, and any
// fulfilment left to events) on its own.
import { startApp } from "../bench/lib/app-server";
import { APP_PORTS, publicAddress } from "./lib/environment";
import { startFaultProxy } from "./lib/fault-proxy";
import { buyFor } from "./lib/load";
import { noJobLeftLocked } from "./lib/outcome";
import { at, type Scenario } from "./lib/scenario";

const LOAD_SECONDS = 50;
const KILL_AT_SECONDS = 20;

export const instanceKilled: Scenario = {
  name: "1 of 2 instances killed",
  fault: `two instances behind a balancer; one killed with SIGKILL at ${KILL_AT_SECONDS} s of a ${LOAD_SECONDS}-s load by 10 buyers and left down`,
  async run({ buyers, started }) {
    const upstreams = [`http://127.0.0.1:${APP_PORTS.first}`, `http://127.0.0.1:${APP_PORTS.second}`];
    const balancer = await startFaultProxy(APP_PORTS.proxy, upstreams);
    const env = publicAddress(balancer.url);
    const [victim, survivor] = await Promise.all([startApp(APP_PORTS.first, env), startApp(APP_PORTS.second, env)]);
    const load = buyFor(buyers, { origin: balancer.url, seconds: LOAD_SECONDS });
    await at(started, KILL_AT_SECONDS);
    await victim.kill();
    const faultEndedAt = new Date();
    const tally = await load;
    return {
      tally,
      faultEndedAt,
      settleTimeoutMs: 120_000,
      afterwards: async () => ({ checks: [await noJobLeftLocked()] }),
      stop: async () => {
        await survivor.stop();
        await balancer.stop();
      },
    };
  },
};
