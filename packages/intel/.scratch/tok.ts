import { readFileSync } from "node:fs";
import { keyTokens, canonicalText } from "../src/text/normalize";
const lines = readFileSync("/tmp/intel-scratch-20000.jsonl", "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
const en = lines.filter((l) => l.language === "en").map((l) => canonicalText(l.body));
const ind = lines.filter((l) => l.language !== "en").map((l) => canonicalText(l.body));
const time = (name: string, arr: string[], fn: (s: string) => unknown) => {
  for (let r = 0; r < 3; r++) { const t = process.cpuUsage(); let x = 0; for (const s of arr) { const v = fn(s) as any; x += v?.length ?? 0; } const u = process.cpuUsage(t); if (r === 2) console.log(name.padEnd(20), arr.length, ((u.user + u.system) / arr.length).toFixed(2), "µs", x / arr.length); }
};
time("en keyTokens", en, keyTokens);
time("ind keyTokens", ind, keyTokens);
time("en lower", en, (s) => s.toLowerCase());
time("ind lower", ind, (s) => s.toLowerCase());
time("en match", en, (s) => s.match(/[a-z0-9]+/g));
time("ind match", ind, (s) => s.match(/[\p{L}\p{M}\p{N}]+/gu));
time("en ascii test", en, (s) => /^\p{ASCII}*$/u.test(s) ? "a" : "");
time("en ascii test2", en, (s) => /^[\x00-\x7f]*$/.test(s) ? "a" : "");
time("en split", en, (s) => s.split(" "));
