// Run in a child process by the tests: re-encodes one image file and reports the outcome, time and peak RSS,
// so memory is measured for this work alone and a runaway decode cannot take the test runner down.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { reencodeImage } from "../process/image";

const file = process.argv[2];
if (!file) throw new Error("usage: measure-image.ts <image file>");
const bytes = readFileSync(file);
const started = performance.now();
let outcome: string;
try {
  const image = await reencodeImage(bytes);
  outcome = `processed ${image.width}x${image.height}`;
} catch (error) {
  outcome = `rejected: ${error instanceof Error ? error.message : String(error)}`;
}
const ms = Math.round(performance.now() - started);
// resourceUsage().maxRSS is in kilobytes: the peak resident set of this whole process.
console.log(
  JSON.stringify({
    outcome,
    ms,
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    inputBytes: bytes.length,
  }),
);
