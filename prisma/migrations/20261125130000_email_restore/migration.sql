-- AlterEnum
ALTER TYPE "TokenPurpose" ADD VALUE 'RESTORE_EMAIL';

-- AlterTable
ALTER TABLE "user_tokens" ADD COLUMN     "email" TEXT;

