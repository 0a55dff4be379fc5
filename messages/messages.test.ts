import { describe, expect, it } from "vitest";
import en from "./en.json";
import ja from "./ja.json";
import zh from "./zh.json";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") entries.set(path, value);
    else for (const [k, v] of flatten(value, path)) entries.set(k, v);
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

const english = flatten(en);

describe.each([
  ["zh", zh],
  ["ja", ja],
])("%s messages", (_locale, messages) => {
  const translated = flatten(messages);

  it("have exactly the English keys", () => {
    expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it("are all non-empty and use the same arguments as English", () => {
    for (const [key, message] of translated) {
      expect(message.trim(), key).not.toBe("");
      expect(argumentsOf(message), key).toEqual(argumentsOf(english.get(key) ?? ""));
    }
  });
});
