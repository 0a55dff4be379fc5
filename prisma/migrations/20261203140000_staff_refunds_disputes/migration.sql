-- Staff refunds (full or partial) of delivered orders, the refunds made in the Stripe dashboard, and
-- disputes of a payment, each recorded as its own row: a refunded eSIM is revoked for good.
-- AlterEnum
ALTER TYPE "EsimState" ADD VALUE 'REVOKED';

-- AlterEnum
ALTER TYPE "OrderStatus" ADD VALUE 'PARTIALLY_REFUNDED';

-- AlterTable
ALTER TABLE "local_checkout_sessions" ADD COLUMN     "cardDisputeReason" VARCHAR(40);

-- CreateTable
CREATE TABLE "order_refunds" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "source" VARCHAR(10) NOT NULL,
    "idempotencyKey" VARCHAR(255) NOT NULL,
    "refundId" VARCHAR(255),
    "amount" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "status" VARCHAR(20) NOT NULL,
    "reason" VARCHAR(40) NOT NULL,
    "note" VARCHAR(1000),
    "actorId" VARCHAR(100),
    "actorRole" VARCHAR(20),
    "notifyCustomer" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "order_refunds_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "disputes" (
    "id" VARCHAR(255) NOT NULL,
    "orderId" TEXT NOT NULL,
    "paymentIntentId" VARCHAR(255) NOT NULL,
    "chargeId" VARCHAR(255),
    "amount" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "reason" VARCHAR(40) NOT NULL,
    "status" VARCHAR(30) NOT NULL,
    "evidenceDueBy" TIMESTAMP(3),
    "evidenceText" VARCHAR(20000),
    "evidenceSubmittedAt" TIMESTAMP(3),
    "evidenceActorId" VARCHAR(100),
    "closedAt" TIMESTAMP(3),
    "gatewayUpdatedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "disputes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "local_disputes" (
    "id" VARCHAR(80) NOT NULL,
    "sessionId" VARCHAR(80) NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "reason" VARCHAR(40) NOT NULL,
    "status" VARCHAR(30) NOT NULL,
    "evidenceDueBy" TIMESTAMP(3) NOT NULL,
    "evidence" VARCHAR(20000),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "local_disputes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "order_refunds_idempotencyKey_key" ON "order_refunds"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "order_refunds_refundId_key" ON "order_refunds"("refundId");

-- CreateIndex
CREATE INDEX "order_refunds_orderId_createdAt_idx" ON "order_refunds"("orderId", "createdAt");

-- CreateIndex
CREATE INDEX "disputes_orderId_idx" ON "disputes"("orderId");

-- CreateIndex
CREATE INDEX "disputes_status_evidenceDueBy_idx" ON "disputes"("status", "evidenceDueBy");

-- CreateIndex
CREATE INDEX "local_disputes_sessionId_idx" ON "local_disputes"("sessionId");

-- CreateIndex
CREATE INDEX "orders_paymentIntentId_idx" ON "orders"("paymentIntentId");

-- AddForeignKey
ALTER TABLE "order_refunds" ADD CONSTRAINT "order_refunds_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "local_disputes" ADD CONSTRAINT "local_disputes_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "local_checkout_sessions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

