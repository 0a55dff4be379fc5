import { connection } from "next/server";

// Only in benchmark builds (see `pageExtensions` in next.config.ts): the cheapest page this app
// renders on every request — the locale layout around one line — so the throughput benchmark
// can tell what Next's rendering costs any dynamic page from what the dashboard adds to it.
export default async function DynamicFloorPage() {
  await connection();
  return <p className="px-4 py-12">{new Date().toISOString()}</p>;
}
