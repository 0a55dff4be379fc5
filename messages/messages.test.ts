import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PAGE_MESSAGE_FILE_NAMES } from "../lib/i18n/messages";
import { routing } from "../lib/i18n/routing";

type Tree = { [key: string]: string | Tree };

const AREAS = readdirSync(path.join(import.meta.dirname, "en")).filter((file) => file.endsWith(".json"));

function load(locale: string, area: string): Tree {
  return JSON.parse(readFileSync(path.join(import.meta.dirname, locale, area), "utf8")) as Tree;
}

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const keyPath = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") entries.set(keyPath, value);
    else for (const [k, v] of flatten(value, keyPath)) entries.set(k, v);
  }
  return entries;
}

// Top-level ICU arguments, e.g. {name} or {count, plural, …}: a translation must use the same.
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  let depth = 0;
  for (const match of message.matchAll(/[{}]|(?<=\{)\s*(\w+)/g)) {
    if (match[0] === "{") depth += 1;
    else if (match[0] === "}") depth -= 1;
    else if (depth === 1 && match[1]) names.add(match[1]);
  }
  return [...names].sort();
}

it("no two areas define the same namespace", () => {
  const namespaces = AREAS.flatMap((area) => Object.keys(load("en", area)));
  expect(namespaces).toEqual([...new Set(namespaces)]);
});

it("pages load every area but the emails, which only the email templates read", () => {
  expect([...PAGE_MESSAGE_FILE_NAMES, "emails"].sort()).toEqual(
    AREAS.map((area) => path.basename(area, ".json")).sort(),
  );
});

describe.each(AREAS)("%s", (area) => {
  const english = flatten(load("en", area));

  it.each(routing.locales.filter((l) => l !== "en"))(
    "in %s has exactly the English keys, translated, with the same arguments",
    (locale) => {
      const translated = flatten(load(locale, area));
      expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [key, message] of translated) {
        expect(message.trim(), key).not.toBe("");
        expect(argumentsOf(message), key).toEqual(argumentsOf(english.get(key) ?? ""));
      }
    },
  );
});
