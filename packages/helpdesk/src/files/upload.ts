import { Readable } from "node:stream";
import { pipeline } from "node:stream";
import { z } from "zod";
import type { Db, AttachmentKind } from "@sunuwai/db";
import { enqueue } from "@sunuwai/jobs";
import { AppError } from "@sunuwai/validators/errors";
import { assertHelpdeskStaff, chatbotEventActor, staffEventActor } from "../access/actor";
import type { ChatbotActor, EventActor, StaffActor } from "../access/actor";
import { canSeeGrievance } from "../access/visibility";
import { EVENT_SUBJECT_SELECT, recordGrievanceEvent } from "../events";
import type { EventSubject } from "../events";
import { UploadInspector } from "./inspect";
import { isUploadFileType, UPLOAD_FILE_TYPES, UPLOAD_RULES } from "./limits";
import type { UploadFileType } from "./limits";
import { checkDeclaredName } from "./names";
import { newStorageKey } from "./storage";
import type { FileStorage } from "./storage";

/**
 * Who sent the file: a staff member's session (with role and jurisdiction, to check they may see the grievance)
 * or a chatbot's API token (which attaches files only to the grievances it filed).
 */
export type Uploader = ({ kind: "user" } & StaffActor) | ({ kind: "chatbot" } & ChatbotActor);

export interface UploadInput {
  /** A Node stream, or any async iterable of bytes (web ReadableStreams from fetch/Next.js are). */
  stream: Readable | AsyncIterable<Uint8Array>;
  /** The client's file name; kept (cleaned) as data only. */
  declaredName: string;
  /** `image` | `document` | `voice` as the client declared it; must match the content. */
  fileType: string;
  grievanceId: string;
  uploader: Uploader;
}

export interface AcceptedUpload {
  id: string;
  grievanceId: string;
  fileType: UploadFileType;
  kind: AttachmentKind;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  originalName: string;
}

function toNodeStream(stream: Readable | AsyncIterable<Uint8Array>): Readable {
  return stream instanceof Readable ? stream : Readable.from(stream, { objectMode: false });
}

function checkFileType(fileType: string): UploadFileType {
  if (isUploadFileType(fileType)) return fileType;
  throw new AppError("VALIDATION", `file_type must be one of ${UPLOAD_FILE_TYPES.join(", ")}.`);
}

function eventActorOf(uploader: Uploader): EventActor {
  return uploader.kind === "user" ? staffEventActor(uploader) : chatbotEventActor(uploader);
}

/** Staff who can see the grievance, or the chatbot token that filed it; anyone else learns nothing about it. */
function mayAttachTo(uploader: Uploader, grievance: EventSubject): boolean {
  if (uploader.kind === "chatbot") return grievance.sourceApiTokenId === uploader.apiTokenId;
  assertHelpdeskStaff(uploader);
  return canSeeGrievance(uploader, grievance);
}

/**
 * Refuses a file_type outside the rules or a grievance the uploader may not attach files to, before any byte of
 * the file is read (also used to refuse an UploadThing upload before the browser sends it).
 */
export async function checkUploadTarget(
  db: Db,
  target: { fileType: string; grievanceId: string; uploader: Uploader },
): Promise<UploadFileType> {
  const fileType = checkFileType(target.fileType);
  const grievance = z.uuid().safeParse(target.grievanceId).success
    ? await db.grievance.findUnique({
        where: { id: target.grievanceId },
        select: EVENT_SUBJECT_SELECT,
      })
    : null;
  if (!grievance || !mayAttachTo(target.uploader, grievance))
    throw new AppError("NOT_FOUND", "No grievance has that id.");
  return fileType;
}

/** Checks the request before a byte is read: type, name, and a grievance the uploader may attach files to. */
async function checkRequest(
  db: Db,
  input: UploadInput,
): Promise<{ fileType: UploadFileType; originalName: string }> {
  const fileType = checkFileType(input.fileType);
  const originalName = checkDeclaredName(input.declaredName, fileType);
  await checkUploadTarget(db, input);
  return { fileType, originalName };
}

/**
 * Stores one uploaded file after checking it while it streams: the declared name, the size limit of its
 * `file_type` (reading stops past it), and the type from its magic bytes. Only when every check passed does
 * the file appear in storage, and then its Attachment row, a FILE_ADDED event and the `file.process` job
 * commit together. A refused upload leaves nothing in storage or in the database.
 */
export async function acceptUpload(
  db: Db,
  input: UploadInput,
  storage: FileStorage,
): Promise<AcceptedUpload> {
  const source = toNodeStream(input.stream);
  let checked: { fileType: UploadFileType; originalName: string };
  try {
    checked = await checkRequest(db, input);
  } catch (error) {
    source.destroy();
    throw error;
  }
  const { fileType, originalName } = checked;
  const inspector = new UploadInspector(fileType);
  // Errors reach `storage.put` through the inspector; this callback only keeps pipeline from re-throwing.
  const inspected = pipeline(source, inspector, () => undefined);
  const storageKey = newStorageKey();
  await storage.put(storageKey, inspected, () => inspector.result().mimeType);
  const facts = inspector.result();
  const kind = UPLOAD_RULES[fileType].kind;
  try {
    const id = await db.$transaction(async (tx) => {
      const grievance = await tx.grievance.findUnique({
        where: { id: input.grievanceId },
        select: EVENT_SUBJECT_SELECT,
      });
      if (!grievance) throw new AppError("NOT_FOUND", "No grievance has that id.");
      const attachment = await tx.attachment.create({
        data: {
          kind,
          storageKey,
          originalName,
          mimeType: facts.mimeType,
          sizeBytes: facts.sizeBytes,
          sha256: facts.sha256,
          grievanceId: input.grievanceId,
          uploadedByUserId: input.uploader.kind === "user" ? input.uploader.userId : null,
          uploadedByApiTokenId:
            input.uploader.kind === "chatbot" ? input.uploader.apiTokenId : null,
        },
        select: { id: true },
      });
      await recordGrievanceEvent(tx, grievance, {
        type: "FILE_ADDED",
        actor: eventActorOf(input.uploader),
        payload: {
          attachmentId: attachment.id,
          kind,
          mimeType: facts.mimeType,
          sizeBytes: facts.sizeBytes,
        },
      });
      await enqueue(
        tx,
        "file.process",
        { attachmentId: attachment.id },
        { jobKey: `file.process:${attachment.id}` },
      );
      return attachment.id;
    });
    return { id, grievanceId: input.grievanceId, fileType, kind, originalName, ...facts };
  } catch (error) {
    await storage.delete(storageKey);
    throw error;
  }
}
