import { readFileSync } from "node:fs";
import { keyTokens, canonicalText } from "../src/text/normalize";
import { similarityTextFromTokens, minhashSignature } from "../src/dedup/minhash";
import { NearDuplicateIndex, dayNumber } from "../src/dedup/near-duplicates";
const lines = readFileSync("/tmp/intel-scratch-20000.jsonl", "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
const arts = lines.map((l) => ({ day: dayNumber(l.publication_date), t: keyTokens(canonicalText(l.title)), b: keyTokens(canonicalText(l.body)) }));
const n = arts.length;
const time = (name: string, fn: () => void) => { const t = process.cpuUsage(); fn(); const u = process.cpuUsage(t); console.log(name.padEnd(20), ((u.user + u.system) / n).toFixed(2), "µs"); };
let texts: string[] = [];
for (let r = 0; r < 2; r++) {
time("simtext", () => { texts = arts.map((a) => similarityTextFromTokens(a.t, a.b)); });
time("titlekey", () => { for (const a of arts) a.t.join(" "); });
time("minhash", () => { for (const s of texts) minhashSignature(s); });
const idx = new NearDuplicateIndex();
let found = 0;
time("check", () => { arts.forEach((a, i) => { if (idx.checkPrepared(a.day, { id: "x", sha256: String(i), titleKey: a.t.join(" "), text: texts[i]! })) found++; }); });
console.log("found", found);
}
