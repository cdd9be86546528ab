import { readFileSync } from "node:fs";
import { keyTokens, canonicalText } from "../src/text/normalize";
import { wordsOf } from "../src/text/words";
import { similarityTextFromTokens, minhashSignature, minhashOfWords } from "../src/dedup/minhash";
const samples: [string, string][] = [];
for (const l of readFileSync("/tmp/intel-scratch-20000.jsonl", "utf8").split("\n").filter(Boolean).slice(0, 5000)) { const a = JSON.parse(l); samples.push([a.title, a.body]); }
let seed = 7; const rnd = () => { seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0; return seed / 2 ** 32; };
const word = () => "abcdefghij".slice(0, 1 + Math.floor(rnd() * 10)).repeat(1 + Math.floor(rnd() * 3));
for (let i = 0; i < 50000; i++) { const t = Array.from({ length: Math.floor(rnd() * 4) }, word).join(" "); const b = Array.from({ length: Math.floor(rnd() * 80) }, word).join(rnd() < 0.5 ? " " : ", "); samples.push([t, b]); }
let bad = 0;
for (const [t, b] of samples) {
  const ct = canonicalText(t), cb = canonicalText(b);
  const a = minhashSignature(similarityTextFromTokens(keyTokens(ct), keyTokens(cb)));
  const m = minhashOfWords(wordsOf(ct), wordsOf(cb));
  if (a.join() !== m.join()) { if (bad++ < 5) console.log("differ", JSON.stringify(similarityTextFromTokens(keyTokens(ct), keyTokens(cb)))); }
}
console.log("checked", samples.length, "bad", bad);
