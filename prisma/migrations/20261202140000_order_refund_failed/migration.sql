-- A refund the payment gateway refused for good ends here instead of being retried forever.
ALTER TABLE "orders" ADD COLUMN "refundFailedAt" TIMESTAMP(3);
