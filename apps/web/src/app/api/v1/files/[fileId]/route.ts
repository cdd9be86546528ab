import { handleDownloadRequest } from "~/server/files/download";

export const dynamic = "force-dynamic";

/** Authorised download of an attachment; `?variant=thumbnail` for an image's thumbnail. */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ fileId: string }> },
): Promise<Response> {
  return handleDownloadRequest(request, (await params).fileId);
}
