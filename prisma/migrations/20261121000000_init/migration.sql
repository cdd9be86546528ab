-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'SUPERVISOR', 'OFFICER', 'ANALYST');

-- CreateEnum
CREATE TYPE "GrievanceStatus" AS ENUM ('SUBMITTED', 'UNDER_EVALUATION', 'ESCALATED', 'RESOLVED', 'DENIED', 'DISPUTED', 'CLOSED');

-- CreateEnum
CREATE TYPE "ClassificationStatus" AS ENUM ('PENDING', 'LLM_GENERATED', 'LLM_FAILED', 'FALLBACK_GENERATED', 'OFFICER_CONFIRMED', 'COMPLAINANT_CONFIRMED');

-- CreateEnum
CREATE TYPE "Priority" AS ENUM ('LOW', 'NORMAL', 'HIGH', 'URGENT');

-- CreateEnum
CREATE TYPE "GrievanceEventType" AS ENUM ('CREATED', 'MESSAGE_ADDED', 'FOLLOW_UP_ANSWERED', 'CLASSIFIED', 'CLASSIFICATION_FAILED', 'CLASSIFICATION_CONFIRMED', 'SUMMARIZED', 'TRANSLATED', 'ASSIGNED', 'STATUS_CHANGED', 'NOTE_ADDED', 'REPLY_SENT', 'PII_REVEALED', 'ESCALATED', 'FILE_ADDED', 'FILE_PROCESSED', 'NOTIFICATION_SENT', 'NOTIFICATION_FAILED', 'DISPUTED');

-- CreateEnum
CREATE TYPE "AttachmentKind" AS ENUM ('IMAGE', 'DOCUMENT', 'VOICE');

-- CreateEnum
CREATE TYPE "ProcessingStatus" AS ENUM ('PENDING', 'PROCESSED', 'REJECTED');

-- CreateEnum
CREATE TYPE "NotificationChannel" AS ENUM ('EMAIL', 'SMS', 'WHATSAPP');

-- CreateEnum
CREATE TYPE "NotificationStatus" AS ENUM ('QUEUED', 'SENT', 'FAILED', 'LOGGED');

-- CreateEnum
CREATE TYPE "IngestStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'PARTIAL', 'FAILED');

-- CreateEnum
CREATE TYPE "AlertKind" AS ENUM ('VOLUME_SPIKE', 'NEGATIVE_SURGE', 'NEW_TOPIC', 'KEYWORD');

-- CreateEnum
CREATE TYPE "Severity" AS ENUM ('LOW', 'MEDIUM', 'HIGH');

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "failedLoginCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMPTZ(3),
    "disabledAt" TIMESTAMPTZ(3),
    "lastLoginAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "scopes" TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMPTZ(3),
    "expiresAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "createdById" UUID,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Ward" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "number" INTEGER,
    "name" TEXT NOT NULL,
    "localName" TEXT,
    "localLang" TEXT,
    "municipality" TEXT NOT NULL,
    "district" TEXT NOT NULL,
    "province" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "aliases" TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Ward_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfficerWard" (
    "userId" UUID NOT NULL,
    "wardId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OfficerWard_pkey" PRIMARY KEY ("userId","wardId")
);

-- CreateTable
CREATE TABLE "WorkerHeartbeat" (
    "workerId" TEXT NOT NULL,
    "hostname" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "seenAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WorkerHeartbeat_pkey" PRIMARY KEY ("workerId")
);

-- CreateTable
CREATE TABLE "Complainant" (
    "id" UUID NOT NULL,
    "nameCipher" BYTEA NOT NULL,
    "phoneCipher" BYTEA,
    "emailCipher" BYTEA,
    "addressCipher" BYTEA,
    "keyId" TEXT NOT NULL,
    "phoneBlindIndex" TEXT,
    "emailBlindIndex" TEXT,
    "phoneLast3" TEXT,
    "municipality" TEXT,
    "preferredChannel" "NotificationChannel",
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "wardId" UUID,

    CONSTRAINT "Complainant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GrievanceSequence" (
    "year" INTEGER NOT NULL,
    "value" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "GrievanceSequence_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "Grievance" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "summary" TEXT,
    "summaryEn" TEXT,
    "translatedText" TEXT,
    "translatedLanguage" TEXT,
    "categories" TEXT[],
    "classificationStatus" "ClassificationStatus" NOT NULL DEFAULT 'PENDING',
    "classifiedBy" TEXT,
    "followUpQuestions" JSONB,
    "status" "GrievanceStatus" NOT NULL DEFAULT 'SUBMITTED',
    "priority" "Priority" NOT NULL DEFAULT 'NORMAL',
    "sensitive" BOOLEAN NOT NULL DEFAULT false,
    "escalationLevel" INTEGER NOT NULL DEFAULT 1,
    "slaDueAt" TIMESTAMPTZ(3),
    "resolvedAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "complainantId" UUID NOT NULL,
    "wardId" UUID,
    "assigneeId" UUID,
    "sourceApiTokenId" UUID,

    CONSTRAINT "Grievance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GrievanceEvent" (
    "id" BIGSERIAL NOT NULL,
    "type" "GrievanceEventType" NOT NULL,
    "public" BOOLEAN NOT NULL DEFAULT false,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "grievanceId" UUID NOT NULL,
    "actorId" UUID,
    "actorKind" TEXT NOT NULL,

    CONSTRAINT "GrievanceEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" UUID NOT NULL,
    "kind" "AttachmentKind" NOT NULL,
    "storageKey" TEXT NOT NULL,
    "processedKey" TEXT,
    "thumbnailKey" TEXT,
    "originalName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "status" "ProcessingStatus" NOT NULL DEFAULT 'PENDING',
    "rejectReason" TEXT,
    "transcript" TEXT,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMPTZ(3),
    "grievanceId" UUID NOT NULL,
    "uploadedByUserId" UUID,
    "uploadedByApiTokenId" UUID,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "channel" "NotificationChannel" NOT NULL,
    "template" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "status" "NotificationStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "providerId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "grievanceId" UUID NOT NULL,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IngestRun" (
    "id" UUID NOT NULL,
    "file" TEXT NOT NULL,
    "fileSha256" TEXT,
    "status" "IngestStatus" NOT NULL DEFAULT 'RUNNING',
    "linesTotal" INTEGER NOT NULL DEFAULT 0,
    "inserted" INTEGER NOT NULL DEFAULT 0,
    "duplicates" INTEGER NOT NULL DEFAULT 0,
    "nearDuplicates" INTEGER NOT NULL DEFAULT 0,
    "invalid" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB NOT NULL DEFAULT '[]',
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),
    "triggeredById" UUID,

    CONSTRAINT "IngestRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Epaper" (
    "id" UUID NOT NULL,
    "sha256" TEXT NOT NULL,
    "publicationName" TEXT NOT NULL,
    "publicationDate" DATE NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "url" TEXT,
    "city" TEXT,
    "party" TEXT,
    "language" TEXT,
    "wardHint" TEXT,
    "titleHash" TEXT NOT NULL,
    "duplicateOfId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ingestRunId" UUID,

    CONSTRAINT "Epaper_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Post" (
    "id" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "city" TEXT,
    "party" TEXT,
    "sentiment" DOUBLE PRECISION,
    "analysedBy" TEXT,
    "topics" TEXT[],
    "isDuplicate" BOOLEAN NOT NULL DEFAULT false,
    "publishedAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "wardId" UUID,
    "epaperId" UUID,

    CONSTRAINT "Post_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WardPulseDaily" (
    "wardId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "posts" INTEGER NOT NULL DEFAULT 0,
    "sentimentSum" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "negativePosts" INTEGER NOT NULL DEFAULT 0,
    "topics" JSONB NOT NULL DEFAULT '{}',
    "parties" JSONB NOT NULL DEFAULT '{}',
    "sources" JSONB NOT NULL DEFAULT '{}',
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WardPulseDaily_pkey" PRIMARY KEY ("wardId","day")
);

-- CreateTable
CREATE TABLE "PollingStation" (
    "id" UUID NOT NULL,
    "psId" TEXT NOT NULL,
    "acId" TEXT NOT NULL,
    "pcId" TEXT,
    "name" TEXT,
    "electors" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "wardId" UUID,

    CONSTRAINT "PollingStation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ElectionResult" (
    "id" UUID NOT NULL,
    "election" TEXT NOT NULL,
    "party" TEXT NOT NULL,
    "candidate" TEXT NOT NULL,
    "votes" INTEGER NOT NULL,
    "totalPolled" INTEGER NOT NULL,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "pollingStationId" UUID NOT NULL,
    "wardId" UUID,

    CONSTRAINT "ElectionResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WardProfile" (
    "wardId" UUID NOT NULL,
    "population" INTEGER,
    "households" INTEGER,
    "areaSqKm" DOUBLE PRECISION,
    "demographics" JSONB NOT NULL DEFAULT '{}',
    "features" JSONB NOT NULL DEFAULT '{}',
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WardProfile_pkey" PRIMARY KEY ("wardId")
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" UUID NOT NULL,
    "kind" "AlertKind" NOT NULL,
    "severity" "Severity" NOT NULL,
    "reason" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "evidencePostIds" UUID[],
    "details" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledgedAt" TIMESTAMPTZ(3),
    "wardId" UUID,
    "acknowledgedById" UUID,
    "savedAlertId" UUID,

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SavedAlert" (
    "id" UUID NOT NULL,
    "keywords" TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "wardId" UUID NOT NULL,
    "createdById" UUID NOT NULL,

    CONSTRAINT "SavedAlert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Prediction" (
    "id" UUID NOT NULL,
    "election" TEXT NOT NULL,
    "asOf" TIMESTAMPTZ(3) NOT NULL,
    "voteShares" JSONB NOT NULL,
    "interval" JSONB NOT NULL,
    "method" TEXT NOT NULL,
    "inputs" JSONB NOT NULL DEFAULT '{}',
    "scoredAt" TIMESTAMPTZ(3),
    "meanAbsError" DOUBLE PRECISION,
    "winnerCorrect" BOOLEAN,
    "actualShares" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "wardId" UUID NOT NULL,

    CONSTRAINT "Prediction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Ward_code_key" ON "Ward"("code");

-- CreateIndex
CREATE INDEX "Ward_municipality_idx" ON "Ward"("municipality");

-- CreateIndex
CREATE INDEX "OfficerWard_wardId_idx" ON "OfficerWard"("wardId");

-- CreateIndex
CREATE INDEX "Complainant_phoneBlindIndex_idx" ON "Complainant"("phoneBlindIndex");

-- CreateIndex
CREATE INDEX "Complainant_emailBlindIndex_idx" ON "Complainant"("emailBlindIndex");

-- CreateIndex
CREATE INDEX "Complainant_keyId_idx" ON "Complainant"("keyId");

-- CreateIndex
CREATE UNIQUE INDEX "Grievance_reference_key" ON "Grievance"("reference");

-- CreateIndex
CREATE INDEX "Grievance_status_createdAt_idx" ON "Grievance"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Grievance_wardId_status_idx" ON "Grievance"("wardId", "status");

-- CreateIndex
CREATE INDEX "Grievance_assigneeId_status_idx" ON "Grievance"("assigneeId", "status");

-- CreateIndex
CREATE INDEX "Grievance_slaDueAt_idx" ON "Grievance"("slaDueAt");

-- CreateIndex
CREATE INDEX "Grievance_complainantId_idx" ON "Grievance"("complainantId");

-- CreateIndex
CREATE UNIQUE INDEX "Grievance_year_sequence_key" ON "Grievance"("year", "sequence");

-- CreateIndex
CREATE INDEX "GrievanceEvent_grievanceId_id_idx" ON "GrievanceEvent"("grievanceId", "id");

-- CreateIndex
CREATE INDEX "GrievanceEvent_type_createdAt_idx" ON "GrievanceEvent"("type", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Attachment_storageKey_key" ON "Attachment"("storageKey");

-- CreateIndex
CREATE INDEX "Attachment_grievanceId_idx" ON "Attachment"("grievanceId");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_idempotencyKey_key" ON "Notification"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Notification_grievanceId_idx" ON "Notification"("grievanceId");

-- CreateIndex
CREATE INDEX "Notification_status_idx" ON "Notification"("status");

-- CreateIndex
CREATE INDEX "IngestRun_startedAt_idx" ON "IngestRun"("startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Epaper_sha256_key" ON "Epaper"("sha256");

-- CreateIndex
CREATE INDEX "Epaper_titleHash_idx" ON "Epaper"("titleHash");

-- CreateIndex
CREATE INDEX "Epaper_publicationDate_idx" ON "Epaper"("publicationDate");

-- CreateIndex
CREATE INDEX "Post_wardId_publishedAt_idx" ON "Post"("wardId", "publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "PollingStation_acId_psId_key" ON "PollingStation"("acId", "psId");

-- CreateIndex
CREATE INDEX "ElectionResult_wardId_election_idx" ON "ElectionResult"("wardId", "election");

-- CreateIndex
CREATE UNIQUE INDEX "ElectionResult_election_pollingStationId_candidate_key" ON "ElectionResult"("election", "pollingStationId", "candidate");

-- CreateIndex
CREATE UNIQUE INDEX "Alert_dedupeKey_key" ON "Alert"("dedupeKey");

-- CreateIndex
CREATE INDEX "Alert_wardId_createdAt_idx" ON "Alert"("wardId", "createdAt");

-- CreateIndex
CREATE INDEX "Prediction_wardId_asOf_idx" ON "Prediction"("wardId", "asOf");

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfficerWard" ADD CONSTRAINT "OfficerWard_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfficerWard" ADD CONSTRAINT "OfficerWard_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "Ward"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complainant" ADD CONSTRAINT "Complainant_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "Ward"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Grievance" ADD CONSTRAINT "Grievance_complainantId_fkey" FOREIGN KEY ("complainantId") REFERENCES "Complainant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Grievance" ADD CONSTRAINT "Grievance_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "Ward"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Grievance" ADD CONSTRAINT "Grievance_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Grievance" ADD CONSTRAINT "Grievance_sourceApiTokenId_fkey" FOREIGN KEY ("sourceApiTokenId") REFERENCES "ApiToken"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GrievanceEvent" ADD CONSTRAINT "GrievanceEvent_grievanceId_fkey" FOREIGN KEY ("grievanceId") REFERENCES "Grievance"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GrievanceEvent" ADD CONSTRAINT "GrievanceEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_grievanceId_fkey" FOREIGN KEY ("grievanceId") REFERENCES "Grievance"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_uploadedByApiTokenId_fkey" FOREIGN KEY ("uploadedByApiTokenId") REFERENCES "ApiToken"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_grievanceId_fkey" FOREIGN KEY ("grievanceId") REFERENCES "Grievance"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IngestRun" ADD CONSTRAINT "IngestRun_triggeredById_fkey" FOREIGN KEY ("triggeredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Epaper" ADD CONSTRAINT "Epaper_duplicateOfId_fkey" FOREIGN KEY ("duplicateOfId") REFERENCES "Epaper"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Epaper" ADD CONSTRAINT "Epaper_ingestRunId_fkey" FOREIGN KEY ("ingestRunId") REFERENCES "IngestRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Post" ADD CONSTRAINT "Post_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "Ward"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Post" ADD CONSTRAINT "Post_epaperId_fkey" FOREIGN KEY ("epaperId") REFERENCES "Epaper"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WardPulseDaily" ADD CONSTRAINT "WardPulseDaily_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "Ward"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PollingStation" ADD CONSTRAINT "PollingStation_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "Ward"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ElectionResult" ADD CONSTRAINT "ElectionResult_pollingStationId_fkey" FOREIGN KEY ("pollingStationId") REFERENCES "PollingStation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ElectionResult" ADD CONSTRAINT "ElectionResult_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "Ward"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WardProfile" ADD CONSTRAINT "WardProfile_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "Ward"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "Ward"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_acknowledgedById_fkey" FOREIGN KEY ("acknowledgedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_savedAlertId_fkey" FOREIGN KEY ("savedAlertId") REFERENCES "SavedAlert"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedAlert" ADD CONSTRAINT "SavedAlert_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "Ward"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedAlert" ADD CONSTRAINT "SavedAlert_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Prediction" ADD CONSTRAINT "Prediction_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "Ward"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ───────────────────────── Hand-written: what schema.prisma cannot express ─────────────────────────
-- Everything below is invisible to Prisma's diff (extensions, partial indexes while the `partialIndexes`
-- preview feature is off, CHECK constraints, triggers), so `pnpm db:migrate check` stays clean.

-- Trigram similarity for duplicate-grievance detection (a trusted extension: a database owner may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- At most one post per epaper; posts without an epaper are unlimited.
CREATE UNIQUE INDEX "Post_epaperId_key" ON "Post"("epaperId") WHERE "epaperId" IS NOT NULL;

-- The grievance timeline is an audit log: rows are only ever inserted.
CREATE FUNCTION "grievance_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '"GrievanceEvent" is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER "GrievanceEvent_append_only"
  BEFORE UPDATE OR DELETE OR TRUNCATE ON "GrievanceEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "grievance_event_append_only"();

-- User: e-mail is stored normalised (login looks it up that way); lockout counter cannot go negative.
ALTER TABLE "User"
  ADD CONSTRAINT "User_email_normalised_check" CHECK ("email" = lower(btrim("email")) AND "email" <> ''),
  ADD CONSTRAINT "User_failedLoginCount_check" CHECK ("failedLoginCount" >= 0);

-- ApiToken: only the sha256 (hex) of a token is ever stored.
ALTER TABLE "ApiToken"
  ADD CONSTRAINT "ApiToken_tokenHash_check" CHECK ("tokenHash" ~ '^[0-9a-f]{64}$');

ALTER TABLE "Ward"
  ADD CONSTRAINT "Ward_country_check" CHECK ("country" ~ '^[A-Z]{2}$');

-- Complainant: blind indexes are HMAC-SHA256 hex, never a plaintext phone or e-mail.
ALTER TABLE "Complainant"
  ADD CONSTRAINT "Complainant_phoneBlindIndex_check" CHECK ("phoneBlindIndex" ~ '^[0-9a-f]{64}$'),
  ADD CONSTRAINT "Complainant_emailBlindIndex_check" CHECK ("emailBlindIndex" ~ '^[0-9a-f]{64}$');

ALTER TABLE "GrievanceSequence"
  ADD CONSTRAINT "GrievanceSequence_value_check" CHECK ("value" >= 0);

-- Grievance: the reference is `GRV-<year>-<6-digit sequence>` and agrees with its year and sequence.
ALTER TABLE "Grievance"
  ADD CONSTRAINT "Grievance_reference_check" CHECK ("reference" ~ '^GRV-[0-9]{4}-[0-9]{6}$'),
  ADD CONSTRAINT "Grievance_sequence_check" CHECK ("sequence" > 0),
  ADD CONSTRAINT "Grievance_reference_matches_check"
    CHECK ("reference" = 'GRV-' || "year"::text || '-' || lpad("sequence"::text, 6, '0')),
  ADD CONSTRAINT "Grievance_language_check" CHECK ("language" IN ('ne', 'en')),
  ADD CONSTRAINT "Grievance_escalationLevel_check" CHECK ("escalationLevel" BETWEEN 1 AND 4);

ALTER TABLE "GrievanceEvent"
  ADD CONSTRAINT "GrievanceEvent_actorKind_check" CHECK ("actorKind" IN ('user', 'chatbot', 'system', 'worker'));

ALTER TABLE "Attachment"
  ADD CONSTRAINT "Attachment_sizeBytes_check" CHECK ("sizeBytes" >= 0),
  ADD CONSTRAINT "Attachment_sha256_check" CHECK ("sha256" ~ '^[0-9a-f]{64}$');

ALTER TABLE "Notification"
  ADD CONSTRAINT "Notification_attempts_check" CHECK ("attempts" >= 0);

ALTER TABLE "IngestRun"
  ADD CONSTRAINT "IngestRun_fileSha256_check" CHECK ("fileSha256" ~ '^[0-9a-f]{64}$'),
  ADD CONSTRAINT "IngestRun_counts_check"
    CHECK ("linesTotal" >= 0 AND "inserted" >= 0 AND "duplicates" >= 0 AND "nearDuplicates" >= 0 AND "invalid" >= 0);

ALTER TABLE "Epaper"
  ADD CONSTRAINT "Epaper_sha256_check" CHECK ("sha256" ~ '^[0-9a-f]{64}$'),
  ADD CONSTRAINT "Epaper_titleHash_check" CHECK ("titleHash" ~ '^[0-9a-f]{64}$'),
  ADD CONSTRAINT "Epaper_not_own_duplicate_check" CHECK ("duplicateOfId" <> "id");

ALTER TABLE "Post"
  ADD CONSTRAINT "Post_sentiment_check" CHECK ("sentiment" BETWEEN -1 AND 1);

ALTER TABLE "WardPulseDaily"
  ADD CONSTRAINT "WardPulseDaily_counts_check" CHECK ("posts" >= 0 AND "negativePosts" BETWEEN 0 AND "posts");

ALTER TABLE "PollingStation"
  ADD CONSTRAINT "PollingStation_electors_check" CHECK ("electors" >= 0);

ALTER TABLE "ElectionResult"
  ADD CONSTRAINT "ElectionResult_votes_check" CHECK ("votes" >= 0),
  ADD CONSTRAINT "ElectionResult_totalPolled_check" CHECK ("totalPolled" >= 0),
  ADD CONSTRAINT "ElectionResult_rejected_check" CHECK ("rejected" >= 0);

ALTER TABLE "WardProfile"
  ADD CONSTRAINT "WardProfile_counts_check" CHECK ("population" >= 0 AND "households" >= 0 AND "areaSqKm" > 0);

ALTER TABLE "Prediction"
  ADD CONSTRAINT "Prediction_meanAbsError_check" CHECK ("meanAbsError" >= 0);
