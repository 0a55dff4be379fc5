import { describe, expect, it } from "vitest";
import { jstDateSql } from "./sql";

describe("jstDateSql", () => {
  it("writes a column's Japan date the way Postgres groups it", () => {
    const fragment = jstDateSql("occurredAt");
    expect(fragment.sql).toBe(`to_char(("occurredAt" + interval '9 hours'), 'YYYY-MM-DD')`);
    expect(fragment.values).toEqual([]);
  });
});
