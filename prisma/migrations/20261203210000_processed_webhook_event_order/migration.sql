-- The order a handled payment event was about.
ALTER TABLE "processed_webhook_events" ADD COLUMN "orderId" TEXT;
CREATE INDEX "processed_webhook_events_orderId_idx" ON "processed_webhook_events"("orderId");
