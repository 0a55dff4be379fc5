// The pure rules behind an eSIM's balance; the database code feeds them ledger sums.
import type { AlertKind } from "@prisma/client";

export const GRACE_DAYS_AFTER_EXPIRY = 7;
export const MB = 1_048_576n;

export type PackageBalance = {
  id: string;
  createdAt: Date;
  // Null: unlimited.
  creditedBytes: bigint | null;
  usedBytes: bigint;
  creditedVoiceSeconds: number;
  usedVoiceSeconds: number;
};

// Data is drawn from packages in the order they were credited: the plan first, then each
// top-up in the order it was bought. Returns how much each package gives, and what is left over.
export function allocateDebit(packages: PackageBalance[], requestedBytes: bigint, field: "data" | "voice") {
  const ordered = [...packages].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const allocations: { packageId: string; amount: bigint }[] = [];
  let left = requestedBytes;
  for (const pkg of ordered) {
    if (left <= 0n) break;
    const available =
      field === "data"
        ? pkg.creditedBytes === null
          ? left
          : pkg.creditedBytes - pkg.usedBytes
        : BigInt(pkg.creditedVoiceSeconds - pkg.usedVoiceSeconds);
    const take = available < left ? available : left;
    if (take > 0n) {
      allocations.push({ packageId: pkg.id, amount: take });
      left -= take;
    }
  }
  return { allocations, unallocated: left };
}

// Once-per-package data alerts for a package that has just reached this fraction used.
export function dataAlertsFor(pkg: PackageBalance): AlertKind[] {
  if (pkg.creditedBytes === null || pkg.creditedBytes === 0n) return [];
  const usedPermille = (pkg.usedBytes * 1000n) / pkg.creditedBytes;
  const kinds: AlertKind[] = [];
  if (usedPermille >= 750n) kinds.push("DATA_75");
  if (usedPermille >= 900n) kinds.push("DATA_90");
  if (pkg.usedBytes >= pkg.creditedBytes) kinds.push("DATA_EXHAUSTED");
  return kinds;
}

export function expiryAlertsFor(validUntil: Date | null, now: Date): AlertKind[] {
  if (!validUntil || validUntil <= now) return [];
  const left = validUntil.getTime() - now.getTime();
  const day = 86_400_000;
  const kinds: AlertKind[] = [];
  if (left <= 3 * day) kinds.push("EXPIRES_3_DAYS");
  if (left <= day) kinds.push("EXPIRES_1_DAY");
  return kinds;
}

export type TopUpWindow = { open: true; closesAt: Date | null } | { open: false; reason: "deleted" | "grace_over" };

// Top-ups are sold while the plan runs and for a grace period after it ends (so a traveller
// who runs out on the last day can still extend), never for a deleted eSIM.
export function topUpWindow(esim: { state: string; validUntil: Date | null }, now: Date): TopUpWindow {
  if (esim.state === "DELETED") return { open: false, reason: "deleted" };
  if (!esim.validUntil) return { open: true, closesAt: null };
  const closesAt = new Date(esim.validUntil.getTime() + GRACE_DAYS_AFTER_EXPIRY * 86_400_000);
  return now < closesAt ? { open: true, closesAt } : { open: false, reason: "grace_over" };
}

export function daysLeft(validUntil: Date | null, now: Date): number | null {
  if (!validUntil) return null;
  return Math.max(0, Math.ceil((validUntil.getTime() - now.getTime()) / 86_400_000));
}
