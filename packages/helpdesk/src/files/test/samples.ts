import { readFileSync } from "node:fs";
import { crc32, deflateSync } from "node:zlib";
import { PDFDocument } from "pdf-lib";
import sharp from "sharp";

/** Text stored in the GPS block (GPSMapDatum) of `jpegWithGps`; it must never reappear after processing. */
export const GPS_MARKER = "WGS-84 SUNUWAI-GPS-BLOCK";

/** A real JPEG (photo-like gradient) of the given size. */
export async function jpeg(width = 640, height = 480): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 30, g: 120, b: 200 } } })
    .composite([
      {
        input: Buffer.from(
          `<svg width="${width}" height="${height}"><circle cx="${width / 2}" cy="${height / 2}" r="${Math.min(width, height) / 3}" fill="orange"/></svg>`,
        ),
      },
    ])
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** A landscape JPEG that says "rotate 90°" in EXIF and carries a GPS position, a camera and a copyright. */
export async function jpegWithGps(): Promise<Buffer> {
  const base = await jpeg(400, 200);
  return sharp(base)
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: "PhoneMaker", Model: "Model X", Copyright: "Sita Shrestha" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "27/1 42/1 1234/100",
        GPSLongitudeRef: "E",
        GPSLongitude: "85/1 19/1 0/1",
        GPSMapDatum: GPS_MARKER,
      },
    })
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** Random noise compresses badly, so a few megapixels give a JPEG of several MB (a worst case for re-encoding). */
export async function noisyJpeg(width: number, height: number, quality = 95): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  let seed = 12345;
  for (let i = 0; i < pixels.length; i += 1) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    pixels[i] = seed >>> 24;
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality })
    .toBuffer();
}

export async function png(width = 320, height = 240): Promise<Buffer> {
  return sharp({
    create: { width, height, channels: 4, background: { r: 10, g: 200, b: 90, alpha: 0.8 } },
  })
    .png()
    .toBuffer();
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A decompression bomb: a valid 1-bit greyscale PNG of `side`×`side` pixels, all black. The file is tiny
 * (zeros deflate ~1000:1) but decoding it needs `side²` bytes or more.
 */
export function pngBomb(side: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  const rowBytes = 1 + Math.ceil(side / 8); // filter byte + packed pixels
  const idat = deflateSync(Buffer.alloc(rowBytes * side), { level: 9 });
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", idat),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

export async function pdf(pages = 3): Promise<Buffer> {
  const document = await PDFDocument.create();
  for (let i = 0; i < pages; i += 1)
    document
      .addPage([595, 842])
      .drawText(`Page ${i + 1} of the site inspection report`, { x: 50, y: 780 });
  return Buffer.from(await document.save());
}

/** A PCM WAV of a 440 Hz tone. */
export function wav(seconds = 1.5, sampleRate = 16000): Buffer {
  const samples = Math.round(seconds * sampleRate);
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i += 1)
    data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / sampleRate) * 12000), i * 2);
  const header = Buffer.alloc(44);
  header.write("RIFF", 0, "ascii");
  header.writeUInt32LE(36 + data.length, 4);
  header.write("WAVE", 8, "ascii");
  header.write("fmt ", 12, "ascii");
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36, "ascii");
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

// 1.5 s, 16 kHz mono tones made with `sox -n -r 16000 -c 1 voice.ogg synth 1.5 sine 440 vol 0.5`
// (and `-C 32 voice.mp3` for MP3): real Vorbis and MPEG layer III files a few kB in size.
export const oggVorbis = (): Buffer => readFileSync(new URL("./voice.ogg", import.meta.url));
export const mp3 = (): Buffer => readFileSync(new URL("./voice.mp3", import.meta.url));

export const svgNamedJpg = (): Buffer =>
  Buffer.from(
    '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.cookie)"><rect width="10" height="10"/></svg>',
  );

export const htmlPage = (): Buffer =>
  Buffer.from("<!doctype html><html><body><script>fetch('/api/trpc')</script></body></html>");
