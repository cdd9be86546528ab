import { handleLimitsRequest } from "~/server/files/limits";

export const dynamic = "force-dynamic";

/** What each file_type accepts, so a chatbot can tell the citizen before uploading. */
export function GET(request: Request): Response {
  return handleLimitsRequest(request);
}
