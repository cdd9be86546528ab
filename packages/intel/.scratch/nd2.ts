import { readFileSync } from "node:fs";
import { keyTokens, canonicalText } from "../src/text/normalize";
import { similarityTextFromTokens, minhashSignature, SIGNATURE_BINS } from "../src/dedup/minhash";
const lines = readFileSync("/tmp/intel-scratch-20000.jsonl", "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
const sigs = lines.map((l) => minhashSignature(similarityTextFromTokens(keyTokens(canonicalText(l.title)), keyTokens(canonicalText(l.body)))));
// how often does each bin value repeat?
for (let bin = 0; bin < 4; bin++) { const m = new Map<number, number>(); for (const s of sigs) m.set(s[bin]!, (m.get(s[bin]!) ?? 0) + 1); const top = [...m.values()].sort((a, b) => b - a).slice(0, 5); console.log("bin", bin, "distinct", m.size, "top", top); }
const bands = new Map<string, number>(); for (const s of sigs) for (let b = 0; b < 8; b++) { const k = b + ":" + Array.from(s.slice(b * 4, b * 4 + 4)).join(","); bands.set(k, (bands.get(k) ?? 0) + 1); }
console.log("band keys distinct", bands.size, "of", sigs.length * 8, "top", [...bands.values()].sort((a, b) => b - a).slice(0, 10));
