import { describe, expect, it } from "vitest";
import { formInput, submittedValues } from "./form-state";

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

describe("a posted form as its schema reads it", () => {
  const posted = form([
    ["name", "Aiko"],
    ["tags", "red"],
    ["tags", "blue"],
  ]);

  it("reads a repeated field whole as a list, and every other field as its value", () => {
    expect(formInput(posted, ["tags"])).toEqual({ name: "Aiko", tags: ["red", "blue"] });
    expect(formInput(form([["name", "Aiko"]]), ["tags"])).toEqual({ name: "Aiko", tags: [] });
  });

  it("keeps only the last value of a field not named repeated", () => {
    expect(formInput(posted)).toEqual({ name: "Aiko", tags: "blue" });
  });
});

describe("the values sent back to the form", () => {
  it("echoes only the listed fields, a repeated one as a list", () => {
    const posted = form([
      ["name", "Aiko"],
      ["password", "secret"],
      ["tags", "red"],
      ["tags", "blue"],
    ]);
    expect(submittedValues(posted, ["name", "tags", "missing"], ["tags"])).toEqual({
      name: "Aiko",
      tags: ["red", "blue"],
    });
  });

  it("caps an oversized value, and a list in its length", () => {
    const posted = form([
      ["name", "x".repeat(1000)],
      ...Array.from({ length: 500 }, (): [string, string] => ["tags", "t"]),
    ]);
    const values = submittedValues(posted, ["name", "tags"], ["tags"]);
    expect(values.name).toHaveLength(300);
    expect(values.tags).toHaveLength(300);
  });
});
