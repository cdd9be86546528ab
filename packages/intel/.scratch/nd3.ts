import { readFileSync } from "node:fs";
import { canonicalText } from "../src/text/normalize";
import { wordsOf, joinWords } from "../src/text/words";
import { minhashOfWords } from "../src/dedup/minhash";
import { NearDuplicateIndex, dayNumber } from "../src/dedup/near-duplicates";
const lines = readFileSync(process.argv[2] ?? "/tmp/intel-scratch-20000.jsonl", "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
const arts = lines.map((l, i) => { const t = wordsOf(canonicalText(l.title)), b = wordsOf(canonicalText(l.body)); return { day: dayNumber(l.publication_date), t, b, key: joinWords(t), sha: String(i) }; });
const n = arts.length;
const time = (name: string, fn: () => void) => { const t = process.cpuUsage(); fn(); const u = process.cpuUsage(t); console.log(name.padEnd(20), ((u.user + u.system) / n).toFixed(2), "µs"); };
for (let r = 0; r < 3; r++) {
  let sigs: Int32Array[] = [];
  time("minhashOfWords", () => { sigs = arts.map((a) => minhashOfWords(a.t, a.b)); });
  const idx = new NearDuplicateIndex(); let found = 0;
  time("checkSignature", () => { arts.forEach((a, i) => { if (idx.checkSignature(a.day, { id: "x", sha256: a.sha, titleKey: a.key, signature: sigs[i]! })) found++; }); });
  console.log("found", found);
}
