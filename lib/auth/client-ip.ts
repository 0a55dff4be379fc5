import "server-only";

// The first address in X-Forwarded-For is the client as seen by the outermost proxy; the app
// is meant to run behind one (or behind Next's own server, which sets the header).
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || "unknown";
}
