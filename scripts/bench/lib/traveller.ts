// A traveller with a bought, installed eSIM that has been used for a few days: what a
// signed-in page shows in the benchmarks. Built through the product's own code paths.
import { recordUsage } from "../../../lib/balance/usage";
import { activeEsim } from "../../../lib/testing/shop";
import { sessionCookie } from "./session";

const MB = 1024n * 1024n;

export async function usedTraveller(planSlug = "docomo-3gb-7d") {
  const { buyer, esim } = await activeEsim(planSlug);
  for (let day = 0; day < 5; day++) {
    await recordUsage({
      esimId: esim.id,
      userId: buyer.id,
      recordId: `bench-${day}`,
      dataBytes: BigInt(120 + day * 40) * MB,
      voiceSeconds: 60 * day,
      source: "benchmark",
    });
  }
  return { esim, cookie: await sessionCookie(buyer) };
}
