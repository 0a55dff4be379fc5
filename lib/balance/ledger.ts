import "server-only";
import type { LedgerKind, PackageKind, Prisma } from "@prisma/client";
import { db } from "../db/client";
import type { PackageBalance } from "./rules";

type Db = Prisma.TransactionClient | typeof db;

type Credit = {
  esimId: string;
  orderId: string;
  kind: PackageKind;
  topUpPackId?: string;
  dataBytes: bigint | null;
  voiceSeconds: number;
  days: number;
  occurredAt: Date;
  reason: string;
};

export type LedgerLine = {
  packageId: string;
  kind: LedgerKind;
  // Positive for credits, negative for usage and expiry.
  dataBytes: bigint;
  voiceSeconds: number;
  reason: string;
  source: string;
  occurredAt: Date;
};

const bytesOf = (lines: LedgerLine[]) => lines.reduce((sum, line) => sum + line.dataBytes, 0n);
const secondsOf = (lines: LedgerLine[]) => lines.reduce((sum, line) => sum + line.voiceSeconds, 0);

// The only way entries reach the ledger: appended together with the eSIM's running sums, in
// the caller's transaction, so the sums can never drift from the entries.
export async function appendLedger(tx: Prisma.TransactionClient, esimId: string, lines: LedgerLine[], addedDays = 0) {
  if (lines.length === 0 && addedDays === 0) return;
  await tx.ledgerEntry.createMany({ data: lines.map((line) => ({ ...line, esimId })) });
  const credits = lines.filter((line) => line.kind === "CREDIT");
  const debits = lines.filter((line) => line.kind !== "CREDIT");
  await tx.esimProfile.update({
    where: { id: esimId },
    data: {
      ledgerCreditedBytes: { increment: bytesOf(credits) },
      ledgerDebitedBytes: { increment: -bytesOf(debits) },
      ledgerCreditedVoiceSeconds: { increment: secondsOf(credits) },
      ledgerDebitedVoiceSeconds: { increment: -secondsOf(debits) },
      packageDays: { increment: addedDays },
    },
  });
}

// A package and the ledger entry that credits it, inside the caller's transaction.
export async function creditPackage(tx: Prisma.TransactionClient, credit: Credit) {
  const pkg = await tx.dataPackage.create({
    data: {
      esimId: credit.esimId,
      orderId: credit.orderId,
      kind: credit.kind,
      topUpPackId: credit.topUpPackId,
      dataBytes: credit.dataBytes,
      voiceSeconds: credit.voiceSeconds,
      days: credit.days,
    },
  });
  await appendLedger(
    tx,
    credit.esimId,
    [
      {
        packageId: pkg.id,
        kind: "CREDIT",
        dataBytes: credit.dataBytes ?? 0n,
        voiceSeconds: credit.voiceSeconds,
        reason: credit.reason,
        source: credit.orderId,
        occurredAt: credit.occurredAt,
      },
    ],
    credit.days,
  );
  return pkg;
}

// Each package's credits and what has been used of it, summed from the ledger.
export async function packageBalances(
  client: Db,
  esimId: string,
): Promise<(PackageBalance & { days: number; kind: PackageKind })[]> {
  // One after the other: inside a transaction both queries share one connection.
  const packages = await client.dataPackage.findMany({ where: { esimId }, orderBy: { createdAt: "asc" } });
  const sums = await client.ledgerEntry.groupBy({
    by: ["packageId", "kind"],
    where: { esimId },
    _sum: { dataBytes: true, voiceSeconds: true },
  });
  // Grouped once: an eSIM topped up for months has a thousand packages and twice as many sums.
  const sumsByPackage = new Map<string, typeof sums>();
  for (const row of sums) {
    const rows = sumsByPackage.get(row.packageId);
    if (rows) rows.push(row);
    else sumsByPackage.set(row.packageId, [row]);
  }
  return packages.map((pkg) => {
    const rows = sumsByPackage.get(pkg.id) ?? [];
    const credited = rows.filter((row) => row.kind === "CREDIT");
    const spent = rows.filter((row) => row.kind !== "CREDIT");
    const total = (list: typeof rows, field: "dataBytes" | "voiceSeconds") =>
      list.reduce((sum, row) => sum + BigInt(row._sum[field] ?? 0), 0n);
    return {
      id: pkg.id,
      kind: pkg.kind,
      days: pkg.days,
      createdAt: pkg.createdAt,
      creditedBytes: pkg.dataBytes === null ? null : total(credited, "dataBytes"),
      usedBytes: -total(spent, "dataBytes"),
      creditedVoiceSeconds: Number(total(credited, "voiceSeconds")),
      usedVoiceSeconds: -Number(total(spent, "voiceSeconds")),
    };
  });
}
