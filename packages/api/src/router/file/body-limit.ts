import { MAX_UPLOAD_REQUEST_BYTES, uploadRequestTooLarge } from "@sunuwai/helpdesk/files";

function isMultipart(req: Request): boolean {
  return /^multipart\/form-data/i.test(req.headers.get("content-type") ?? "");
}

/**
 * tRPC reads a FormData input whole before the procedure runs, so a multipart request's body is cut off at the
 * largest upload any rule allows (refused at once when it declares more): memory stays bounded whatever is sent.
 */
export function limitUploadBody(req: Request): Request {
  if (req.method !== "POST" || !req.body || !isMultipart(req)) return req;
  const declared = Number(req.headers.get("content-length") ?? Number.NaN);
  let received = 0;
  const limiter = new TransformStream<Uint8Array, Uint8Array>({
    start(controller) {
      if (declared > MAX_UPLOAD_REQUEST_BYTES) controller.error(uploadRequestTooLarge(declared));
    },
    transform(chunk, controller) {
      received += chunk.byteLength;
      if (received > MAX_UPLOAD_REQUEST_BYTES) controller.error(uploadRequestTooLarge());
      else controller.enqueue(chunk);
    },
  });
  // `duplex` is required by Node for streamed bodies but missing from the DOM typings.
  const init: RequestInit & { duplex: "half" } = { body: req.body.pipeThrough(limiter), duplex: "half" };
  return new Request(req, init);
}
