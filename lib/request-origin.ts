// The scheme and host name the visitor used. Next reports 127.0.0.1 as localhost in request
// URLs, and cookies belong to the name the browser sees, so redirects and callbacks are built
// from the forwarded headers instead.
export function requestOrigin(headers: Headers, fallback = "http://localhost:3000"): string {
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (!host) return fallback;
  const protocol = headers.get("x-forwarded-proto") ?? "http";
  return `${protocol.split(",")[0]!.trim()}://${host.split(",")[0]!.trim()}`;
}
