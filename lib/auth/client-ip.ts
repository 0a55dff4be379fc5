import "server-only";
import { env } from "../env";
import { peerAddressRecorded } from "./peer-address";

// Requests this process did not see arrive share one key, so they cannot spread over many.
const UNRECORDED = "unknown";

// The address every per-client limit is keyed by. X-Forwarded-For is a list each hop appends
// to, so only its right end is trustworthy: the rightmost entry is the TCP peer, appended by
// this app's own server (peer-address.ts), and each trusted proxy in front vouches for the
// entry to the left of its own. The entry `trustedHops` in from the right is therefore the
// client as the outermost trusted proxy saw it; whatever the client wrote further left is
// ignored. A list shorter than that (a request that passed fewer proxies) gets its leftmost
// entry, the furthest a trusted hop vouches for.
export function clientIp(headers: Headers, trustedHops = env().TRUSTED_PROXY_HOPS): string {
  if (!peerAddressRecorded(headers)) return UNRECORDED;
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return hops[Math.max(0, hops.length - 1 - trustedHops)] ?? UNRECORDED;
}
