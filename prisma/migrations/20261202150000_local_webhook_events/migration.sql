-- The local checkout's events, kept and redelivered until the shop answers 2xx, with every attempt.
CREATE TABLE "local_webhook_events" (
    "id" VARCHAR(80) NOT NULL,
    "sessionId" VARCHAR(80) NOT NULL,
    "type" VARCHAR(60) NOT NULL,
    "endpoint" VARCHAR(2048) NOT NULL,
    "payload" JSONB NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "gaveUpAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "local_webhook_events_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "local_webhook_attempts" (
    "id" TEXT NOT NULL,
    "eventId" VARCHAR(80) NOT NULL,
    "attemptedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" INTEGER,
    "durationMs" INTEGER NOT NULL,
    "error" VARCHAR(300),

    CONSTRAINT "local_webhook_attempts_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "local_webhook_events_sessionId_createdAt_idx" ON "local_webhook_events"("sessionId", "createdAt");
CREATE INDEX "local_webhook_attempts_eventId_attemptedAt_idx" ON "local_webhook_attempts"("eventId", "attemptedAt");

ALTER TABLE "local_webhook_events" ADD CONSTRAINT "local_webhook_events_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "local_checkout_sessions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "local_webhook_attempts" ADD CONSTRAINT "local_webhook_attempts_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "local_webhook_events"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
