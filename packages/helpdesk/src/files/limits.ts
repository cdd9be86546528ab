import type { AttachmentKind } from "@sunuwai/db";
import { AppError } from "@sunuwai/validators/errors";

/** The `file_type` a client declares, as the original upload service named them. */
export type UploadFileType = "image" | "document" | "voice";

export const UPLOAD_FILE_TYPES: readonly UploadFileType[] = ["image", "document", "voice"];

export interface UploadRule {
  kind: AttachmentKind;
  maxBytes: number;
  /** File name extensions accepted for this type (lower case, no dot). */
  extensions: readonly string[];
  /** Content types decided from magic bytes that this type accepts. */
  mimeTypes: readonly string[];
  /** How the allowed formats are named in messages to people. */
  formats: string;
}

const MB = 1024 * 1024;

export const UPLOAD_RULES: Readonly<Record<UploadFileType, UploadRule>> = {
  image: {
    kind: "IMAGE",
    maxBytes: 5 * MB,
    extensions: ["jpg", "jpeg", "png"],
    mimeTypes: ["image/jpeg", "image/png"],
    formats: "JPEG or PNG",
  },
  document: {
    kind: "DOCUMENT",
    maxBytes: 10 * MB,
    extensions: ["pdf"],
    mimeTypes: ["application/pdf"],
    formats: "PDF",
  },
  voice: {
    kind: "VOICE",
    maxBytes: 10 * MB,
    extensions: ["mp3", "wav", "ogg"],
    // Ogg voice notes (WhatsApp, Telegram) carry Opus; file-type names that codec in the type.
    mimeTypes: ["audio/mpeg", "audio/wav", "audio/ogg", "audio/ogg; codecs=opus"],
    formats: "MP3, WAV or Ogg",
  },
};

/** The file type as a noun with its article, for messages: "an image", "a document", "a voice note". */
export const FILE_TYPE_NOUNS: Readonly<Record<UploadFileType, { a: string; the: string }>> = {
  image: { a: "an image", the: "image" },
  document: { a: "a document", the: "document" },
  voice: { a: "a voice note", the: "voice note" },
};

export function isUploadFileType(value: string): value is UploadFileType {
  return (UPLOAD_FILE_TYPES as readonly string[]).includes(value);
}

export function formatBytes(bytes: number): string {
  return bytes % MB === 0 ? `${bytes / MB} MB` : `${(bytes / MB).toFixed(1)} MB`;
}

/** The largest file any `file_type` accepts: a request body well past it can be refused unread. */
export const MAX_UPLOAD_BYTES = Math.max(
  ...UPLOAD_FILE_TYPES.map((fileType) => UPLOAD_RULES[fileType].maxBytes),
);

/** Room for the multipart boundaries, part headers and small fields around the largest file allowed. */
export const MAX_UPLOAD_REQUEST_BYTES = MAX_UPLOAD_BYTES + 64 * 1024;

/** Every rule in one line, for refusals made before the file_type is known. */
export function describeUploadRules(): string {
  return UPLOAD_FILE_TYPES.map((fileType) => {
    const rule = UPLOAD_RULES[fileType];
    return `${fileType}: ${rule.formats} up to ${formatBytes(rule.maxBytes)}`;
  }).join("; ");
}

/** The refusal of a request body past MAX_UPLOAD_REQUEST_BYTES, made before the file_type is known. */
export function uploadRequestTooLarge(declaredBytes?: number): AppError {
  const size = declaredBytes === undefined ? "too large" : formatBytes(declaredBytes);
  return new AppError(
    "PAYLOAD_TOO_LARGE",
    `The request is ${size}; no file may be larger than ${formatBytes(MAX_UPLOAD_BYTES)} (${describeUploadRules()}).`,
  );
}

/** The rules as the limits endpoint returns them, so a chatbot can warn before uploading. */
export function uploadLimits(): {
  fileTypes: {
    fileType: UploadFileType;
    maxBytes: number;
    maxSize: string;
    formats: string;
    extensions: string[];
    mimeTypes: string[];
  }[];
} {
  return {
    fileTypes: UPLOAD_FILE_TYPES.map((fileType) => {
      const rule = UPLOAD_RULES[fileType];
      return {
        fileType,
        maxBytes: rule.maxBytes,
        maxSize: formatBytes(rule.maxBytes),
        formats: rule.formats,
        extensions: [...rule.extensions],
        mimeTypes: [...rule.mimeTypes],
      };
    }),
  };
}
