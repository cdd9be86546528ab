import type { NextRequest } from "next/server";
import { uploadThingConfigFromEnv } from "@sunuwai/helpdesk/files";
import { createUploadThingHandlers } from "~/server/files/uploadthing";
import { filesErrorResponse, requestIdOf } from "~/server/files/responses";
import { AppError } from "@sunuwai/validators/errors";

export const dynamic = "force-dynamic";

const handlers = createUploadThingHandlers(uploadThingConfigFromEnv());

function notConfigured(request: Request): Response {
  return filesErrorResponse(
    new AppError(
      "NOT_FOUND",
      "UploadThing is not configured on this server (UPLOADTHING_TOKEN is unset); upload through POST /api/files.",
    ),
    requestIdOf(request),
  );
}

/** UploadThing's FileRouter for the dashboard, present only when UPLOADTHING_TOKEN is set. */
export function GET(request: NextRequest): Promise<Response> | Response {
  return handlers ? handlers.GET(request) : notConfigured(request);
}

export function POST(request: NextRequest): Promise<Response> | Response {
  return handlers ? handlers.POST(request) : notConfigured(request);
}
