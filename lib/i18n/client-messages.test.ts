import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { LAYOUT_MESSAGES, type MessagePath, pickMessages } from "./client-messages";
import { loadMessages, type Messages } from "./messages";

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const isClient = (source: string) => source.startsWith('"use client"');

function resolveImport(from: string, specifier: string): string | undefined {
  const base = specifier.startsWith("@/")
    ? path.resolve(specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(from), specifier)
      : undefined;
  return base && [".tsx", ".ts"].map((extension) => base + extension).find((file) => existsSync(file));
}

function localImports(file: string, source: string): string[] {
  return [...source.matchAll(/from "([^"]+)"/g)].flatMap(([, specifier]) => resolveImport(file, specifier!) ?? []);
}

// The message paths a client component and the client components it renders translate with.
function clientMessagePaths(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const source = readFileSync(file, "utf8");
  if (!isClient(source)) return [];
  const own = [...source.matchAll(/useTranslations\("([^"]+)"\)/g)].map(([, namespace]) => namespace!);
  return [...own, ...localImports(file, source).flatMap((imported) => clientMessagePaths(imported, seen))];
}

const covers = (given: string, needed: string) => needed === given || needed.startsWith(`${given}.`);

describe("messages sent to the browser", () => {
  it("reach every client component: each server component wraps the ones it renders in the messages they read", () => {
    const uncovered: string[] = [];
    let checked = 0;
    for (const file of sourceFiles(path.resolve("app"))) {
      const source = readFileSync(file, "utf8");
      if (isClient(source)) continue;
      const needed = new Set(localImports(file, source).flatMap((imported) => clientMessagePaths(imported)));
      if (needed.size === 0) continue;
      checked += 1;
      const given = [...source.matchAll(/<ClientTranslations messages=\{\[([^\]]*)\]\}>/g)].flatMap(([, list]) =>
        [...list!.matchAll(/"([^"]+)"/g)].map(([, messagePath]) => messagePath!),
      );
      // Without a ClientTranslations of its own, a component sees the layout's messages.
      const available = given.length > 0 ? given : LAYOUT_MESSAGES;
      for (const messagePath of needed) {
        if (!available.some((provided) => covers(provided, messagePath)))
          uncovered.push(`${path.relative(".", file)}: ${messagePath}`);
      }
    }
    expect(checked).toBeGreaterThan(8);
    expect(uncovered).toEqual([]);
  });
});

describe("pickMessages", () => {
  let messages: Messages;
  beforeAll(async () => {
    messages = await loadMessages("en");
  });

  it("keeps whole namespaces and single groups inside one, and nothing else", () => {
    const picked = pickMessages(messages, ["Header", "Home.accountCta"]);
    expect(Object.keys(picked)).toEqual(["Header", "Home"]);
    expect(picked.Header).toEqual(messages.Header);
    expect(picked.Home).toEqual({ accountCta: messages.Home.accountCta });
  });

  it("refuses a path with no messages, so a typo fails loudly instead of showing keys", () => {
    expect(() => pickMessages(messages, ["Home.nothingHere" as MessagePath])).toThrow(
      "no messages at Home.nothingHere",
    );
  });
});
