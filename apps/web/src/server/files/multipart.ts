import { Readable } from "node:stream";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import busboy from "busboy";
import { MAX_UPLOAD_REQUEST_BYTES, uploadRequestTooLarge } from "@sunuwai/helpdesk/files";
import { AppError } from "@sunuwai/validators/errors";

/** The form the upload routes read: `grievance_id` and `file_type` first, then `file`. */
export const FILE_FIELD = "file";
export const REQUIRED_FIELDS = ["grievance_id", "file_type"] as const;

export interface MultipartFile {
  stream: Readable;
  /** The name the client gave the file; the service checks and cleans it. */
  filename: string;
  fields: ReadonlyMap<string, string>;
}

const EXPECTED_FORM =
  "Send multipart/form-data with the fields grievance_id and file_type, then the file in a field named file.";

/** Refuses, before a byte of the body is read, a request that declares a body no rule could accept. */
export function checkDeclaredLength(request: Request): void {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > MAX_UPLOAD_REQUEST_BYTES)
    throw uploadRequestTooLarge(declared);
}

function checkContentType(request: Request): string {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(contentType))
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      `The request is not a form upload. ${EXPECTED_FORM}`,
    );
  return contentType;
}

/**
 * Streams a multipart upload into `handle` without buffering it: the small fields are collected first, then the
 * file part is handed over as a stream while it is still arriving, so a size or type check inside `handle` stops
 * the reading of the body. When `handle` fails, the body is not read any further.
 */
export async function withMultipartFile<T>(
  request: Request,
  handle: (file: MultipartFile) => Promise<T>,
): Promise<T> {
  const contentType = checkContentType(request);
  checkDeclaredLength(request);
  if (!request.body) throw new AppError("VALIDATION", `The request has no body. ${EXPECTED_FORM}`);
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      // The raw name goes to the service, which refuses "../../x.jpg" outright instead of quietly trimming it.
      preservePath: true,
      // Browsers and HTTP clients send non-ASCII file names as raw UTF-8.
      defParamCharset: "utf8",
      limits: { files: 1, fields: 8, parts: 10, fieldSize: 1024, fieldNameSize: 100 },
    });
  } catch {
    throw new AppError("VALIDATION", `The form upload has no boundary. ${EXPECTED_FORM}`);
  }
  const source = Readable.fromWeb(request.body as NodeWebReadableStream<Uint8Array>);
  const fields = new Map<string, string>();

  return new Promise<T>((resolve, reject) => {
    let settled = false;
    let fileStream: Readable | undefined;
    let handled: Promise<T> | undefined;
    let result: { value: T } | undefined;
    let parsed = false;

    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      // Stop reading: nothing more of this body is wanted.
      source.unpipe(parser);
      source.destroy();
      fileStream?.destroy(error instanceof Error ? error : undefined);
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    const finish = () => {
      if (settled || !result || !parsed) return;
      settled = true;
      resolve(result.value);
    };

    parser.on("field", (name, value, info) => {
      if (info.valueTruncated || info.nameTruncated) {
        fail(new AppError("VALIDATION", `The form field ${name.slice(0, 100)} is too long.`));
        return;
      }
      if (!fields.has(name)) fields.set(name, value);
    });
    parser.on("file", (name, stream, info) => {
      if (name !== FILE_FIELD || handled) {
        stream.resume();
        if (name !== FILE_FIELD)
          fail(
            new AppError(
              "VALIDATION",
              `Unexpected file field "${name.slice(0, 100)}". ${EXPECTED_FORM}`,
            ),
          );
        return;
      }
      const missing = REQUIRED_FIELDS.filter((field) => !fields.get(field));
      if (missing.length > 0) {
        stream.resume();
        fail(
          new AppError(
            "VALIDATION",
            `The form lacks ${missing.join(" and ")} before the file. ${EXPECTED_FORM}`,
          ),
        );
        return;
      }
      fileStream = stream;
      handled = handle({ stream, filename: info.filename ?? "", fields });
      handled.then((value) => {
        result = { value };
        finish();
      }, fail);
    });
    for (const limit of ["filesLimit", "fieldsLimit", "partsLimit"] as const) {
      parser.on(limit, () =>
        fail(new AppError("VALIDATION", `The form has too many parts. ${EXPECTED_FORM}`)),
      );
    }
    parser.on("close", () => {
      parsed = true;
      if (!handled) fail(new AppError("VALIDATION", `The form has no file. ${EXPECTED_FORM}`));
      else finish();
    });
    parser.on("error", () => {
      // The file is already stored: a malformed tail after it changes nothing.
      if (result) {
        parsed = true;
        finish();
      } else fail(new AppError("VALIDATION", `The form upload is malformed. ${EXPECTED_FORM}`));
    });
    source.on("error", () =>
      fail(new AppError("VALIDATION", "The upload was interrupted before the file arrived whole.")),
    );
    source.pipe(parser);
  });
}
