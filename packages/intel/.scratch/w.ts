import { readFileSync } from "node:fs";
import { canonicalText } from "../src/text/normalize";
import { wordsOf } from "../src/text/words";
const lines = readFileSync("/tmp/intel-scratch-20000.jsonl", "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
const bodies = lines.map((l) => canonicalText(l.body));
const en = bodies.filter((b) => /^[\x00-\x7f]*$/.test(b)); const ind = bodies.filter((b) => !/^[\x00-\x7f]*$/.test(b));
const time = (name: string, arr: string[], fn: (s: string) => unknown) => { const t = process.cpuUsage(); for (const s of arr) fn(s); const u = process.cpuUsage(t); console.log(name.padEnd(22), ((u.user + u.system) / arr.length).toFixed(2), "µs"); };
for (let r = 0; r < 4; r++) {
  time("en words", en, wordsOf); time("ind words", ind, wordsOf); time("en lower", en, (s) => s.toLowerCase()); time("ind lower", ind, (s) => s.toLowerCase());
  time("en loop", en, (s) => { let x = 0; for (let i = 0; i < s.length; i++) x = Math.imul(x ^ s.charCodeAt(i), 16777619); return x; });
}
console.log(en.length, ind.length, en[0]!.length, ind[0]!.length);
