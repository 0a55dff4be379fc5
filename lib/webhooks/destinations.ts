import "server-only";
import { lookup } from "node:dns/promises";
import type { LookupAddress, LookupOptions } from "node:dns";
import ipaddr from "ipaddr.js";
import { env } from "../env";

export type DestinationRefusal =
  "invalid_url" | "scheme" | "credentials" | "own_app" | "private_address" | "unresolvable";

export type DestinationCheck = { status: "allowed"; url: URL } | { status: "refused"; reason: DestinationRefusal };

// Outside production a developer's receiver runs on their own machine, so loopback is allowed
// there; private networks never are (a sandbox on a shared host would reach its neighbours).
export const allowsLoopback = () => env().APP_ENV !== "production";

// Only public unicast addresses take deliveries: not private, loopback, link-local (the cloud
// metadata service at 169.254.169.254), carrier-grade NAT, multicast, reserved or any of the
// IPv6 forms that embed an IPv4 address. An IPv4-mapped IPv6 address is judged as its IPv4.
export function isAllowedAddress(address: string, loopback = allowsLoopback()): boolean {
  if (!ipaddr.isValid(address)) return false;
  const range = ipaddr.process(address).range();
  return range === "unicast" || (loopback && range === "loopback");
}

// The app itself answers on APP_URL's host and port: a webhook pointed there would let anyone
// with an account make the app call its own routes.
function isOwnApp(url: URL): boolean {
  const app = new URL(env().APP_URL);
  return url.hostname === app.hostname && url.port === app.port;
}

// Checked when an endpoint is saved, and again at each delivery (addresses change).
export async function checkDestination(raw: string, loopback = allowsLoopback()): Promise<DestinationCheck> {
  if (!URL.canParse(raw)) return { status: "refused", reason: "invalid_url" };
  const url = new URL(raw);
  if (url.protocol !== "https:" && url.protocol !== "http:") return { status: "refused", reason: "scheme" };
  if (url.username || url.password) return { status: "refused", reason: "credentials" };
  if (isOwnApp(url)) return { status: "refused", reason: "own_app" };
  const addresses = await resolveAll(url.hostname);
  if (addresses.length === 0) return { status: "refused", reason: "unresolvable" };
  // Every address, not the first: a name with one public and one private address would
  // otherwise reach the private one whenever the resolver lists it first.
  if (!addresses.every(({ address }) => isAllowedAddress(address, loopback)))
    return { status: "refused", reason: "private_address" };
  return { status: "allowed", url };
}

// A bracketed IPv6 literal is its own address; anything else is asked of the resolver.
async function resolveAll(hostname: string): Promise<LookupAddress[]> {
  const bare = hostname.replace(/^\[(.*)\]$/, "$1");
  if (ipaddr.isValid(bare)) return [{ address: bare, family: bare.includes(":") ? 6 : 4 }];
  try {
    return await lookup(bare, { all: true, verbatim: true });
  } catch {
    return [];
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

// The resolver the delivery's socket connects through: the address checked is the address
// connected to, so a name that resolves to a public address when saved and a private one at
// delivery (DNS rebinding) is still refused.
export function guardedLookup(loopback = allowsLoopback()) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback) => {
    resolveAll(hostname).then((addresses) => {
      const refused = addresses.length === 0 || !addresses.every(({ address }) => isAllowedAddress(address, loopback));
      if (refused) {
        const error: NodeJS.ErrnoException = new Error(`${hostname} does not resolve to an allowed address`);
        error.code = "ENOTALLOWED";
        return callback(error, "");
      }
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}
