import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// The page states the whole run has scanned with axe, shared by every worker: a state one test
// has checked is not scanned again when another test shows it (the login page, a plan, a 404).
// A state is the page's address and markup with what differs between visits of the same page
// taken out: per-request nonces, the inline React payload, and the digits, addresses and tokens
// of each test's own account and orders. Violations depend on the elements, their attributes
// and text, not on which numbers a test's order happens to have.
const REGISTRY = "TABI_E2E_SCANNED_STATES";

export function normalizedState(href: string, html: string): string {
  const generic = (text: string) =>
    text
      .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, "@")
      .replace(/\b(cs|pi|re|evt|we|tok|ch|dp)_(test_)?[A-Za-z0-9]+/g, "$1_")
      .replace(/[A-Za-z0-9_-]{32,}/g, "~")
      .replace(/\d+/g, "0");
  const markup = html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "<script></script>")
    .replace(/\snonce="[^"]*"/g, "");
  return `${generic(href)}\n${generic(markup)}`;
}

function registryDir(): string {
  const dir = process.env[REGISTRY];
  if (!dir) throw new Error(`${REGISTRY} is not set: run the suite through playwright.config.ts`);
  return dir;
}

export function alreadyScanned(key: string): boolean {
  return existsSync(path.join(registryDir(), key));
}

export function markScanned(key: string): void {
  writeFileSync(path.join(registryDir(), key), "");
}

// Playwright's global setup: a fresh registry for each run, passed to the workers by environment.
export default function createScannedStatesRegistry() {
  const dir = mkdtempSync(path.join(tmpdir(), "tabi-e2e-scans-"));
  process.env[REGISTRY] = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
