import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES } from "./client-messages";

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("messages sent to the browser", () => {
  it("include every namespace a client component translates with", () => {
    const used = new Set<string>();
    for (const file of sourceFiles(path.resolve("app"))) {
      const source = readFileSync(file, "utf8");
      if (!source.startsWith('"use client"')) continue;
      for (const [, namespace] of source.matchAll(/useTranslations\("([^".]+)/g)) used.add(namespace!);
    }
    expect(used.size).toBeGreaterThan(5);
    expect([...used].filter((namespace) => !(CLIENT_NAMESPACES as readonly string[]).includes(namespace))).toEqual([]);
  });
});
