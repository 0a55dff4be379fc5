import { randomUUID } from "node:crypto";

// Every test gets its own account and client address, so tests never share rate-limit
// counters or collide on the unique email.
export function uniqueEmail(label = "traveller"): string {
  return `${label}-${randomUUID()}@example.test`;
}

export function uniqueIp(): string {
  const bytes = randomUUID().replaceAll("-", "").slice(0, 6);
  return `10.${parseInt(bytes.slice(0, 2), 16)}.${parseInt(bytes.slice(2, 4), 16)}.${parseInt(bytes.slice(4, 6), 16)}`;
}
