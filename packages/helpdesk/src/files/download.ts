import type { Readable } from "node:stream";
import type { Db } from "@sunuwai/db";
import { AppError } from "@sunuwai/validators/errors";
import type { ChatbotActor, StaffActor } from "../access/actor";
import { assertHelpdeskStaff } from "../access/actor";
import { canSeeGrievance } from "../access/visibility";
import { EVENT_SUBJECT_SELECT } from "../events";
import type { FileStorage } from "./storage";

/** Who asks for a file: a staff session, or the chatbot token that uploaded it. */
export type FileViewer = { staff: StaffActor } | { chatbot: ChatbotActor };

export interface AttachmentDownload {
  stream: Readable;
  /** The type decided from the content (of the processed version, once there is one). */
  contentType: string;
  /** The client's cleaned name, for `Content-Disposition: attachment`. */
  fileName: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Opens a stored attachment for the download route. Staff need to see the grievance (another jurisdiction's
 * officer is FORBIDDEN); a chatbot only gets the files its own token uploaded. Images are served only in their
 * processed form (metadata stripped), so an image still waiting for processing is not served yet; a file refused
 * during processing is never served.
 */
export async function openAttachment(
  db: Db,
  storage: FileStorage,
  viewer: FileViewer,
  attachmentId: string,
  options: { thumbnail?: boolean } = {},
): Promise<AttachmentDownload> {
  const attachment = UUID.test(attachmentId)
    ? await db.attachment.findUnique({
        where: { id: attachmentId },
        select: {
          kind: true,
          status: true,
          rejectReason: true,
          storageKey: true,
          processedKey: true,
          thumbnailKey: true,
          mimeType: true,
          originalName: true,
          uploadedByApiTokenId: true,
          grievance: { select: EVENT_SUBJECT_SELECT },
        },
      })
    : null;
  if (!attachment) throw new AppError("NOT_FOUND", "File not found");
  if ("staff" in viewer) {
    assertHelpdeskStaff(viewer.staff);
    if (!canSeeGrievance(viewer.staff, attachment.grievance))
      throw new AppError("FORBIDDEN", "This file belongs to a grievance outside your jurisdiction");
  } else if (attachment.uploadedByApiTokenId !== viewer.chatbot.apiTokenId) {
    throw new AppError("FORBIDDEN", "A chatbot can only download the files it uploaded");
  }
  if (attachment.status === "REJECTED")
    throw new AppError(
      "CONFLICT",
      `This file was refused during processing: ${attachment.rejectReason ?? "no reason recorded"}`,
    );
  if (attachment.kind === "IMAGE" && attachment.status === "PENDING") {
    throw new AppError("CONFLICT", "This image is still being processed; try again in a moment");
  }
  const key = options.thumbnail
    ? attachment.thumbnailKey
    : (attachment.processedKey ?? attachment.storageKey);
  if (!key) throw new AppError("NOT_FOUND", "This file has no thumbnail");
  // Re-encoding keeps an image's format; thumbnails are always JPEG.
  const contentType = options.thumbnail ? "image/jpeg" : attachment.mimeType;
  return { stream: await storage.get(key), contentType, fileName: attachment.originalName };
}
