import { readFileSync } from "node:fs";
import { parseEpaperLine } from "../src/ingest/line-schema";
import { prepareArticle, postText } from "../src/ingest/prepare";
import { copyRow, copyTextArray, copyValue } from "../src/ingest/copy-text";
import { uuidV7 } from "../src/ingest/ids";
const lines = readFileSync("/tmp/intel-scratch-20000.jsonl", "utf8").split("\n").filter(Boolean);
const staged = lines.map((l, i) => { const a = prepareArticle(i, (parseEpaperLine(l) as any).line); return { ...a, id: uuidV7(), titleHash: "a".repeat(64), duplicateOfId: null as string | null, duplicateOfSha256: null, wardId: null as string | null, sentiment: 0.25, topics: ["roads", "water"], postParty: null, postText: postText(a.title, a.bodyFlat) }; }).map((a) => JSON.parse(JSON.stringify(a)));
const n = staged.length;
const time = (name: string, fn: () => void) => { (globalThis as any).gc?.(); const t = process.cpuUsage(); fn(); const u = process.cpuUsage(t); console.log(name.padEnd(22), ((u.user + u.system) / n).toFixed(2), "µs"); };
const run = "00000000-0000-4000-8000-000000000000"; const now = new Date().toISOString();
for (let r = 0; r < 3; r++) {
  let strs: string[] = [];
  time("epaper rows (copyRow)", () => { for (let b = 0; b < n; b += 5000) { let s = ""; for (const a of staged.slice(b, b + 5000)) s += copyRow([a.id, a.sha256, a.publicationName, a.publicationDate, a.title, a.body, a.url, a.city, a.party, a.language, a.wardHint, a.titleHash, a.duplicateOfId, run]); strs.push(s); } });
  time("Buffer.from", () => { for (const s of strs) Buffer.from(s, "utf8"); });
  strs = [];
  time("epaper rows (direct)", () => { for (let b = 0; b < n; b += 5000) { let s = ""; for (const a of staged.slice(b, b + 5000)) s += a.id + "\t" + a.sha256 + "\t" + copyValue(a.publicationName) + "\t" + a.publicationDate + "\t" + copyValue(a.title) + "\t" + copyValue(a.body) + "\t" + copyValue(a.url) + "\t" + copyValue(a.city) + "\t" + copyValue(a.party) + "\t" + copyValue(a.language) + "\t" + copyValue(a.wardHint) + "\t" + a.titleHash + "\t" + copyValue(a.duplicateOfId) + "\t" + run + "\n"; strs.push(s); } });
  time("Buffer.from", () => { for (const s of strs) Buffer.from(s, "utf8"); });
  time("post rows (copyRow)", () => { for (let b = 0; b < n; b += 5000) { let s = ""; for (const a of staged.slice(b, b + 5000)) s += copyRow([a.id, a.postText, a.publicationName, a.city, a.postParty, a.sentiment, "lexicon:v1", copyTextArray(a.topics), "f", `${a.publicationDate} 00:00:00+00`, now, a.wardId, a.id]); } });
  time("array per row", () => { for (const a of staged) [a.id, a.sha256, a.publicationName, a.publicationDate, a.title, a.body, a.url, a.city, a.party, a.language, a.wardHint, a.titleHash, a.duplicateOfId, run]; });
}
class CopyBuffer {
  buf = Buffer.allocUnsafe(1 << 20); at = 0;
  private ensure(n: number) { if (this.at + n > this.buf.length) { const b = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.at + n)); this.buf.copy(b, 0, 0, this.at); this.buf = b; } }
  ascii(s: string) { this.ensure(s.length); this.at += this.buf.write(s, this.at, "latin1"); }
  text(s: string | null) { if (s === null) { this.ensure(2); this.buf[this.at++] = 92; this.buf[this.at++] = 78; return; } const v = copyValue(s); this.ensure(v.length * 3); this.at += this.buf.write(v, this.at, "utf8"); }
  sep() { this.ensure(1); this.buf[this.at++] = 9; }
  end() { this.ensure(1); this.buf[this.at++] = 10; }
}
for (let r = 0; r < 3; r++) {
  time("epaper direct buffer", () => { for (let b = 0; b < n; b += 5000) { const w = new CopyBuffer(); for (const a of staged.slice(b, b + 5000)) { w.ascii(a.id); w.sep(); w.ascii(a.sha256); w.sep(); w.text(a.publicationName); w.sep(); w.ascii(a.publicationDate); w.sep(); w.text(a.title); w.sep(); w.text(a.body); w.sep(); w.text(a.url); w.sep(); w.text(a.city); w.sep(); w.text(a.party); w.sep(); w.text(a.language); w.sep(); w.text(a.wardHint); w.sep(); w.ascii(a.titleHash); w.sep(); w.text(a.duplicateOfId); w.sep(); w.ascii(run); w.end(); } w.buf.subarray(0, w.at); } });
}
