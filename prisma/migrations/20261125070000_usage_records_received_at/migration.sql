-- CreateIndex
CREATE INDEX "usage_records_esimId_receivedAt_idx" ON "usage_records"("esimId", "receivedAt");

