import type { IncomingHttpHeaders } from "node:http";
import { appendPeerAddress } from "../auth/peer-address";

// Request headers as this app's server hands them on (lib/auth/peer-address.ts) for a client
// connected from `peer`, plus the headers the client sent itself.
export function headersFromPeer(peer: string, sent: Record<string, string> = {}): Headers {
  const incoming: IncomingHttpHeaders = Object.fromEntries(
    Object.entries(sent).map(([name, value]) => [name.toLowerCase(), value]),
  );
  appendPeerAddress(incoming, peer);
  return new Headers(incoming as Record<string, string>);
}
