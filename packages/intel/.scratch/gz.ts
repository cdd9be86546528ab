import { readFileSync } from "node:fs";
import { seedWards } from "@sunuwai/db/seed";
import { canonicalText } from "../src/text/normalize";
import { wordsOf } from "../src/text/words";
import { Gazetteer } from "../src/wards/gazetteer";
import { LexiconAnalyser } from "../src/analysis/lexicon-analyser";
const lines = readFileSync("/tmp/intel-scratch-20000.jsonl", "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
const wards = seedWards.map((w, i) => ({ id: `w${i}`, code: w.code, name: w.name, localName: w.localName, aliases: w.aliases }));
const gaz = new Gazetteer(wards); const lex = new LexiconAnalyser();
const arts = lines.map((l) => ({ lang: l.language, t: wordsOf(canonicalText(l.title)), b: wordsOf(canonicalText(l.body)) }));
const en = arts.filter((a) => a.lang === "en"), ind = arts.filter((a) => a.lang !== "en");
const time = (name: string, arr: typeof arts, fn: (a: (typeof arts)[0]) => unknown) => { const t = process.cpuUsage(); for (const a of arr) fn(a); const u = process.cpuUsage(t); console.log(name.padEnd(16), ((u.user + u.system) / arr.length).toFixed(2), "µs"); };
for (let r = 0; r < 3; r++) {
  time("gaz en", en, (a) => gaz.matchWords(a.t, a.b)); time("gaz ind", ind, (a) => gaz.matchWords(a.t, a.b));
  time("lex en", en, (a) => lex.analyseOne({ title: "", body: "", language: null, country: null, party: null, words: { title: a.t, body: a.b } }));
  time("lex ind", ind, (a) => lex.analyseOne({ title: "", body: "", language: null, country: null, party: null, words: { title: a.t, body: a.b } }));
}
