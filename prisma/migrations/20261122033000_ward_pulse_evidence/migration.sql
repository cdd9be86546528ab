-- AlterTable
ALTER TABLE "WardPulseDaily" ADD COLUMN     "evidence" JSONB NOT NULL DEFAULT '{}';
