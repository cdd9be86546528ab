import { AppError } from "@sunuwai/validators/errors";
import { FILE_TYPE_NOUNS, UPLOAD_RULES } from "./limits";
import type { UploadFileType } from "./limits";

const MAX_NAME_LENGTH = 200;
// Control characters, including NUL, which some file systems and tools treat as a string end.
const CONTROL_CHARS = /\p{Cc}/u;
// Anything other than letters (any script), marks, digits, spaces and a few harmless punctuation marks.
const UNSAFE_CHARS = /[^\p{L}\p{M}\p{N} ._()-]/gu;

function allowedExtensions(fileType: UploadFileType): string {
  return UPLOAD_RULES[fileType].extensions.map((ext) => `.${ext}`).join(", ");
}

/**
 * Checks the client's file name and returns it cleaned, to keep as data only (storage keys are random).
 * A name that tries to leave its folder is refused outright rather than repaired, so nothing is stored.
 */
export function checkDeclaredName(declaredName: string, fileType: UploadFileType): string {
  const name = declaredName.normalize("NFC").trim();
  if (name.length === 0) {
    throw new AppError(
      "VALIDATION",
      `The file needs a name ending in ${allowedExtensions(fileType)}.`,
    );
  }
  if (
    name.includes("/") ||
    name.includes("\\") ||
    name.includes("..") ||
    CONTROL_CHARS.test(name)
  ) {
    throw new AppError(
      "VALIDATION",
      "The file name must not contain path separators (/ or \\), '..' or control characters.",
    );
  }
  if (name.length > MAX_NAME_LENGTH) {
    throw new AppError("VALIDATION", `The file name is longer than ${MAX_NAME_LENGTH} characters.`);
  }
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
  if (!UPLOAD_RULES[fileType].extensions.includes(extension)) {
    const shown = extension ? `named ".${extension}"` : "without an extension";
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      `A file ${shown} is not accepted as ${FILE_TYPE_NOUNS[fileType].a}; allowed: ${allowedExtensions(fileType)}.`,
    );
  }
  return name.replace(UNSAFE_CHARS, "_").replace(/\s+/g, " ");
}
