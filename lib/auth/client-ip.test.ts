import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { headersFromPeer } from "../testing/client-headers";
import { clientIp } from "./client-ip";
import { PEER_MARK_HEADER, recordPeerAddresses } from "./peer-address";

const CLIENT = "198.51.100.7";
const PROXY = "10.0.0.2";
const EDGE_PROXY = "10.0.0.3";

describe("clientIp with no proxy in front (TRUSTED_PROXY_HOPS=0)", () => {
  it("is the address the client connected from", () => {
    expect(clientIp(headersFromPeer(CLIENT), 0)).toBe(CLIENT);
  });

  it("ignores the X-Forwarded-For and X-Real-IP a client sends", () => {
    const forged = { "x-forwarded-for": "203.0.113.1, 203.0.113.2", "x-real-ip": "203.0.113.3" };
    expect(clientIp(headersFromPeer(CLIENT, forged), 0)).toBe(CLIENT);
  });

  it("gives every forged header from one client the same address", () => {
    const addresses = Array.from({ length: 45 }, (_, i) =>
      clientIp(headersFromPeer(CLIENT, { "x-forwarded-for": `203.0.113.${i}` }), 0),
    );
    expect(new Set(addresses)).toEqual(new Set([CLIENT]));
  });
});

describe("clientIp behind trusted proxies", () => {
  it("with one, is the address that proxy saw, not what the client wrote before it", () => {
    // The client sent 203.0.113.1; the proxy appended the address it saw and connected to us.
    const headers = headersFromPeer(PROXY, { "x-forwarded-for": `203.0.113.1, ${CLIENT}` });
    expect(clientIp(headers, 1)).toBe(CLIENT);
  });

  it("with two, is the address the outer proxy saw", () => {
    const headers = headersFromPeer(PROXY, { "x-forwarded-for": `203.0.113.1, ${CLIENT}, ${EDGE_PROXY}` });
    expect(clientIp(headers, 2)).toBe(CLIENT);
    expect(clientIp(headers, 1)).toBe(EDGE_PROXY);
    expect(clientIp(headers, 0)).toBe(PROXY);
  });

  it("is the furthest entry when the request passed fewer proxies than configured", () => {
    expect(clientIp(headersFromPeer(CLIENT), 1)).toBe(CLIENT);
    expect(clientIp(headersFromPeer(PROXY, { "x-forwarded-for": CLIENT }), 3)).toBe(CLIENT);
  });
});

describe("clientIp for a request this process did not see arrive", () => {
  it("trusts no address in it, forged or not, and keys them all together", () => {
    const unrecorded = new Headers({ "x-forwarded-for": CLIENT });
    expect(clientIp(unrecorded, 0)).toBe("unknown");
    const forgedMark = new Headers({ "x-forwarded-for": CLIENT, [PEER_MARK_HEADER]: "guessed" });
    expect(clientIp(forgedMark, 0)).toBe("unknown");
  });
});

describe("recordPeerAddresses", () => {
  it("appends the TCP peer to every request a Node server receives, once", async () => {
    recordPeerAddresses();
    recordPeerAddresses();
    const server = createServer((request, response) => {
      const headers = new Headers(request.headers as Record<string, string>);
      response.end(JSON.stringify({ forwarded: headers.get("x-forwarded-for"), ip: clientIp(headers, 0) }));
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    try {
      const sent: Record<string, string>[] = [{}, { "x-forwarded-for": "203.0.113.9", [PEER_MARK_HEADER]: "guessed" }];
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const answers = await Promise.all(sent.map(async (headers) => (await fetch(url, { headers })).json()));
      expect(answers).toEqual([
        { forwarded: "127.0.0.1", ip: "127.0.0.1" },
        { forwarded: "203.0.113.9, 127.0.0.1", ip: "127.0.0.1" },
      ]);
    } finally {
      server.close();
    }
  });
});
