-- CreateEnum
CREATE TYPE "CarrierCode" AS ENUM ('DOCOMO', 'KDDI_AU', 'SOFTBANK');

-- CreateEnum
CREATE TYPE "PlanKind" AS ENUM ('DATA_PACK', 'UNLIMITED');

-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "emailVerified" TIMESTAMP(3),
    "passwordHash" TEXT NOT NULL,
    "phone" VARCHAR(16),
    "locale" VARCHAR(5) NOT NULL DEFAULT 'en',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "carriers" (
    "code" "CarrierCode" NOT NULL,
    "name" VARCHAR(60) NOT NULL,
    "plmn" VARCHAR(6) NOT NULL,
    "networkName" VARCHAR(60) NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "carriers_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "plans" (
    "id" TEXT NOT NULL,
    "slug" VARCHAR(80) NOT NULL,
    "carrierCode" "CarrierCode" NOT NULL,
    "kind" "PlanKind" NOT NULL,
    "dataMb" INTEGER,
    "days" INTEGER NOT NULL,
    "voiceMinutes" INTEGER NOT NULL DEFAULT 0,
    "fairUseDailyMb" INTEGER,
    "throttledKbps" INTEGER,
    "priceAmount" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL DEFAULT 'JPY',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "availableFrom" TIMESTAMP(3),
    "availableUntil" TIMESTAMP(3),
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "plans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "top_up_packs" (
    "id" TEXT NOT NULL,
    "slug" VARCHAR(80) NOT NULL,
    "carrierCode" "CarrierCode" NOT NULL,
    "dataMb" INTEGER NOT NULL,
    "daysAdded" INTEGER NOT NULL,
    "priceAmount" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL DEFAULT 'JPY',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "top_up_packs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limits" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "plans_slug_key" ON "plans"("slug");

-- CreateIndex
CREATE INDEX "plans_carrierCode_kind_active_idx" ON "plans"("carrierCode", "kind", "active");

-- CreateIndex
CREATE UNIQUE INDEX "top_up_packs_slug_key" ON "top_up_packs"("slug");

-- CreateIndex
CREATE INDEX "top_up_packs_carrierCode_active_idx" ON "top_up_packs"("carrierCode", "active");

-- AddForeignKey
ALTER TABLE "plans" ADD CONSTRAINT "plans_carrierCode_fkey" FOREIGN KEY ("carrierCode") REFERENCES "carriers"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "top_up_packs" ADD CONSTRAINT "top_up_packs_carrierCode_fkey" FOREIGN KEY ("carrierCode") REFERENCES "carriers"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
