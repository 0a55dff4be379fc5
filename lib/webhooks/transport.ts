import "server-only";
import http from "node:http";
import https from "node:https";
import { checkDestination, guardedLookup } from "./destinations";

// Standard Webhooks: a receiver that has not answered within this long has failed the attempt.
export const DELIVERY_TIMEOUT_MS = 15_000;

const EXCERPT_CHARS = 500;

export type PostAnswer = {
  // null: no HTTP answer at all (refused destination, connection error, timeout).
  httpStatus: number | null;
  durationMs: number;
  // The start of the body answered, or why there was none, for the delivery log.
  excerpt: string;
  retryAfter: string | null;
};

// One POST, through node:http so the socket connects only to an address the guard allowed.
// Redirects are answers like any other (3xx is a failure by the spec), never followed: a
// redirect to an internal address would otherwise slip past the checks.
export async function postWebhook(url: string, body: string, headers: Record<string, string>): Promise<PostAnswer> {
  const started = Date.now();
  const elapsed = () => Date.now() - started;
  const destination = await checkDestination(url);
  if (destination.status === "refused")
    return { httpStatus: null, durationMs: elapsed(), excerpt: `refused: ${destination.reason}`, retryAfter: null };
  const target = destination.url;
  const client = target.protocol === "https:" ? https : http;
  return new Promise<PostAnswer>((resolve) => {
    const request = client.request(
      target,
      {
        method: "POST",
        headers: { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(body) },
        lookup: guardedLookup(),
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      },
      (response) => {
        let excerpt = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          excerpt += chunk;
          // Enough for the log; the rest of a large answer is not read.
          if (excerpt.length >= EXCERPT_CHARS) response.destroy();
        });
        const done = () =>
          resolve({
            httpStatus: response.statusCode ?? null,
            durationMs: elapsed(),
            excerpt: excerpt.slice(0, EXCERPT_CHARS),
            retryAfter: header(response.headers["retry-after"]),
          });
        response.on("end", done);
        response.on("close", done);
      },
    );
    request.on("error", (error: NodeJS.ErrnoException) =>
      resolve({
        httpStatus: null,
        durationMs: elapsed(),
        excerpt: (error.name === "AbortError" ? "timed out" : String(error.code ?? error.message)).slice(
          0,
          EXCERPT_CHARS,
        ),
        retryAfter: null,
      }),
    );
    request.end(body);
  });
}

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0]! : (value ?? null));
