import { Prisma } from "@prisma/client";
import { JST_OFFSET_MS } from "./jst";

const JST_OFFSET_HOURS = JST_OFFSET_MS / (60 * 60 * 1000);

// The Japan date (YYYY-MM-DD, as jstDate writes it) of a timestamp column, for grouping rows
// by JST day in the database. Columns hold UTC without a zone, so adding the offset gives
// Japan wall-clock time. The column name comes from code, never from a request.
export function jstDateSql(column: string): Prisma.Sql {
  return Prisma.raw(`to_char(("${column}" + interval '${JST_OFFSET_HOURS} hours'), 'YYYY-MM-DD')`);
}
