import { PDFDocument } from "pdf-lib";
import { FileRejectedError } from "./rejection";

/** Counts the pages of a PDF; one that cannot be parsed is refused. */
export async function countPdfPages(input: Buffer): Promise<number> {
  try {
    // Encrypted PDFs still expose their page tree; we only count, never render.
    const document = await PDFDocument.load(input, {
      ignoreEncryption: true,
      updateMetadata: false,
    });
    return document.getPageCount();
  } catch {
    throw new FileRejectedError("The PDF could not be read; it may be damaged.");
  }
}
