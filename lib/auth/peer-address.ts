import "server-only";
import { randomUUID } from "node:crypto";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingHttpHeaders } from "node:http";

// Next's own server does not record who connected: it fills X-Forwarded-For in only when a
// request comes without one (`req.headers['x-forwarded-for'] ??= socket.remoteAddress` in
// next/dist/server/base-server.js, 16.x, under `next start` and `next dev` alike), so a client
// that sends the header replaces its real address with any it likes: sent with curl,
// `X-Forwarded-For: 6.6.6.6` reached a route handler as exactly that under both. Route
// handlers, server actions and the proxy see only headers, never the socket. Node publishes
// each request on this channel synchronously before the server's own listeners run, so
// appending the TCP peer here makes this server the last hop, as a reverse proxy would: the
// rightmost entry is always the peer (client-ip.ts reads from that end).
const REQUEST_START = "http.server.request.start";

// Next accepts connections before it runs instrumentation.ts, and requests that arrive in
// between reach the app later with the header as the client wrote it (measured: the first
// request on each connection opened while `next start` or `next dev` was starting). Each
// request seen here is therefore also marked with a value only this process knows;
// client-ip.ts trusts no address on a request without it.
export const PEER_MARK_HEADER = "x-tabi-peer-recorded";

type Recorder = { mark: string; subscribed: boolean };
const RECORDER = Symbol.for("tabi.peer-address");

// On globalThis: a dev server that reloads this module keeps one mark and one subscription.
function recorder(): Recorder {
  const process = globalThis as { [RECORDER]?: Recorder };
  return (process[RECORDER] ??= { mark: randomUUID(), subscribed: false });
}

export function appendPeerAddress(headers: IncomingHttpHeaders, peer: string | undefined): void {
  const forwarded = headers["x-forwarded-for"];
  headers["x-forwarded-for"] = forwarded ? `${forwarded}, ${peer ?? "unknown"}` : (peer ?? "unknown");
  headers[PEER_MARK_HEADER] = recorder().mark;
}

export function peerAddressRecorded(headers: Headers): boolean {
  return headers.get(PEER_MARK_HEADER) === recorder().mark;
}

// Called once per server process from instrumentation.ts.
export function recordPeerAddresses(): void {
  const current = recorder();
  if (current.subscribed) return;
  current.subscribed = true;
  subscribe(REQUEST_START, (message) => {
    const { request, socket } = message as {
      request: { headers: IncomingHttpHeaders };
      socket: { remoteAddress?: string };
    };
    appendPeerAddress(request.headers, socket.remoteAddress);
  });
}
