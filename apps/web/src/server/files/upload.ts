import { getDb } from "@sunuwai/db";
import { acceptUpload, getFileStorage } from "@sunuwai/helpdesk/files";
import type { AcceptedUpload } from "@sunuwai/helpdesk/files";
import { uploaderFromRequest } from "./callers";
import { withMultipartFile } from "./multipart";
import { filesErrorResponse, flatSuccess, requestIdOf } from "./responses";

/** Where a stored file is downloaded from (through the authorised route; never a path on disk). */
export function downloadPath(fileId: string): string {
  return `/api/v1/files/${fileId}`;
}

/** The Flask service's fields (file_id, file_path, file_type) plus what the checks found out. */
function uploadedBody(accepted: AcceptedUpload) {
  return {
    file_id: accepted.id,
    file_path: downloadPath(accepted.id),
    file_type: accepted.fileType,
    grievance_id: accepted.grievanceId,
    mime_type: accepted.mimeType,
    size_bytes: accepted.sizeBytes,
    sha256: accepted.sha256,
    original_name: accepted.originalName,
    processing_status: "PENDING",
  };
}

/**
 * `POST /api/files` and `POST /api/v1/upload`: who is calling is checked before the body is read, then the file
 * streams through the service's checks (size limit while streaming, type by magic bytes) into storage.
 */
export async function handleUploadRequest(request: Request): Promise<Response> {
  const requestId = requestIdOf(request);
  try {
    const db = getDb();
    const uploader = await uploaderFromRequest(db, request);
    const accepted = await withMultipartFile(request, ({ stream, filename, fields }) =>
      acceptUpload(
        db,
        {
          stream,
          declaredName: filename,
          fileType: fields.get("file_type") ?? "",
          grievanceId: fields.get("grievance_id") ?? "",
          uploader,
        },
        getFileStorage(),
      ),
    );
    return flatSuccess(uploadedBody(accepted), requestId, 201);
  } catch (error) {
    return filesErrorResponse(error, requestId);
  }
}
