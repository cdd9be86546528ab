/** A file whose content cannot be accepted; the message is stored as the attachment's reject reason. */
export class FileRejectedError extends Error {
  override readonly name = "FileRejectedError";
}
