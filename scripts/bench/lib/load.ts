// One bounded autocannon run against a loopback URL, summarised.
import autocannon from "autocannon";

export type LoadResult = {
  path: string;
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  kBPerResponse: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
};

export async function load(
  url: string,
  options: { connections?: number; seconds?: number; headers?: Record<string, string> } = {},
): Promise<LoadResult> {
  if (!/^http:\/\/127\.0\.0\.1[:/]/.test(url)) throw new Error(`load tests target 127.0.0.1 only, not ${url}`);
  const connections = options.connections ?? 10;
  const seconds = options.seconds ?? 10;
  const result = await autocannon({ url, connections, duration: seconds, headers: options.headers });
  return {
    path: new URL(url).pathname + new URL(url).search,
    connections,
    seconds,
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.average),
    // Headers and body, as the load generator read them.
    kBPerResponse: +(result.throughput.total / Math.max(1, result.requests.total) / 1024).toFixed(1),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}
