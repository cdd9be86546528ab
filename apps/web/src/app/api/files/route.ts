import { handleUploadRequest } from "~/server/files/upload";

export const dynamic = "force-dynamic";

/** Multipart upload (`grievance_id`, `file_type`, then `file`) for staff sessions and chatbot tokens. */
export function POST(request: Request): Promise<Response> {
  return handleUploadRequest(request);
}
