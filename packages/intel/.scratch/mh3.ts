import { readFileSync } from "node:fs";
import { canonicalText, keyTokens } from "../src/text/normalize";
import { similarityTextFromTokens } from "../src/dedup/minhash";
const lines = readFileSync("/tmp/intel-scratch-20000.jsonl", "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
const ss = lines.map((l) => similarityTextFromTokens(keyTokens(canonicalText(l.title)), keyTokens(canonicalText(l.body))));
const n = ss.length;
const time = (name: string, fn: () => void) => { const t = process.cpuUsage(); fn(); const u = process.cpuUsage(t); console.log(name.padEnd(20), ((u.user + u.system) / n).toFixed(2), "µs"); };
const EMPTY = 0x7fffffff;
function a(text: string) { const sig = new Int32Array(32).fill(EMPTY); let c0 = text.charCodeAt(0), c1 = text.charCodeAt(1); for (let i = 2; i < text.length; i++) { const c2 = text.charCodeAt(i); let h = (Math.imul(c0, -1640531535) + Math.imul(c1, -2048144789) + c2) | 0; h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d); h ^= h >>> 12; const bin = h & 31; const v = h >>> 5; if (v < sig[bin]!) sig[bin] = v; c0 = c1; c1 = c2; } return sig; }
function b(text: string) { const sig = new Int32Array(32).fill(EMPTY); let c0 = text.charCodeAt(0), c1 = text.charCodeAt(1); for (let i = 2; i < text.length; i++) { const c2 = text.charCodeAt(i); let h = (Math.imul(c0, 0x9e3779b1) + Math.imul(c1, 0x85ebca6b) + c2) | 0; h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d); h ^= h >>> 12; const bin = h & 31; const v = h >>> 5; if (v < sig[bin]!) sig[bin] = v; c0 = c1; c1 = c2; } return sig; }
function c(text: string) { let x = 0; for (let i = 0; i < text.length; i++) x = (x + text.charCodeAt(i)) | 0; return x; }
for (let r = 0; r < 4; r++) { time("signed consts", () => { for (const s of ss) a(s); }); time("unsigned consts", () => { for (const s of ss) b(s); }); time("sum chars", () => { for (const s of ss) c(s); }); }
let d = 0; for (const s of ss) if (a(s).join() !== b(s).join()) d++; console.log("diff", d);
