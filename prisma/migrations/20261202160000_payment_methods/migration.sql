-- Orders say how they were paid, hold a Konbini voucher while it waits, and follow their refund.
ALTER TABLE "orders"
  ADD COLUMN "refundStatus" VARCHAR(20),
  ADD COLUMN "refundActionUrl" VARCHAR(2048),
  ADD COLUMN "paymentMethod" VARCHAR(20),
  ADD COLUMN "paymentDetails" JSONB,
  ADD COLUMN "konbiniVoucher" JSONB;

-- Every order refunded so far was refunded at once.
UPDATE "orders" SET "refundStatus" = 'succeeded' WHERE "status" = 'REFUNDED';
UPDATE "orders" SET "refundStatus" = 'failed' WHERE "refundFailedAt" IS NOT NULL;
-- Every payment so far was by card.
UPDATE "orders" SET "paymentMethod" = 'card' WHERE "paidAt" IS NOT NULL;

ALTER TABLE "local_checkout_sessions"
  ADD COLUMN "paymentMethodTypes" VARCHAR(20)[] NOT NULL DEFAULT ARRAY['card']::VARCHAR(20)[],
  ADD COLUMN "lastFailedMethod" VARCHAR(20),
  ADD COLUMN "authorizationToken" VARCHAR(64),
  ADD COLUMN "authorizationMethod" VARCHAR(20),
  ADD COLUMN "paymentMethod" VARCHAR(20),
  ADD COLUMN "paymentDetails" JSONB,
  ADD COLUMN "cardRefundBehaviour" VARCHAR(30),
  ADD COLUMN "konbiniVoucher" JSONB;
ALTER TABLE "local_checkout_sessions" ALTER COLUMN "paymentMethodTypes" DROP DEFAULT;
UPDATE "local_checkout_sessions" SET "paymentMethod" = 'card' WHERE "paymentStatus" = 'paid';
CREATE UNIQUE INDEX "local_checkout_sessions_authorizationToken_key" ON "local_checkout_sessions"("authorizationToken");

CREATE TABLE "local_refunds" (
    "id" VARCHAR(80) NOT NULL,
    "sessionId" VARCHAR(80) NOT NULL,
    "idempotencyKey" VARCHAR(255) NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "status" VARCHAR(20) NOT NULL,
    "failureReason" VARCHAR(60),
    "bankDetailsTokenHash" VARCHAR(64),
    "bankAccountLast4" VARCHAR(4),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "local_refunds_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "local_refunds_idempotencyKey_key" ON "local_refunds"("idempotencyKey");
CREATE UNIQUE INDEX "local_refunds_bankDetailsTokenHash_key" ON "local_refunds"("bankDetailsTokenHash");
CREATE INDEX "local_refunds_sessionId_idx" ON "local_refunds"("sessionId");
ALTER TABLE "local_refunds" ADD CONSTRAINT "local_refunds_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "local_checkout_sessions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The refunds given so far move to their own table, under the key the shop asked with.
INSERT INTO "local_refunds" ("id", "sessionId", "idempotencyKey", "amount", "currency", "status", "createdAt", "updatedAt")
SELECT "refundId", "id", 'refund-order-' || "orderId", "amountRefunded", "currency", 'succeeded', "refundedAt", "refundedAt"
FROM "local_checkout_sessions" WHERE "refundId" IS NOT NULL;

ALTER TABLE "local_checkout_sessions" DROP COLUMN "refundId", DROP COLUMN "amountRefunded", DROP COLUMN "refundedAt";

-- A refund's updates find their order.
CREATE UNIQUE INDEX "orders_refundId_key" ON "orders"("refundId");
