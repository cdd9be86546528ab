// Uploads go to POST /api/files with XMLHttpRequest: unlike fetch, it reports how many bytes have been sent, so
// the form can show real progress on a slow connection. When the server has UPLOADTHING_TOKEN, they go through
// UploadThing's FileRouter at /api/uploadthing instead (its client also reports progress).
import { genUploader } from "uploadthing/client";
import type { SunuwaiFileRouter } from "~/server/files/uploadthing";

export interface UploadedFile {
  fileId: string;
  originalName: string;
}

/** A refusal with the server's own words (which rule failed and what is allowed). */
export class UploadRefused extends Error {}

interface ErrorBody {
  status: "error";
  error?: { message?: string };
}
interface SuccessBody {
  status: "success";
  file_id: string;
  original_name: string;
}

export interface UploadOptions {
  grievanceId: string;
  fileType: string;
  file: File;
  onProgress: (fraction: number) => void;
}

const UPLOADTHING_ROUTES = ["image", "document", "voice"] as const;

/** The same form through UploadThing: our route checks the grievance first, then the file after it arrived. */
async function uploadThroughUploadThing(options: UploadOptions): Promise<UploadedFile> {
  const route = UPLOADTHING_ROUTES.find((name) => name === options.fileType);
  if (!route) throw new UploadRefused(`file_type must be one of ${UPLOADTHING_ROUTES.join(", ")}.`);
  const { uploadFiles } = genUploader<SunuwaiFileRouter>({
    url: "/api/uploadthing",
    package: "sunuwai-dashboard",
  });
  let uploaded;
  try {
    [uploaded] = await uploadFiles(route, {
      files: [options.file],
      input: { grievanceId: options.grievanceId },
      onUploadProgress: ({ totalProgress }) => options.onProgress(totalProgress),
    });
  } catch (error) {
    // UploadThing's errors carry our route's message (the grievance, the caller, the declared size or type).
    throw new UploadRefused(error instanceof Error ? error.message : String(error));
  }
  const result = uploaded?.serverData;
  if (!result) throw new Error("UploadThing did not report the stored file");
  if ("refused" in result) throw new UploadRefused(result.refused);
  return { fileId: result.fileId, originalName: result.originalName };
}

export function uploadFile(
  options: UploadOptions & { uploadThing: boolean },
): Promise<UploadedFile> {
  if (options.uploadThing) return uploadThroughUploadThing(options);
  return uploadDirectly(options);
}

function uploadDirectly(options: UploadOptions): Promise<UploadedFile> {
  const form = new FormData();
  // The route checks the grievance and the type before it reads the file, so they go first.
  form.append("grievance_id", options.grievanceId);
  form.append("file_type", options.fileType);
  form.append("file", options.file, options.file.name);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", "/api/files");
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const body = request.response as SuccessBody | ErrorBody | null;
      if (request.status === 201 && body?.status === "success") {
        resolve({ fileId: body.file_id, originalName: body.original_name });
        return;
      }
      const message = body?.status === "error" ? body.error?.message : undefined;
      reject(message ? new UploadRefused(message) : new Error(`upload failed (${request.status})`));
    };
    request.onerror = () => reject(new Error("network error"));
    request.send(form);
  });
}
