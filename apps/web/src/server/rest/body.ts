import { RestError } from "./errors";

/** Bigger than any valid grievance (10,000 characters of description plus the complainant). */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

/** The request's JSON body, refused before it is read whole when it is not JSON or too large. */
export async function readJsonBody(req: Request, maxBytes = MAX_JSON_BODY_BYTES): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    throw new RestError(
      "UNSUPPORTED_MEDIA_TYPE",
      "Send the body as JSON (Content-Type: application/json).",
    );
  }
  const tooLarge = () =>
    new RestError("PAYLOAD_TOO_LARGE", `The request body is larger than ${maxBytes / 1024} KiB.`);
  if (Number(req.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body?.getReader();
  for (let read = await reader?.read(); read && !read.done; read = await reader?.read()) {
    size += read.value.byteLength;
    if (size > maxBytes) {
      await reader?.cancel();
      throw tooLarge();
    }
    chunks.push(read.value);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
  } catch {
    throw new RestError("VALIDATION_ERROR", "The request body is not valid JSON.");
  }
}
