-- Support may suspend an eSIM: usage is refused until it is resumed.
ALTER TABLE "esim_profiles" ADD COLUMN "suspendedAt" TIMESTAMP(3),
ADD COLUMN "suspendedById" VARCHAR(100),
ADD COLUMN "suspendedReason" VARCHAR(500);
