-- AlterTable
ALTER TABLE "local_checkout_sessions" ADD COLUMN     "amountRefunded" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "refundId" VARCHAR(80),
ADD COLUMN     "refundedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "orders" ADD COLUMN     "paymentIntentId" VARCHAR(255),
ADD COLUMN     "refundDueAt" TIMESTAMP(3),
ADD COLUMN     "refundId" VARCHAR(255),
ADD COLUMN     "refundedAt" TIMESTAMP(3);

-- CreateIndex
CREATE UNIQUE INDEX "local_checkout_sessions_paymentIntentId_key" ON "local_checkout_sessions"("paymentIntentId");

-- CreateIndex
CREATE INDEX "orders_status_refundDueAt_idx" ON "orders"("status", "refundDueAt");

