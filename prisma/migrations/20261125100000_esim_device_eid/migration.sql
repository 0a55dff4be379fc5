-- AlterTable
ALTER TABLE "esim_profiles" ADD COLUMN     "eid" CHAR(32);

