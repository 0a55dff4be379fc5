import { createHash } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { settled } from "./page-settled";
import { alreadyScanned, markScanned, normalizedState } from "./scanned-states";

// WCAG 2.0 and 2.1, levels A and AA, plus axe's best practices.
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

type Violation = { url: string; rule: string; impact: string; help: string; helpUrl: string; targets: string[] };

type Watched = { navigations: number; waiting: boolean };

// Scans every page a test shows with axe-core as it goes: each page once it has settled after a
// navigation (history navigations included), and the pages still open at the end of the test.
// Scans run one at a time beside the test's own steps rather than pausing them.
export class AccessibilityAudit {
  private queue = Promise.resolve();
  private readonly pages = new Map<Page, Watched>();
  private readonly violations = new Map<string, Violation>();
  private readonly errors: string[] = [];
  private scans = 0;
  private skipped = 0;
  private interrupted = 0;

  watch(page: Page) {
    if (this.pages.has(page)) return;
    const watched: Watched = { navigations: 0, waiting: false };
    this.pages.set(page, watched);
    page.on("framenavigated", (frame) => {
      if (frame !== page.mainFrame()) return;
      watched.navigations += 1;
      this.enqueue(page, watched);
    });
    this.scanBeforeLeaving(page, watched);
  }

  // Scans what the open pages show now (client-rendered states included) and waits for all scans.
  async finish({ scanOpenPages }: { scanOpenPages: boolean }) {
    if (scanOpenPages) for (const [page, watched] of this.pages) this.enqueue(page, watched);
    await this.drain();
  }

  summary() {
    return `${this.scans} scans, ${this.skipped} already scanned in this run, ${this.interrupted} interrupted`;
  }

  report(): string | undefined {
    if (this.errors.length) return `Accessibility scan failed:\n${this.errors.join("\n")}`;
    if (!this.violations.size) return undefined;
    const byUrl = new Map<string, string[]>();
    for (const v of this.violations.values()) {
      const lines = [`  ${v.rule} [${v.impact}] ${v.help}`, `    ${v.helpUrl}`, ...v.targets.map((t) => `    - ${t}`)];
      byUrl.set(v.url, [...(byUrl.get(v.url) ?? [v.url]), ...lines]);
    }
    const pages = [...byUrl.values()].map((lines) => lines.join("\n"));
    return `Accessibility violations (axe-core: ${TAGS.join(", ")}):\n\n${pages.join("\n\n")}`;
  }

  // Tests often glance at a page and go elsewhere with goto or reload before a background scan
  // could finish; those two wait for it, so that such pages are checked too.
  private scanBeforeLeaving(page: Page, watched: Watched) {
    const { goto, reload } = page;
    const scanNow = () => {
      this.enqueue(page, watched);
      return this.drain();
    };
    page.goto = async (...args) => {
      await scanNow();
      return goto.apply(page, args);
    };
    page.reload = async (...args) => {
      await scanNow();
      return reload.apply(page, args);
    };
  }

  // A scan still waiting its turn will see the page as it is by then, so one is enough.
  private enqueue(page: Page, watched: Watched, { retry = false } = {}) {
    if (watched.waiting) return;
    watched.waiting = true;
    this.queue = this.queue.then(() => {
      watched.waiting = false;
      return this.scan(page, watched, retry);
    });
  }

  // Scans can queue a retry while running, so wait until the queue stops growing.
  private async drain() {
    let queue;
    do {
      queue = this.queue;
      await queue;
    } while (queue !== this.queue);
  }

  private async scan(page: Page, watched: Watched, retry: boolean) {
    if (page.isClosed() || page.url() === "about:blank") return;
    const navigation = watched.navigations;
    try {
      await settled(page);
      const state = await domState(page);
      if (alreadyScanned(state)) {
        this.skipped += 1;
        return;
      }
      // Legacy mode runs axe in the page itself instead of finishing each scan in a new blank
      // page; the app has no cross-origin frames, which is all the other mode adds.
      const results = await new AxeBuilder({ page }).withTags(TAGS).setLegacyMode().analyze();
      // axe checks rule after rule while the page goes on rendering. Violations found while the
      // page changed may belong to a state that never existed, so they count only when a scan of
      // a still page finds them; a retry looks again once.
      if (results.violations.length && (await domState(page)) !== state) {
        this.interrupted += 1;
        if (!retry) this.enqueue(page, watched, { retry: true });
        return;
      }
      this.scans += 1;
      if (!results.violations.length) markScanned(state);
      for (const result of results.violations) {
        const targets = result.nodes.map((node) => node.target.join(" "));
        this.violations.set(`${results.url} ${result.id} ${targets.join(",")}`, {
          url: results.url,
          rule: result.id,
          impact: result.impact ?? "unknown",
          help: result.help,
          helpUrl: result.helpUrl,
          targets,
        });
      }
    } catch (error) {
      // The test moved on (navigated or closed the page) while the scan ran: the next page gets its
      // own scan, so this one is counted and dropped.
      if (page.isClosed() || watched.navigations !== navigation || isNavigationError(error)) {
        this.interrupted += 1;
      } else {
        this.errors.push(`${page.url()}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}

// The page's address and markup, as the run compares them, hashed: equal states need one scan only.
async function domState(page: Page) {
  const [href, html] = await page.evaluate(() => [location.href, document.documentElement.outerHTML]);
  return createHash("sha256").update(normalizedState(href, html)).digest("hex");
}

function isNavigationError(error: unknown) {
  return error instanceof Error && /Execution context was destroyed|navigation/i.test(error.message);
}
