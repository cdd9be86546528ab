export { acceptUpload, checkUploadTarget } from "./upload";
export type { AcceptedUpload, Uploader, UploadInput } from "./upload";
export {
  uploadLimits,
  describeUploadRules,
  formatBytes,
  MAX_UPLOAD_BYTES,
  MAX_UPLOAD_REQUEST_BYTES,
  uploadRequestTooLarge,
  UPLOAD_RULES,
  UPLOAD_FILE_TYPES,
  isUploadFileType,
} from "./limits";
export { filesEnv, uploadThingConfigFromEnv } from "./env";
export type { UploadThingConfig } from "./env";
export type { UploadFileType, UploadRule } from "./limits";
export {
  createFileStorage,
  getFileStorage,
  LocalFileStorage,
  UploadThingFileStorage,
  createUtApi,
} from "./storage";
export type { FileStorage, FileStorageConfig } from "./storage";
export { processAttachment } from "./process/attachment";
export type { ProcessOutcome } from "./process/attachment";
export { MAX_INPUT_PIXELS } from "./process/image";
export { createFileTasks, fileTasks } from "./tasks";
export { openAttachment } from "./download";
export type { AttachmentDownload, FileViewer } from "./download";
