import type { z } from "zod";

// A path segment or query value of a given shape, or undefined: pages answer 404 (or ignore the
// value) rather than explain a malformed address.
export function validOrUndefined<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
): z.output<Schema> | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
