// Node-side cost per article, stage by stage, no database.
import { readFileSync } from "node:fs";
import { seedWards } from "@sunuwai/db/seed";
import { parseEpaperLine } from "../src/ingest/line-schema";
import { prepareArticle, postText } from "../src/ingest/prepare";
import { keyTokens, titleKeyHash } from "../src/text/normalize";
import { Gazetteer } from "../src/wards/gazetteer";
import { LexiconAnalyser } from "../src/analysis/lexicon-analyser";
import { NearDuplicateIndex, dayNumber } from "../src/dedup/near-duplicates";
import { similarityTextFromTokens } from "../src/dedup/minhash";
import { copyRow, copyTextArray } from "../src/ingest/copy-text";
import { randomUUID } from "node:crypto";

const file = process.argv[2] ?? "/tmp/intel-scratch-20000.jsonl";
const lines = readFileSync(file, "utf8").split("\n").filter(Boolean);
const wards = seedWards.map((w, i) => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`, code: w.code, name: w.name, localName: w.localName, aliases: w.aliases }));
const gaz = new Gazetteer(wards);
const lex = new LexiconAnalyser();
const n = lines.length;
const time = (name: string, fn: () => void) => {
  const t = process.cpuUsage(); const w = performance.now();
  fn();
  const u = process.cpuUsage(t);
  console.log(`${name.padEnd(22)} ${((u.user + u.system) / n).toFixed(1).padStart(7)} µs/article cpu  ${(((performance.now() - w) * 1000) / n).toFixed(1).padStart(7)} wall`);
};
for (let round = 0; round < 2; round++) {
  console.log(`-- round ${round}`);
  let parsed: any[] = [];
  time("parse+zod", () => { parsed = lines.map((l) => parseEpaperLine(l)); });
  let prepared: any[] = [];
  time("prepare (canon+sha)", () => { prepared = parsed.map((p, i) => prepareArticle(i, p.line)); });
  let toks: any[] = [];
  time("keyTokens", () => { toks = prepared.map((a) => ({ t: keyTokens(a.title), b: keyTokens(a.bodyFlat) })); });
  time("gazetteer", () => { for (const [i, a] of prepared.entries()) gaz.assignTokens({ ward: a.wardHint, titleTokens: toks[i].t, bodyTokens: toks[i].b }); });
  let an: any[] = [];
  time("lexicon", () => { an = prepared.map((a, i) => lex.analyseOne({ title: a.title, body: a.body, language: a.language, country: null, party: a.party, tokens: { title: toks[i].t, body: toks[i].b } })); });
  const idx = new NearDuplicateIndex();
  time("near-dup", () => { for (const [i, a] of prepared.entries()) idx.checkPrepared(dayNumber(a.publicationDate), { id: "x", sha256: a.sha256, titleKey: toks[i].t.join(" "), text: similarityTextFromTokens(toks[i].t, toks[i].b) }); });
  time("titleHash+postText", () => { for (const [i, a] of prepared.entries()) { titleKeyHash(toks[i].t.join(" ")); postText(a.title, a.bodyFlat); } });
  let out = 0;
  time("copy rows", () => { for (const [i, a] of prepared.entries()) { out += copyRow([randomUUID(), a.sha256, a.publicationName, a.publicationDate, a.title, a.body, a.url, a.city, a.party, a.language, a.wardHint, "x".repeat(64), null, "run"]).length; out += copyRow([randomUUID(), postText(a.title, a.bodyFlat), a.publicationName, a.city, an[i].party, an[i].sentiment, "lexicon:v1", copyTextArray(an[i].topics), "f", a.publicationDate, "now", null, "id"]).length; } });
  time("Buffer.from rows", () => { let s = ""; for (const a of prepared) { s += a.body; if (s.length > 256 * 1024) { Buffer.from(s); s = ""; } } });
}
