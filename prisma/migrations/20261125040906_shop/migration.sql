-- CreateEnum
CREATE TYPE "PromotionKind" AS ENUM ('SALE', 'CODE', 'BUY_ONE_GET_ONE');

-- CreateEnum
CREATE TYPE "OrderKind" AS ENUM ('ESIM', 'TOPUP');

-- CreateEnum
CREATE TYPE "OrderStatus" AS ENUM ('PENDING', 'PAID', 'FULFILLED', 'FAILED', 'EXPIRED', 'REFUNDED');

-- CreateEnum
CREATE TYPE "EsimState" AS ENUM ('RELEASED', 'DOWNLOADED', 'INSTALLED', 'ENABLED', 'DISABLED', 'DELETED');

-- CreateEnum
CREATE TYPE "LocalCheckoutStatus" AS ENUM ('OPEN', 'COMPLETE', 'EXPIRED');

-- CreateTable
CREATE TABLE "promotions" (
    "id" TEXT NOT NULL,
    "slug" VARCHAR(80) NOT NULL,
    "kind" "PromotionKind" NOT NULL,
    "code" VARCHAR(40),
    "percentOff" INTEGER,
    "amountOff" INTEGER,
    "currency" CHAR(3),
    "planId" TEXT,
    "carrierCode" "CarrierCode",
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "maxRedemptions" INTEGER,
    "redemptionCount" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "promotions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "promotion_redemptions" (
    "id" TEXT NOT NULL,
    "promotionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "promotion_redemptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "orders" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "OrderKind" NOT NULL DEFAULT 'ESIM',
    "status" "OrderStatus" NOT NULL DEFAULT 'PENDING',
    "planId" TEXT,
    "quantity" INTEGER NOT NULL DEFAULT 1,
    "unitAmount" INTEGER NOT NULL,
    "subtotalAmount" INTEGER NOT NULL,
    "discountAmount" INTEGER NOT NULL DEFAULT 0,
    "totalAmount" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "promotionId" TEXT,
    "discounts" JSONB NOT NULL DEFAULT '[]',
    "paymentProvider" VARCHAR(10) NOT NULL,
    "paymentSessionId" VARCHAR(255),
    "paymentStatus" VARCHAR(30),
    "failureReason" VARCHAR(200),
    "paidAt" TIMESTAMP(3),
    "fulfilledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "orders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "esim_profiles" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "carrierCode" "CarrierCode" NOT NULL,
    "iccid" VARCHAR(20) NOT NULL,
    "matchingId" VARCHAR(40) NOT NULL,
    "smdpAddress" VARCHAR(100) NOT NULL,
    "activationCode" VARCHAR(200) NOT NULL,
    "state" "EsimState" NOT NULL DEFAULT 'RELEASED',
    "validFrom" TIMESTAMP(3),
    "validUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "esim_profiles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "processed_webhook_events" (
    "id" VARCHAR(255) NOT NULL,
    "type" VARCHAR(100) NOT NULL,
    "processedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_webhook_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "local_checkout_sessions" (
    "id" VARCHAR(80) NOT NULL,
    "orderId" TEXT NOT NULL,
    "status" "LocalCheckoutStatus" NOT NULL DEFAULT 'OPEN',
    "paymentStatus" VARCHAR(30) NOT NULL DEFAULT 'unpaid',
    "amountTotal" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "customerEmail" VARCHAR(254) NOT NULL,
    "lineItems" JSONB NOT NULL,
    "successUrl" VARCHAR(2048) NOT NULL,
    "cancelUrl" VARCHAR(2048) NOT NULL,
    "pendingChallenge" VARCHAR(4),
    "lastDeclineCode" VARCHAR(60),
    "paymentIntentId" VARCHAR(80),
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "local_checkout_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "promotions_slug_key" ON "promotions"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "promotions_code_key" ON "promotions"("code");

-- CreateIndex
CREATE INDEX "promotions_kind_active_startsAt_endsAt_idx" ON "promotions"("kind", "active", "startsAt", "endsAt");

-- CreateIndex
CREATE UNIQUE INDEX "promotion_redemptions_orderId_key" ON "promotion_redemptions"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "promotion_redemptions_promotionId_userId_key" ON "promotion_redemptions"("promotionId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "orders_paymentSessionId_key" ON "orders"("paymentSessionId");

-- CreateIndex
CREATE INDEX "orders_userId_createdAt_idx" ON "orders"("userId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "esim_profiles_iccid_key" ON "esim_profiles"("iccid");

-- CreateIndex
CREATE UNIQUE INDEX "esim_profiles_matchingId_key" ON "esim_profiles"("matchingId");

-- CreateIndex
CREATE INDEX "esim_profiles_userId_createdAt_idx" ON "esim_profiles"("userId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "esim_profiles_orderId_sequence_key" ON "esim_profiles"("orderId", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "local_checkout_sessions_orderId_key" ON "local_checkout_sessions"("orderId");

-- CreateIndex
CREATE INDEX "local_checkout_sessions_status_expiresAt_idx" ON "local_checkout_sessions"("status", "expiresAt");

-- AddForeignKey
ALTER TABLE "promotions" ADD CONSTRAINT "promotions_planId_fkey" FOREIGN KEY ("planId") REFERENCES "plans"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promotion_redemptions" ADD CONSTRAINT "promotion_redemptions_promotionId_fkey" FOREIGN KEY ("promotionId") REFERENCES "promotions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promotion_redemptions" ADD CONSTRAINT "promotion_redemptions_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promotion_redemptions" ADD CONSTRAINT "promotion_redemptions_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "orders" ADD CONSTRAINT "orders_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "orders" ADD CONSTRAINT "orders_planId_fkey" FOREIGN KEY ("planId") REFERENCES "plans"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "orders" ADD CONSTRAINT "orders_promotionId_fkey" FOREIGN KEY ("promotionId") REFERENCES "promotions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "esim_profiles" ADD CONSTRAINT "esim_profiles_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "esim_profiles" ADD CONSTRAINT "esim_profiles_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "esim_profiles" ADD CONSTRAINT "esim_profiles_planId_fkey" FOREIGN KEY ("planId") REFERENCES "plans"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "local_checkout_sessions" ADD CONSTRAINT "local_checkout_sessions_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
