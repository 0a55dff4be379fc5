// A small HTTP proxy on 127.0.0.1 in front of the app instances, as a load balancer is: it
// keeps the Host header (the app's public address, APP_URL, names the proxy), sends each request
// to the next instance that accepts a connection, and can be told to answer one path with an
// error instead, as a shop whose webhook endpoint is failing does.
import http from "node:http";

export type FaultProxy = {
  url: string;
  // Until called again with null: requests whose path matches are answered `status` unforwarded.
  refuse: (path: RegExp | null, status?: number) => void;
  refused: () => number;
  stop: () => Promise<void>;
};

async function body(request: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function forward(upstream: string, request: http.IncomingMessage, payload: Buffer, response: http.ServerResponse) {
  return new Promise<void>((resolve, reject) => {
    const target = new URL(upstream);
    const outgoing = http.request(
      { host: target.hostname, port: target.port, method: request.method, path: request.url, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
        answer.on("end", resolve);
        answer.on("error", reject);
      },
    );
    // Only a refused connection is tried on the next instance: once a request has reached an
    // instance, sending it again could do its work twice.
    outgoing.on("error", reject);
    outgoing.end(payload);
  });
}

export async function startFaultProxy(port: number, upstreams: string[]): Promise<FaultProxy> {
  let refusing: { path: RegExp; status: number } | null = null;
  let refused = 0;
  let next = 0;
  const server = http.createServer(async (request, response) => {
    const payload = await body(request);
    if (refusing?.path.test(new URL(request.url ?? "/", "http://proxy").pathname)) {
      refused += 1;
      response.writeHead(refusing.status, { "content-type": "application/json" });
      return response.end(JSON.stringify({ error: "injected fault" }));
    }
    const first = next++;
    for (let i = 0; i < upstreams.length; i++) {
      try {
        return await forward(upstreams[(first + i) % upstreams.length]!, request, payload, response);
      } catch (error) {
        const refusedConnection = (error as NodeJS.ErrnoException).code === "ECONNREFUSED";
        if (!refusedConnection || response.headersSent) return response.destroy();
      }
    }
    response.writeHead(502, { "content-type": "text/plain" }).end("no instance accepts connections");
  });
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    refuse: (path, status = 503) => (refusing = path ? { path, status } : null),
    refused: () => refused,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
