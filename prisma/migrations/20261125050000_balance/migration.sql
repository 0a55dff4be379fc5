-- CreateEnum
CREATE TYPE "PackageKind" AS ENUM ('PLAN', 'TOP_UP');

-- CreateEnum
CREATE TYPE "LedgerKind" AS ENUM ('CREDIT', 'USAGE', 'EXPIRY');

-- CreateEnum
CREATE TYPE "AlertKind" AS ENUM ('DATA_75', 'DATA_90', 'DATA_EXHAUSTED', 'THROTTLED', 'EXPIRES_3_DAYS', 'EXPIRES_1_DAY');

-- AlterTable
ALTER TABLE "esim_profiles" ADD COLUMN     "clockOffsetMinutes" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "orders" ADD COLUMN     "esimId" TEXT,
ADD COLUMN     "topUpPackId" TEXT;

-- CreateTable
CREATE TABLE "data_packages" (
    "id" TEXT NOT NULL,
    "esimId" TEXT NOT NULL,
    "kind" "PackageKind" NOT NULL,
    "orderId" TEXT NOT NULL,
    "topUpPackId" TEXT,
    "dataBytes" BIGINT,
    "voiceSeconds" INTEGER NOT NULL DEFAULT 0,
    "days" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "data_packages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ledger_entries" (
    "id" TEXT NOT NULL,
    "esimId" TEXT NOT NULL,
    "packageId" TEXT NOT NULL,
    "kind" "LedgerKind" NOT NULL,
    "dataBytes" BIGINT NOT NULL DEFAULT 0,
    "voiceSeconds" INTEGER NOT NULL DEFAULT 0,
    "reason" VARCHAR(100) NOT NULL,
    "source" VARCHAR(100) NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ledger_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "usage_records" (
    "id" TEXT NOT NULL,
    "esimId" TEXT NOT NULL,
    "recordId" VARCHAR(100) NOT NULL,
    "dataBytes" BIGINT NOT NULL DEFAULT 0,
    "voiceSeconds" INTEGER NOT NULL DEFAULT 0,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "source" VARCHAR(40) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "usage_records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "balance_alerts" (
    "id" TEXT NOT NULL,
    "esimId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "packageId" TEXT NOT NULL,
    "kind" "AlertKind" NOT NULL,
    "period" VARCHAR(10) NOT NULL DEFAULT '',
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "balance_alerts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" VARCHAR(60) NOT NULL,
    "tokenHash" CHAR(64) NOT NULL,
    "prefix" VARCHAR(16) NOT NULL,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "data_packages_esimId_createdAt_idx" ON "data_packages"("esimId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "data_packages_orderId_esimId_key" ON "data_packages"("orderId", "esimId");

-- CreateIndex
CREATE INDEX "ledger_entries_esimId_occurredAt_idx" ON "ledger_entries"("esimId", "occurredAt");

-- CreateIndex
CREATE INDEX "ledger_entries_packageId_idx" ON "ledger_entries"("packageId");

-- CreateIndex
CREATE INDEX "usage_records_esimId_occurredAt_idx" ON "usage_records"("esimId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "usage_records_esimId_recordId_key" ON "usage_records"("esimId", "recordId");

-- CreateIndex
CREATE INDEX "balance_alerts_userId_createdAt_idx" ON "balance_alerts"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "balance_alerts_packageId_kind_period_key" ON "balance_alerts"("packageId", "kind", "period");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_tokenHash_key" ON "api_tokens"("tokenHash");

-- CreateIndex
CREATE INDEX "api_tokens_userId_createdAt_idx" ON "api_tokens"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "orders" ADD CONSTRAINT "orders_esimId_fkey" FOREIGN KEY ("esimId") REFERENCES "esim_profiles"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "orders" ADD CONSTRAINT "orders_topUpPackId_fkey" FOREIGN KEY ("topUpPackId") REFERENCES "top_up_packs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "data_packages" ADD CONSTRAINT "data_packages_esimId_fkey" FOREIGN KEY ("esimId") REFERENCES "esim_profiles"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "data_packages" ADD CONSTRAINT "data_packages_topUpPackId_fkey" FOREIGN KEY ("topUpPackId") REFERENCES "top_up_packs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_esimId_fkey" FOREIGN KEY ("esimId") REFERENCES "esim_profiles"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_packageId_fkey" FOREIGN KEY ("packageId") REFERENCES "data_packages"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "usage_records" ADD CONSTRAINT "usage_records_esimId_fkey" FOREIGN KEY ("esimId") REFERENCES "esim_profiles"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "balance_alerts" ADD CONSTRAINT "balance_alerts_esimId_fkey" FOREIGN KEY ("esimId") REFERENCES "esim_profiles"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "balance_alerts" ADD CONSTRAINT "balance_alerts_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "balance_alerts" ADD CONSTRAINT "balance_alerts_packageId_fkey" FOREIGN KEY ("packageId") REFERENCES "data_packages"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

