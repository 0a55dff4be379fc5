CREATE TABLE "job_worker_heartbeats" (
    "workerId" VARCHAR(100) NOT NULL,
    "beatAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "job_worker_heartbeats_pkey" PRIMARY KEY ("workerId")
);
