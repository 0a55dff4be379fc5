import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export type Received = { headers: IncomingHttpHeaders; body: string };
type Answer = { status: number; headers?: Record<string, string>; body?: string };

// An integrator's receiver on loopback: records every request and answers with the next of
// `answers` (then the last one again), 200 by default.
export async function startReceiver(answers: Answer[] = [{ status: 200 }]) {
  const received: Received[] = [];
  const queue = [...answers];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
    const answer = queue.length > 1 ? queue.shift()! : queue[0]!;
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body ?? "ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    // Later requests get these answers instead.
    answer: (...next: Answer[]) => queue.splice(0, queue.length, ...next),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const headerRecord = (headers: IncomingHttpHeaders) =>
  Object.fromEntries(Object.entries(headers).map(([key, value]) => [key, String(value)]));
