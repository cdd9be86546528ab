import { readFileSync } from "node:fs";
import { createHash, hash } from "node:crypto";
import { parseEpaperLine } from "../src/ingest/line-schema";
import { canonicalText } from "../src/text/normalize";
const lines = readFileSync("/tmp/intel-scratch-20000.jsonl", "utf8").split("\n").filter(Boolean);
const parsed = lines.map((l) => (parseEpaperLine(l) as any).line);
const n = parsed.length;
const time = (name: string, fn: () => void) => { (globalThis as any).gc?.(); const t = process.cpuUsage(); fn(); const u = process.cpuUsage(t); console.log(name.padEnd(22), ((u.user + u.system) / n).toFixed(2), "µs"); };
const strs = parsed.map((p) => `${p.publication_name}|${p.publication_date}|${p.title}|${p.body}`);
for (let r = 0; r < 3; r++) {
  time("canon body", () => { for (const p of parsed) canonicalText(p.body); });
  time("canon 3 small", () => { for (const p of parsed) { canonicalText(p.title); canonicalText(p.city); canonicalText(p.publication_name); } });
  time("crypto.hash", () => { for (const s of strs) hash("sha256", s, "hex"); });
  time("createHash", () => { for (const s of strs) createHash("sha256").update(s, "utf8").digest("hex"); });
  time("Buffer.from+hash", () => { for (const s of strs) hash("sha256", Buffer.from(s, "utf8"), "hex"); });
  time("template", () => { for (const p of parsed) `${p.publication_name}|${p.publication_date}|${p.title}|${p.body}`.length; });
}
const en = strs.filter((s) => /^[\x00-\x7f]*$/.test(s)); console.log("ascii share", en.length / strs.length);
