-- AlterTable
ALTER TABLE "esim_profiles" ADD COLUMN     "ledgerCreditedBytes" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "ledgerCreditedVoiceSeconds" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "ledgerDebitedBytes" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "ledgerDebitedVoiceSeconds" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "packageDays" INTEGER NOT NULL DEFAULT 0;


-- Existing eSIMs start from the sums of the ledger they already have.
UPDATE "esim_profiles" AS e SET
  "ledgerCreditedBytes" = s.credited_bytes,
  "ledgerDebitedBytes" = s.debited_bytes,
  "ledgerCreditedVoiceSeconds" = s.credited_voice,
  "ledgerDebitedVoiceSeconds" = s.debited_voice
FROM (
  SELECT "esimId",
    COALESCE(SUM("dataBytes") FILTER (WHERE "kind" = 'CREDIT'), 0) AS credited_bytes,
    COALESCE(-SUM("dataBytes") FILTER (WHERE "kind" <> 'CREDIT'), 0) AS debited_bytes,
    COALESCE(SUM("voiceSeconds") FILTER (WHERE "kind" = 'CREDIT'), 0) AS credited_voice,
    COALESCE(-SUM("voiceSeconds") FILTER (WHERE "kind" <> 'CREDIT'), 0) AS debited_voice
  FROM "ledger_entries" GROUP BY "esimId"
) AS s
WHERE s."esimId" = e."id";

UPDATE "esim_profiles" AS e SET "packageDays" = s.days
FROM (SELECT "esimId", SUM("days") AS days FROM "data_packages" GROUP BY "esimId") AS s
WHERE s."esimId" = e."id";
