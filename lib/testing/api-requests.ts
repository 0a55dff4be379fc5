import { randomUUID } from "node:crypto";

// Requests to the v1 route handlers as a client sends them, for integration tests.

export const apiUrl = (path: string) => `http://127.0.0.1/api/v1${path}`;
const bearer = (token?: string): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});

export const routeParams = <Params>(params: Params) => ({ params: Promise.resolve(params) });
export const noParams = routeParams({});

export const apiGet = (path: string, token?: string) => new Request(apiUrl(path), { headers: bearer(token) });

export function apiPost(path: string, token: string | undefined, body: unknown, headers: Record<string, string> = {}) {
  return new Request(apiUrl(path), {
    method: "POST",
    headers: { "content-type": "application/json", ...bearer(token), ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

export const newIdempotencyKey = () => randomUUID();
