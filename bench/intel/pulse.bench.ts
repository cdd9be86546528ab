// Issue 5 pulse goal: `wardPulse` for a ward over 90 days with 1,000,000 posts in 200 wards, p95 ≤ 100 ms. The posts
// are generated in SQL over a year, the daily rollup rebuilt with the intel package's own recompute, and the baseline is
// the same figures computed from the raw posts (GROUP BY over Post for the ward and window) in the same run.
// BENCH_POSTS and BENCH_PULSE_CALLS scale the run.
import { createDb } from "@sunuwai/db";
import { recomputeWardRollup, wardPulse } from "@sunuwai/intel";
import { fmt, loadAverage, startBenchDatabase } from "./bench-database";
import { benchEnv } from "./env";

const POSTS = benchEnv.posts;
const CALLS = benchEnv.pulseCalls;
const WARDS = 200;
const WINDOW_DAYS = 90;
const START = "2025-01-01";
const YEAR_DAYS = 365;

const OUTLETS = ["Kantipur", "The Himalayan Times", "Republica", "Nagarik", "Annapurna Post", "Setopati", "Deccan Chronicle", "Telangana Today", "The Hindu", "Eenadu", "Sakshi", "Namaste Telangana"];
const PARTIES = ["Nepali Congress", "CPN-UML", "CPN (Maoist Centre)", "RSP", "RPP", "BJP", "INC", "BRS", "AIMIM", "TDP", "AAP"];
const TOPICS = ["roads", "water", "electricity", "sanitation", "health", "education", "corruption", "traffic", "housing", "crime", "elections", "flooding", "pollution", "employment"];

/** Same figures as the pulse (per-day volume and sentiment, topics, parties, sources) straight from the posts. */
const RAW_PULSE = `
WITH posts AS (
  SELECT ("publishedAt" AT TIME ZONE 'UTC')::date AS day, coalesce("sentiment", 0) AS sentiment, "topics", "party", "source"
  FROM "Post"
  WHERE "wardId" = $1::uuid AND NOT "isDuplicate"
    AND "publishedAt" >= $2::date::timestamp AT TIME ZONE 'UTC' AND "publishedAt" < ($3::date + 1)::timestamp AT TIME ZONE 'UTC'
)
SELECT
  (SELECT json_agg(d) FROM (SELECT day, count(*) AS posts, sum(sentiment) AS sentiment_sum, count(*) FILTER (WHERE sentiment <= -0.25) AS negative,
                                   count(DISTINCT source) AS outlets
                            FROM posts GROUP BY day ORDER BY day) d) AS daily,
  (SELECT json_agg(t) FROM (SELECT topic, count(*) AS n FROM posts, unnest(topics) AS topic GROUP BY topic ORDER BY n DESC LIMIT 8) t) AS topics,
  (SELECT json_agg(p) FROM (SELECT party, count(*) AS n FROM posts WHERE party IS NOT NULL GROUP BY party ORDER BY n DESC) p) AS parties,
  (SELECT json_agg(s) FROM (SELECT source, count(*) AS n FROM posts GROUP BY source ORDER BY n DESC LIMIT 8) s) AS sources`;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const summary = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
};
const show = (s: { p50: number; p95: number; p99: number }) => `p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms`;

const dayString = (offset: number) => new Date(Date.parse(`${START}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

const bench = await startBenchDatabase("pulse");
const db = createDb(bench.url, { max: 4 });
try {
  const client = await bench.connect();
  await client.query(`
    INSERT INTO "Ward" ("id", "code", "name", "municipality", "district", "province", "country", "aliases", "updatedAt")
    SELECT gen_random_uuid(), 'BENCH-' || lpad(i::text, 3, '0'), 'Bench Ward ' || i, 'Bench City', 'Bench', 'Bench',
           CASE WHEN i % 2 = 0 THEN 'NP' ELSE 'IN' END, '{}', now()
    FROM generate_series(1, ${WARDS}) AS i`);
  const wards = (await client.query<{ id: string; code: string }>(`SELECT "id"::text AS id, "code" FROM "Ward" ORDER BY "code"`)).rows;

  // Posts dated at UTC midnight like ingested ones; 2% near-duplicates (left out of the pulse); a third name a party;
  // up to three topics each.
  const generateStarted = performance.now();
  await client.query("SELECT setseed(0.42)");
  await client.query(
    `INSERT INTO "Post" ("id", "text", "source", "city", "party", "sentiment", "analysedBy", "topics", "isDuplicate", "publishedAt", "updatedAt", "wardId")
     SELECT gen_random_uuid(), 'Generated post ' || g, ($2::text[])[1 + floor(random() * 12)::int], 'Bench City',
            CASE WHEN random() < 0.33 THEN ($3::text[])[1 + floor(random() * 11)::int] END,
            round((random() * 2 - 1)::numeric, 2)::float8, 'lexicon:v1',
            (SELECT coalesce(array_agg(DISTINCT t), '{}') FROM (SELECT ($4::text[])[1 + floor(random() * 14)::int] AS t FROM generate_series(1, floor(random() * 4)::int + (g * 0)) ) AS x),
            random() < 0.02, ($5::date + floor(random() * ${YEAR_DAYS})::int)::timestamp AT TIME ZONE 'UTC', now(),
            ($1::uuid[])[1 + (g % ${WARDS})]
     FROM generate_series(1, $6::int) AS g`,
    [wards.map((w) => w.id), OUTLETS, PARTIES, TOPICS, START, POSTS],
  );
  await client.query(`ANALYZE "Post"`);
  const generateSeconds = (performance.now() - generateStarted) / 1000;

  // The rollup the ingestion maintains, rebuilt ward by ward with the intel package's recompute.
  const rollupStarted = performance.now();
  for (const ward of wards) await recomputeWardRollup(db, ward.id);
  await client.query(`ANALYZE "WardPulseDaily"`);
  const rollupSeconds = (performance.now() - rollupStarted) / 1000;
  console.log(
    `${fmt(POSTS)} posts in ${WARDS} wards over ${YEAR_DAYS} days generated in ${generateSeconds.toFixed(1)} s, rollup rebuilt in ${rollupSeconds.toFixed(1)} s; ` +
      `load average ${loadAverage()}`,
  );

  let seed = 7;
  const random = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  const requests = Array.from({ length: CALLS + 20 }, () => {
    const ward = wards[Math.floor(random() * wards.length)] as { id: string; code: string };
    const end = WINDOW_DAYS - 1 + Math.floor(random() * (YEAR_DAYS - WINDOW_DAYS + 1));
    return { ward, from: dayString(end - WINDOW_DAYS + 1), to: dayString(end) };
  });

  const pulseMs: number[] = [];
  let posts = 0;
  for (const [i, r] of requests.entries()) {
    const started = performance.now();
    const pulse = await wardPulse(db, { wardCode: r.ward.code, from: r.from, to: r.to });
    // The first 20 calls warm caches and are not counted.
    if (i >= 20) {
      pulseMs.push(performance.now() - started);
      posts += pulse.totals.posts;
    }
  }
  const rawMs: number[] = [];
  for (const [i, r] of requests.entries()) {
    const started = performance.now();
    await db.$queryRawUnsafe(RAW_PULSE, r.ward.id, r.from, r.to);
    if (i >= 20) rawMs.push(performance.now() - started);
  }
  const pulse = summary(pulseMs);
  const raw = summary(rawMs);
  console.log(
    `wardPulse, ${WINDOW_DAYS} days, ${fmt(CALLS)} calls over random wards (${fmt(posts / CALLS)} posts per window): ${show(pulse)} (goal: p95 ≤ 100 ms); ` +
      `load average ${loadAverage()}`,
  );
  console.log(`baseline, the same figures from raw posts (GROUP BY over Post): ${show(raw)}; pulse p95 = ${(pulse.p95 / raw.p95).toFixed(2)}× the baseline's`);
} finally {
  await db.$disconnect();
  await bench.stop();
}
