import { readFileSync } from "node:fs";
import { canonicalText, keyTokens } from "../src/text/normalize";
import { wordsOf } from "../src/text/words";
import { minhashOfWords, minhashSignature, similarityTextFromTokens } from "../src/dedup/minhash";
const lines = readFileSync("/tmp/intel-scratch-20000.jsonl", "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
const arts = lines.map((l) => ({ t: wordsOf(canonicalText(l.title)), b: wordsOf(canonicalText(l.body)), s: similarityTextFromTokens(keyTokens(canonicalText(l.title)), keyTokens(canonicalText(l.body))) }));
const n = arts.length;
const time = (name: string, fn: () => void) => { const t = process.cpuUsage(); fn(); const u = process.cpuUsage(t); console.log(name.padEnd(20), ((u.user + u.system) / n).toFixed(2), "µs"); };
for (let r = 0; r < 4; r++) {
  time("minhashOfWords", () => { for (const a of arts) minhashOfWords(a.t, a.b); });
  time("minhashSignature", () => { for (const a of arts) minhashSignature(a.s); });
  time("alloc sig", () => { for (const a of arts) new Int32Array(32).fill(0x7fffffff); });
}
console.log(arts[0]!.s.length);
