import { createHash } from "node:crypto";
import { Transform } from "node:stream";
import type { TransformCallback } from "node:stream";
import { fileTypeFromBuffer } from "file-type";
import { AppError } from "@sunuwai/validators/errors";
import { FILE_TYPE_NOUNS, formatBytes, UPLOAD_FILE_TYPES, UPLOAD_RULES } from "./limits";
import type { UploadFileType } from "./limits";

/** file-type's own figure for how many leading bytes it needs to recognise any format it knows. */
const SNIFF_BYTES = 4100;

export interface InspectedUpload {
  mimeType: string;
  sizeBytes: number;
  sha256: string;
}

function describeSniffed(mime: string): string {
  const owner = UPLOAD_FILE_TYPES.find((type) => UPLOAD_RULES[type].mimeTypes.includes(mime));
  return owner ? `${mime} (${FILE_TYPE_NOUNS[owner].a})` : mime;
}

/** Decides the type from the magic bytes alone and checks it against the declared `file_type`. */
async function sniff(head: Buffer, fileType: UploadFileType): Promise<string> {
  const rule = UPLOAD_RULES[fileType];
  const detected = await fileTypeFromBuffer(head);
  if (detected && rule.mimeTypes.includes(detected.mime)) return detected.mime;
  const found = detected
    ? `its content is ${describeSniffed(detected.mime)}`
    : "its content is not a format we recognise";
  const noun = FILE_TYPE_NOUNS[fileType].a;
  throw new AppError(
    "UNSUPPORTED_MEDIA_TYPE",
    `The file was sent as file_type "${fileType}", but ${found}. ${noun[0]?.toUpperCase()}${noun.slice(1)} must be ${rule.formats}; the type is read from the file's content, not its name.`,
  );
}

/**
 * A pass-through stream that enforces one upload's rules while it flows: it fails as soon as the size limit
 * is passed (so the source is not read further), holds back the first bytes until their type is confirmed,
 * and hashes everything it lets through.
 */
export class UploadInspector extends Transform {
  private readonly hash = createHash("sha256");
  private readonly maxBytes: number;
  private head: Buffer[] = [];
  private headBytes = 0;
  private mime: string | undefined;
  private total = 0;
  private sha256: string | undefined;

  constructor(private readonly fileType: UploadFileType) {
    super();
    this.maxBytes = UPLOAD_RULES[fileType].maxBytes;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.total += chunk.length;
    if (this.total > this.maxBytes) {
      const rule = UPLOAD_RULES[this.fileType];
      const noun = FILE_TYPE_NOUNS[this.fileType];
      const limit = formatBytes(rule.maxBytes);
      callback(
        new AppError(
          "PAYLOAD_TOO_LARGE",
          `The ${noun.the} is larger than ${limit}; ${noun.a} may be at most ${limit} (${rule.formats}).`,
        ),
      );
      return;
    }
    this.hash.update(chunk);
    if (this.mime !== undefined) {
      callback(null, chunk);
      return;
    }
    this.head.push(chunk);
    this.headBytes += chunk.length;
    if (this.headBytes < SNIFF_BYTES) {
      callback();
      return;
    }
    this.releaseHead(callback);
  }

  override _flush(callback: TransformCallback): void {
    if (this.total === 0) {
      callback(new AppError("VALIDATION", "The file is empty."));
      return;
    }
    const finish: TransformCallback = (error, data) => {
      if (!error) this.sha256 = this.hash.digest("hex");
      callback(error, data);
    };
    if (this.mime !== undefined) finish();
    else this.releaseHead(finish);
  }

  private releaseHead(callback: TransformCallback): void {
    const head = Buffer.concat(this.head);
    this.head = [];
    sniff(head, this.fileType).then(
      (mime) => {
        this.mime = mime;
        callback(null, head);
      },
      (error: unknown) => callback(error as Error),
    );
  }

  /** The checked facts about the upload; only meaningful once the stream finished without error. */
  result(): InspectedUpload {
    if (this.mime === undefined || this.sha256 === undefined)
      throw new Error("The upload has not been inspected to its end yet.");
    return { mimeType: this.mime, sizeBytes: this.total, sha256: this.sha256 };
  }
}
