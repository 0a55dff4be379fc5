ALTER TABLE "orders" ADD COLUMN "refundFailureReason" VARCHAR(300);
