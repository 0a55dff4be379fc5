-- Each try to pay a local checkout session, and staff notes on orders.
CREATE TABLE "local_payment_attempts" (
    "id" TEXT NOT NULL,
    "sessionId" VARCHAR(80) NOT NULL,
    "method" VARCHAR(20) NOT NULL,
    "outcome" VARCHAR(20) NOT NULL,
    "declineCode" VARCHAR(60),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "local_payment_attempts_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "local_payment_attempts_sessionId_createdAt_idx" ON "local_payment_attempts"("sessionId", "createdAt");
ALTER TABLE "local_payment_attempts" ADD CONSTRAINT "local_payment_attempts_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "local_checkout_sessions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "order_notes" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" VARCHAR(2000) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "order_notes_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "order_notes_orderId_createdAt_idx" ON "order_notes"("orderId", "createdAt");
ALTER TABLE "order_notes" ADD CONSTRAINT "order_notes_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "order_notes" ADD CONSTRAINT "order_notes_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
