import { z } from "./zod";
import { BRANDS, type Brand } from "../devices/catalog";

// Longer than any model name or model number with room to spare. The query_too_long message
// (Errors, in each language) names this number.
export const DEVICE_QUERY_MAX_LENGTH = 50;

export type DeviceQueryError = "query_too_long" | "query_invalid";

// Each failure's message is its key in the Errors namespace. A repeated parameter (?q=a&q=b)
// arrives as an array and is refused as malformed, like control characters.
const querySchema = z
  .string({ error: "query_invalid" })
  .trim()
  .max(DEVICE_QUERY_MAX_LENGTH, { error: "query_too_long" })
  .regex(/^\P{Cc}*$/u, { error: "query_invalid" })
  .optional();

// An unknown brand is dropped rather than refused, so a stale link still lists phones.
const brandSchema = z.enum(BRANDS).optional().catch(undefined);

export type DeviceSearchParams =
  { q?: string; brand?: Brand; error?: undefined } | { q?: undefined; brand?: Brand; error: DeviceQueryError };

export function parseDeviceSearch(params: Record<string, string | string[] | undefined>): DeviceSearchParams {
  const brand = brandSchema.parse(params.brand);
  const query = querySchema.safeParse(params.q);
  if (!query.success) return { brand, error: query.error.issues[0]?.message as DeviceQueryError };
  // An empty search box searches for nothing in particular.
  return { brand, q: query.data || undefined };
}
