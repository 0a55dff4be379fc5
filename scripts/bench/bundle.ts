// First-load JavaScript of the catalog and the dashboard as a browser receives it from the
// production build: every script the page's HTML loads, each compressed as the server would
// send it. The inline RSC payload (data, not code) is reported next to it.
import { readFileSync } from "node:fs";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { type AppServer, startApp } from "./lib/app-server";
import { saveResult } from "./lib/results";
import { usedTraveller } from "./lib/traveller";

// The budget, in compressed kilobytes. `next start` compresses with gzip; a CDN or proxy
// in front of the instances (README, Deployment) serves brotli to every current browser. Both
// are reported against it.
const BUDGET_KB = 130;

const nextVersion = () => JSON.parse(readFileSync("node_modules/next/package.json", "utf8")).version as string;
const reactVersion = () => JSON.parse(readFileSync("node_modules/react/package.json", "utf8")).version as string;

// Polyfills marked nomodule are skipped by every browser that runs modules, so they are not
// part of what such a browser loads.
function scriptSources(html: string): string[] {
  const tags = [...html.matchAll(/<script([^>]*)\ssrc="([^"]+)"([^>]*)>/g)];
  return [...new Set(tags.filter((tag) => !/nomodule/i.test(tag[1]! + tag[3]!)).map((tag) => tag[2]!))];
}

// The bodies of the page's inline scripts (the React Server Components payload, mostly).
function inlineScripts(html: string): Buffer {
  return Buffer.from(
    [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]!).join(""),
  );
}

async function pageHtml(server: AppServer, path: string, headers: Record<string, string>) {
  const response = await fetch(`${server.url}${path}`, { headers, redirect: "manual" });
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  return response.text();
}

async function firstLoad(server: AppServer, path: string, html: string) {
  const scripts = await Promise.all(
    scriptSources(html).map(async (src) => {
      const body = Buffer.from(await (await fetch(new URL(src, server.url))).arrayBuffer());
      return { src, raw: body.length, gzip: gzipSync(body).length, brotli: brotliCompressSync(body).length };
    }),
  );
  const sum = (field: "raw" | "gzip" | "brotli") => scripts.reduce((total, script) => total + script[field], 0);
  const inline = inlineScripts(html);
  return {
    path,
    scripts: scripts.length,
    rawKB: +(sum("raw") / 1024).toFixed(1),
    gzipKB: +(sum("gzip") / 1024).toFixed(1),
    brotliKB: +(sum("brotli") / 1024).toFixed(1),
    htmlGzipKB: +(gzipSync(html).length / 1024).toFixed(1),
    inlineScriptKB: +(inline.length / 1024).toFixed(1),
    inlineScriptGzipKB: +(gzipSync(inline).length / 1024).toFixed(1),
    largest: scripts
      .sort((a, b) => b.gzip - a.gzip)
      .slice(0, 5)
      .map(({ src, gzip }) => ({ src, gzipKB: +(gzip / 1024).toFixed(1) })),
  };
}

export async function bundle() {
  const server = await startApp(3100);
  try {
    const { cookie } = await usedTraveller();
    // The framework's own floor: the built-in not-found page, which has no code of ours.
    const floor = await firstLoad(
      server,
      "(framework floor: _not-found)",
      readFileSync(".next/server/app/_not-found.html", "utf8"),
    );
    const pages = [
      floor,
      await firstLoad(server, "/en/plans", await pageHtml(server, "/en/plans", {})),
      await firstLoad(server, "/en/dashboard", await pageHtml(server, "/en/dashboard", { cookie })),
    ];
    for (const page of pages) {
      const verdict = (kB: number) => (kB <= BUDGET_KB ? "met" : "MISSED");
      console.log(
        `${page.path.padEnd(14)} ${page.scripts} scripts, ${page.rawKB} kB raw; gzip ${page.gzipKB} kB ${verdict(page.gzipKB)}, brotli ${page.brotliKB} kB ${verdict(page.brotliKB)} (budget ${BUDGET_KB} kB)`,
      );
    }
    saveResult("bundle", { budgetKB: BUDGET_KB, framework: `next ${nextVersion()}, react ${reactVersion()}`, pages });
    return pages;
  } finally {
    await server.stop();
  }
}
