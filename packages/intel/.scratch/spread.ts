import { readFileSync } from "node:fs";
import { parseEpaperLine } from "../src/ingest/line-schema";
import { prepareArticle, postText } from "../src/ingest/prepare";
import { newEpaperId } from "../src/ingest/batch-writer";
const lines = readFileSync("/tmp/intel-scratch-20000.jsonl", "utf8").split("\n").filter(Boolean);
const prepared = lines.map((l, i) => prepareArticle(i, (parseEpaperLine(l) as any).line));
const n = prepared.length;
const time = (name: string, fn: () => void) => { (globalThis as any).gc?.(); const t = process.cpuUsage(); fn(); const u = process.cpuUsage(t); console.log(name.padEnd(22), ((u.user + u.system) / n).toFixed(2), "µs"); };
for (let r = 0; r < 3; r++) {
  time("spread", () => { prepared.map((a) => ({ ...a, id: "x", titleHash: "y", duplicateOfSha256: null, duplicateOfId: null, wardId: null, sentiment: 0, topics: [], postParty: null, postText: "z" })); });
  time("uuid", () => { prepared.map(() => newEpaperId()); });
  time("postText", () => { prepared.map((a) => postText(a.title, a.bodyFlat)); });
  time("explicit", () => { prepared.map((a) => ({ line: a.line, sha256: a.sha256, publicationName: a.publicationName, publicationDate: a.publicationDate, title: a.title, body: a.body, bodyFlat: a.bodyFlat, url: a.url, city: a.city, party: a.party, language: a.language, wardHint: a.wardHint, id: "x", titleHash: "y", duplicateOfSha256: null, duplicateOfId: null, wardId: null, sentiment: 0, topics: [], postParty: null, postText: "z" })); });
}
