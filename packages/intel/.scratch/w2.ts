import { readFileSync } from "node:fs";
import { canonicalText } from "../src/text/normalize";
import { wordsOf } from "../src/text/words";const asciiDigits=(s:string)=>s;
const lines = readFileSync("/tmp/intel-scratch-20000.jsonl", "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
const ind = lines.map((l) => canonicalText(l.body)).filter((b) => !/^[\x00-\x7f]*$/.test(b)).map((b) => b.toLowerCase());
const time = (name: string, fn: (s: string) => unknown) => { const t = process.cpuUsage(); for (const s of ind) fn(s); const u = process.cpuUsage(t); console.log(name.padEnd(22), ((u.user + u.system) / ind.length).toFixed(2), "µs"); };
let changed = 0; for (const s of ind) if (asciiDigits(s.includes("\u0901") ? s.replace(/\u0901/gu, "\u0902") : s) !== s) changed++; console.log("fold changes", changed, ind.length);
for (let r = 0; r < 3; r++) {
  time("wordsOf", wordsOf);
  time("includes", (s) => s.includes("\u0901"));
  time("asciiDigits", asciiDigits);
  time("charcode loop", (s) => { let x = 0; for (let i = 0; i < s.length; i++) x = Math.imul(x ^ s.charCodeAt(i), 16777619); return x; });
}
