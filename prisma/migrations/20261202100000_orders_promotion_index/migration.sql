-- CreateIndex
CREATE INDEX "orders_promotionId_userId_status_idx" ON "orders"("promotionId", "userId", "status");
