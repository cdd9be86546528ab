// Uploads go to POST /api/files with XMLHttpRequest: unlike fetch, it reports how many bytes have been sent, so
// the form can show real progress on a slow connection.

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

export function uploadFile(options: {
  grievanceId: string;
  fileType: string;
  file: File;
  onProgress: (fraction: number) => void;
}): Promise<UploadedFile> {
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
