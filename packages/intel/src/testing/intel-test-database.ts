import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "@sunuwai/db";
import { seedWards } from "@sunuwai/db/seed";
import { createTestDatabase } from "@sunuwai/db/testing";
import pg from "pg";

export interface IntelTestDatabase {
  url: string;
  db: Db;
  /** A dedicated connection for ingestion. */
  pg: pg.Client;
  /** Another connection (closed with the database), for concurrent runs. */
  connect(): Promise<pg.Client>;
  wardId(code: string): string;
  /** Rows that break the dedup guarantees: must always be empty. */
  duplicateRows(): Promise<{ sha256: unknown[]; epaperPosts: unknown[] }>;
  drop(): Promise<void>;
}

/** A migrated test database with the seed's wards (Kathmandu KMC-01…32, Hyderabad WARD_001/002/003/012). */
export async function createIntelTestDatabase(): Promise<IntelTestDatabase> {
  const base = await createTestDatabase({ max: 6 });
  const clients: pg.Client[] = [];
  const connect = async () => {
    const client = new pg.Client({ connectionString: base.url });
    await client.connect();
    clients.push(client);
    return client;
  };
  await base.db.ward.createMany({
    data: seedWards.map((w) => ({
      code: w.code, number: w.number, name: w.name, localName: w.localName, localLang: w.localLang, municipality: w.municipality,
      district: w.district, province: w.province, country: w.country, aliases: w.aliases,
    })),
  });
  const ids = new Map((await base.db.ward.findMany({ select: { id: true, code: true } })).map((w) => [w.code, w.id]));
  const main = await connect();
  return {
    url: base.url,
    db: base.db,
    pg: main,
    connect,
    wardId: (code) => {
      const id = ids.get(code);
      if (!id) throw new Error(`no ward ${code} in the test database`);
      return id;
    },
    duplicateRows: async () => ({
      sha256: (await main.query(`SELECT "sha256", count(*) FROM "Epaper" GROUP BY "sha256" HAVING count(*) > 1`)).rows,
      epaperPosts: (await main.query(`SELECT "epaperId", count(*) FROM "Post" WHERE "epaperId" IS NOT NULL GROUP BY "epaperId" HAVING count(*) > 1`)).rows,
    }),
    drop: async () => {
      await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
      await base.drop();
    },
  };
}

export interface ArticleFields {
  publication_name?: string;
  publication_date?: string;
  title?: string;
  body?: string;
  city?: string;
  party?: string;
  ward?: string;
  url?: string;
  language?: string;
}

const SYLLABLES = "ba be bi bo bu da de di do du ga gi go gu ka ke ki ko ku la le li lo lu ma me mi mo mu na ni no nu pa pe pi po pu ra ri ro ru sa si so su ta ti to tu va vi vo vu za zi zo zu".split(" ");

let seed = 20260304;
function nextRandom(): number {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed / 2 ** 32;
}
/** Made-up words: no lexicon knows them, so an article has no topic, sentiment or party unless a test adds one. */
export function neutralWords(n: number): string {
  return Array.from({ length: n }, () =>
    Array.from({ length: 3 }, () => SYLLABLES[Math.floor(nextRandom() * SYLLABLES.length)]).join(""),
  ).join(" ");
}

let counter = 0;

/** A distinct, valid article line of made-up words (unrelated articles are not near-duplicates); override any field. */
export function article(fields: ArticleFields = {}): ArticleFields {
  counter++;
  return {
    publication_name: "Kantipur",
    publication_date: "2026-03-04",
    title: `${neutralWords(6)} ${counter}`,
    body: `${neutralWords(40)}. ${counter}`,
    city: "Kathmandu",
    ...fields,
  };
}

export function writeJsonl(dir: string, name: string, lines: readonly (ArticleFields | string)[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, lines.map((l) => (typeof l === "string" ? l : JSON.stringify(l))).join("\n") + "\n");
  return file;
}
