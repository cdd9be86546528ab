import { parseBuffer } from "music-metadata";
import { FileRejectedError } from "./rejection";

export interface AudioFacts {
  durationSeconds: number;
  codec: string | null;
  sampleRate: number | null;
  channels: number | null;
}

/** Reads the duration and codec of an MP3/WAV/Ogg file; one that cannot be parsed is refused. */
export async function probeAudio(input: Buffer, mimeType: string): Promise<AudioFacts> {
  let format;
  try {
    ({ format } = await parseBuffer(
      input,
      { mimeType: mimeType.split(";")[0], size: input.length },
      { duration: true, skipCovers: true },
    ));
  } catch {
    throw new FileRejectedError("The audio could not be read; it may be damaged.");
  }
  if (format.duration === undefined || !Number.isFinite(format.duration)) {
    throw new FileRejectedError("The audio has no readable duration; it may be damaged or empty.");
  }
  return {
    durationSeconds: Math.round(format.duration * 100) / 100,
    codec: format.codec ?? null,
    sampleRate: format.sampleRate ?? null,
    channels: format.numberOfChannels ?? null,
  };
}
