-- AlterTable
ALTER TABLE "users" ADD COLUMN     "sessionsValidFrom" TIMESTAMP(3);

