-- The console's overview counts each Japan day's paid orders, refunds and first activations
-- over a range of time: each reads its rows by time instead of scanning the table.

-- CreateIndex
CREATE INDEX "orders_paidAt_idx" ON "orders"("paidAt");

-- CreateIndex
CREATE INDEX "order_refunds_createdAt_idx" ON "order_refunds"("createdAt");

-- CreateIndex
CREATE INDEX "esim_events_toState_createdAt_idx" ON "esim_events"("toState", "createdAt");
