import { readFileSync } from "node:fs";
const lines = readFileSync("/tmp/intel-scratch-20000.jsonl", "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
const non = lines.map((l) => l.body as string).filter((b) => !/^[\x00-\x7f]*$/.test(b));
const n = non.length;
const time = (name: string, fn: () => void) => { const t = process.cpuUsage(); fn(); const u = process.cpuUsage(t); console.log(name.padEnd(22), ((u.user + u.system) / n).toFixed(2), "µs"); };
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/gu; const UN = /\s\s|[^\S ]|^\s|\s$/u; const HAS_INV = /[\u200B-\u200D\u2060\uFEFF]/u;
for (let r = 0; r < 3; r++) {
  time("normalize", () => { for (const s of non) s.normalize("NFC"); });
  time("invisible replace", () => { for (const s of non) s.replace(INVISIBLE, ""); });
  time("invisible test", () => { for (const s of non) HAS_INV.test(s); });
  time("uncanonical test", () => { for (const s of non) UN.test(s); });
  time("js loop", () => { for (const s of non) { let x = 0; for (let i = 0; i < s.length; i++) x |= s.charCodeAt(i); } });
}
console.log(n, non[0]!.length);
