import { MAX_UPLOAD_REQUEST_BYTES, uploadLimits } from "@sunuwai/helpdesk/files";
import { FILE_FIELD, REQUIRED_FIELDS } from "./multipart";
import { restSuccess } from "../rest/envelope";
import { requestIdOf } from "./responses";

/** The upload rules in the REST API's snake_case, so a chatbot can tell the citizen before uploading. */
export function uploadLimitsBody() {
  return {
    file_types: uploadLimits().fileTypes.map((rule) => ({
      file_type: rule.fileType,
      max_bytes: rule.maxBytes,
      max_size: rule.maxSize,
      formats: rule.formats,
      extensions: rule.extensions,
      mime_types: rule.mimeTypes,
    })),
    max_request_bytes: MAX_UPLOAD_REQUEST_BYTES,
    form_fields: [...REQUIRED_FIELDS, FILE_FIELD],
  };
}

/** `GET /api/v1/upload/limits`: public, the rules are no secret. */
export function handleLimitsRequest(request: Request): Response {
  return restSuccess(uploadLimitsBody(), requestIdOf(request));
}
