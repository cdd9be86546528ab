import sharp from "sharp";
import { FileRejectedError } from "./rejection";

/** Decoding more pixels than this is refused before any pixel memory is allocated (decompression bombs). */
export const MAX_INPUT_PIXELS = 40_000_000;
export const MAX_WIDTH = 1920;
export const THUMBNAIL_SIZE = 320;
const QUALITY = 85;

export interface ReencodedImage {
  image: Buffer;
  format: "jpeg" | "png";
  width: number;
  height: number;
  thumbnail: Buffer;
  originalWidth: number;
  originalHeight: number;
}

const decodeOptions = {
  limitInputPixels: MAX_INPUT_PIXELS,
  failOn: "error",
  sequentialRead: true,
} as const;

async function readDimensions(
  input: Buffer,
): Promise<{ width: number; height: number; format: string | undefined }> {
  try {
    // metadata() reads the header only, so even a bomb costs nothing here.
    const meta = await sharp(input, { limitInputPixels: false }).metadata();
    return { width: meta.width, height: meta.height, format: meta.format };
  } catch {
    throw new FileRejectedError(
      "The image could not be read; it may be damaged or not really a JPEG or PNG.",
    );
  }
}

/**
 * Re-encodes an uploaded JPEG/PNG: turned upright from its EXIF orientation, every piece of metadata dropped
 * (EXIF with GPS, XMP, IPTC, ICC), at most 1920 px wide, quality 85, plus a JPEG thumbnail of 320 px.
 */
export async function reencodeImage(input: Buffer): Promise<ReencodedImage> {
  const { width, height, format } = await readDimensions(input);
  if (width * height > MAX_INPUT_PIXELS) {
    const megapixels = Math.round((width * height) / 1_000_000);
    throw new FileRejectedError(
      `The image is ${width}×${height} pixels (${megapixels} megapixels); at most ${MAX_INPUT_PIXELS / 1_000_000} megapixels are accepted.`,
    );
  }
  const outputFormat = format === "png" ? "png" : "jpeg";
  // Without keepMetadata()/withMetadata() sharp writes none; rotate() applies the EXIF orientation first.
  const upright = sharp(input, decodeOptions).rotate();
  try {
    const resized = upright.clone().resize({ width: MAX_WIDTH, withoutEnlargement: true });
    const encoded =
      outputFormat === "png"
        ? resized.png({ quality: QUALITY, compressionLevel: 9 })
        : resized.jpeg({ quality: QUALITY });
    const [main, thumbnail] = await Promise.all([
      encoded.toBuffer({ resolveWithObject: true }),
      upright
        .clone()
        .resize({
          width: THUMBNAIL_SIZE,
          height: THUMBNAIL_SIZE,
          fit: "inside",
          withoutEnlargement: true,
        })
        .flatten({ background: "#ffffff" })
        .jpeg({ quality: 80 })
        .toBuffer(),
    ]);
    return {
      image: main.data,
      format: outputFormat,
      width: main.info.width,
      height: main.info.height,
      thumbnail,
      originalWidth: width,
      originalHeight: height,
    };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new FileRejectedError(
      `The image could not be decoded (${detail.split("\n")[0] ?? "unknown error"}).`,
    );
  }
}
