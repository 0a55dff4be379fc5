-- The scenario simulator's SM-DP+ outages, per account and carrier.
CREATE TABLE "smdp_outages" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "carrierCode" "CarrierCode" NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endsAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "smdp_outages_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "smdp_outages_userId_carrierCode_endsAt_idx" ON "smdp_outages"("userId", "carrierCode", "endsAt");
