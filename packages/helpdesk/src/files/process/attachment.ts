import { Readable } from "node:stream";
import type { AttachmentKind, Db, Prisma } from "@sunuwai/db";
import { enqueue } from "@sunuwai/jobs";
import type { Attempt } from "../../ai/attempt";
import { describeFailure, isFinalAttempt } from "../../ai/attempt";
import type { Transcriber } from "../../ai/engine";
import { recordGrievanceEvent } from "../../events";
import { lockGrievance } from "../../services/load";
import { newStorageKey } from "../storage";
import type { FileStorage } from "../storage";
import { probeAudio } from "./audio";
import { reencodeImage } from "./image";
import { countPdfPages } from "./pdf";
import { FileRejectedError } from "./rejection";

export type ProcessOutcome = "processed" | "rejected" | "unchanged" | "missing";

interface StoredAttachment {
  id: string;
  kind: AttachmentKind;
  mimeType: string;
  originalName: string;
}

interface Derivative {
  bytes: Buffer;
  contentType: string;
}

interface Analysis {
  metadata: Prisma.InputJsonObject;
  processed?: Derivative;
  thumbnail?: Derivative;
  transcript?: string;
}

async function analyseImage(bytes: Buffer): Promise<Analysis> {
  const image = await reencodeImage(bytes);
  return {
    metadata: {
      width: image.width,
      height: image.height,
      originalWidth: image.originalWidth,
      originalHeight: image.originalHeight,
      format: image.format,
      metadataStripped: true,
    },
    processed: {
      bytes: image.image,
      contentType: image.format === "png" ? "image/png" : "image/jpeg",
    },
    thumbnail: { bytes: image.thumbnail, contentType: "image/jpeg" },
  };
}

/** Voice notes: duration always; a transcript when a transcriber is configured, else they wait for a person. */
async function analyseVoice(
  file: StoredAttachment,
  bytes: Buffer,
  transcriber: Transcriber | null,
  attempt: Attempt,
): Promise<Analysis> {
  const audio = await probeAudio(bytes, file.mimeType);
  const facts = { ...audio };
  if (!transcriber)
    return { metadata: { ...facts, transcription: "awaiting_manual_transcription" } };
  try {
    const transcript = await transcriber.transcribe(bytes, file.originalName, file.mimeType);
    return {
      metadata: { ...facts, transcription: "transcribed", transcribedBy: transcriber.id },
      transcript,
    };
  } catch (error) {
    if (!isFinalAttempt(attempt)) throw error;
    return {
      metadata: {
        ...facts,
        transcription: "awaiting_manual_transcription",
        transcriptionError: describeFailure(error),
        transcribedBy: transcriber.id,
      },
    };
  }
}

async function analyse(
  file: StoredAttachment,
  bytes: Buffer,
  transcriber: Transcriber | null,
  attempt: Attempt,
): Promise<Analysis> {
  switch (file.kind) {
    case "IMAGE":
      return analyseImage(bytes);
    case "DOCUMENT":
      return { metadata: { pages: await countPdfPages(bytes) } };
    case "VOICE":
      return analyseVoice(file, bytes, transcriber, attempt);
  }
}

async function store(
  storage: FileStorage,
  derivative: Derivative | undefined,
  written: string[],
): Promise<string | null> {
  if (!derivative) return null;
  const key = newStorageKey();
  await storage.put(key, Readable.from([derivative.bytes]), derivative.contentType);
  written.push(key);
  return key;
}

/** Marks the attachment PROCESSED or REJECTED with a FILE_PROCESSED event, unless another run already did. */
async function recordOutcome(
  db: Db,
  attachment: StoredAttachment & { grievanceId: string },
  outcome:
    | {
        status: "PROCESSED";
        analysis: Analysis;
        processedKey: string | null;
        thumbnailKey: string | null;
      }
    | { status: "REJECTED"; reason: string },
): Promise<ProcessOutcome> {
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<
      { status: string }[]
    >`SELECT status::text AS status FROM "Attachment" WHERE id = ${attachment.id}::uuid FOR UPDATE`;
    if (!row) return "missing";
    if (row.status !== "PENDING") return "unchanged";
    const grievance = await lockGrievance(tx, attachment.grievanceId);
    if (!grievance) return "missing";
    const processedAt = new Date();
    if (outcome.status === "REJECTED") {
      await tx.attachment.update({
        where: { id: attachment.id },
        data: { status: "REJECTED", rejectReason: outcome.reason, processedAt },
      });
    } else {
      await tx.attachment.update({
        where: { id: attachment.id },
        data: {
          status: "PROCESSED",
          processedKey: outcome.processedKey,
          thumbnailKey: outcome.thumbnailKey,
          metadata: outcome.analysis.metadata,
          transcript: outcome.analysis.transcript ?? null,
          processedAt,
        },
      });
    }
    const { transcription } = outcome.status === "PROCESSED" ? outcome.analysis.metadata : {};
    await recordGrievanceEvent(tx, grievance, {
      type: "FILE_PROCESSED",
      actor: { kind: "worker" },
      payload: {
        attachmentId: attachment.id,
        kind: attachment.kind,
        status: outcome.status,
        ...(outcome.status === "REJECTED" ? { reason: outcome.reason } : {}),
        ...(transcription ? { transcription } : {}),
      },
    });
    // What the citizen said in the voice note may change the category: classify again.
    if (outcome.status === "PROCESSED" && outcome.analysis.transcript) {
      await enqueue(
        tx,
        "grievance.classify",
        { grievanceId: attachment.grievanceId },
        { jobKey: `grievance.classify:${attachment.grievanceId}` },
      );
    }
    return outcome.status === "REJECTED" ? "rejected" : "processed";
  });
}

/**
 * `file.process`: images re-encoded without metadata (plus a thumbnail), audio probed and transcribed, PDF
 * pages counted. PENDING → PROCESSED, or REJECTED with the reason when the content is unusable. Idempotent: a
 * second run finds the attachment no longer PENDING, and derivatives of a run that lost the race are removed.
 */
export async function processAttachment(
  db: Db,
  storage: FileStorage,
  attachmentId: string,
  deps: { transcriber: Transcriber | null },
  attempt: Attempt,
): Promise<ProcessOutcome> {
  const attachment = await db.attachment.findUnique({
    where: { id: attachmentId },
    select: {
      id: true,
      kind: true,
      mimeType: true,
      originalName: true,
      status: true,
      storageKey: true,
      grievanceId: true,
    },
  });
  if (!attachment) return "missing";
  if (attachment.status !== "PENDING") return "unchanged";
  const bytes = Buffer.concat(await (await storage.get(attachment.storageKey)).toArray());
  let analysis: Analysis;
  try {
    analysis = await analyse(attachment, bytes, deps.transcriber, attempt);
  } catch (error) {
    if (error instanceof FileRejectedError)
      return recordOutcome(db, attachment, { status: "REJECTED", reason: error.message });
    throw error;
  }
  const written: string[] = [];
  try {
    const processedKey = await store(storage, analysis.processed, written);
    const thumbnailKey = await store(storage, analysis.thumbnail, written);
    const outcome = await recordOutcome(db, attachment, {
      status: "PROCESSED",
      analysis,
      processedKey,
      thumbnailKey,
    });
    if (outcome !== "processed") await Promise.all(written.map((key) => storage.delete(key)));
    return outcome;
  } catch (error) {
    await Promise.all(written.map((key) => storage.delete(key)));
    throw error;
  }
}
