import { handleUploadRequest } from "~/server/files/upload";

export const dynamic = "force-dynamic";

/** The original Flask service's upload route: `{ status: "success", file_id, file_path, file_type }`. */
export function POST(request: Request): Promise<Response> {
  return handleUploadRequest(request);
}
