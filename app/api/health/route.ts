// Liveness for load balancers and process managers: answers as long as the process serves
// requests, without touching the database, so a database outage does not take every instance
// out of rotation at once.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
