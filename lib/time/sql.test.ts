import { Prisma } from "@prisma/client";
import { describe, expect, it } from "vitest";
import { jstDateSql } from "./sql";

describe("jstDateSql", () => {
  it("writes a column's Japan date the way Postgres groups it", () => {
    const fragment = jstDateSql("occurredAt");
    expect(fragment.sql).toBe(`to_char(("occurredAt" + interval '9 hours'), 'YYYY-MM-DD')`);
    expect(fragment.values).toEqual([]);
  });

  it("writes an expression's Japan date, keeping its values bound", () => {
    const fragment = jstDateSql(Prisma.sql`("sentAt" - ${60}::float8 * interval '1 second')`);
    expect(fragment.sql).toBe(
      `to_char((("sentAt" - ?::float8 * interval '1 second') + interval '9 hours'), 'YYYY-MM-DD')`,
    );
    expect(fragment.values).toEqual([60]);
  });

  it("reads a column with a zone as UTC first", () => {
    expect(jstDateSql("updated_at", { zoned: true }).sql).toBe(
      `to_char((("updated_at" AT TIME ZONE 'UTC') + interval '9 hours'), 'YYYY-MM-DD')`,
    );
  });
});
