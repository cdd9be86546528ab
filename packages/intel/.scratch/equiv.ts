import { readFileSync } from "node:fs";
import { keyTokens, canonicalText } from "../src/text/normalize";
const ASCII_ONLY = /^\p{ASCII}*$/u; const WORD_ASCII = /[a-z0-9]+/gu; const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const NATIVE_DIGIT = /[\u0966-\u096F\u0C66-\u0C6F\u09E6-\u09EF\u0AE6-\u0AEF]/gu; const HAS = /[\u0966-\u096F\u0C66-\u0C6F\u09E6-\u09EF\u0AE6-\u0AEF]/u;
const B = [0x0966, 0x0c66, 0x09e6, 0x0ae6];
const ad = (t: string) => !HAS.test(t) ? t : t.replace(NATIVE_DIGIT, (d) => { const c = d.charCodeAt(0); const z = B.find((b) => c >= b && c <= b + 9) ?? c; return String(c - z); });
const oldKT = (c: string) => { const l = c.toLowerCase(); if (ASCII_ONLY.test(l)) return l.match(WORD_ASCII) ?? []; const f = ad(l.includes("\u0901") ? l.replace(/\u0901/gu, "\u0902") : l); return f.match(WORD) ?? []; };
const WS = /\s+/gu; const UN = /\s\s|[^\S ]|^\s|\s$/u; const INV = /[\u200B-\u200D\u2060\uFEFF]/gu;
const oldCanon = (t: string) => { const v = ASCII_ONLY.test(t) ? t : t.normalize("NFC").replace(INV, ""); return UN.test(v) ? v.replace(WS, " ").trim() : v; };
const samples: string[] = [];
for (const l of readFileSync("/tmp/intel-scratch-20000.jsonl", "utf8").split("\n").filter(Boolean).slice(0, 3000)) { const a = JSON.parse(l); samples.push(a.title, a.body); }
const alphabet = ["a", "Z", "1", " ", "  ", "\t", "\n", "\r\n", "-", ".", "१", "౧", "\u0901", "ँ", "क", "ా", "\u200c", "\u200b", "\ufeff", "é", "e\u0301", "İ", "ß", "😀", "𝐀", "\ud800", "\udc00", "\u00a0", "\u3000", "٣", "Ⅻ", "'", "ǅ", "\u2028", "x", "\u2000", "\u2001", "\u205f", "\u1680", " \u200b ", "\u0308", "क़", "\u0958"];
let seed = 1; const rnd = () => { seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0; return seed / 2 ** 32; };
for (let i = 0; i < 200000; i++) { let s = ""; const n = Math.floor(rnd() * 12); for (let k = 0; k < n; k++) s += alphabet[Math.floor(rnd() * alphabet.length)]; samples.push(s); }
let bad = 0;
for (const s of samples) {
  const c1 = oldCanon(s), c2 = canonicalText(s);
  if (c1 !== c2) { if (bad++ < 10) console.log("canon differs", JSON.stringify(s), JSON.stringify(c1), JSON.stringify(c2)); continue; }
  const a = oldKT(c1).join("|"), b = keyTokens(c1).join("|");
  if (a !== b) { if (bad++ < 10) console.log("tokens differ", JSON.stringify(s), a, b); }
}
console.log("checked", samples.length, "bad", bad);
