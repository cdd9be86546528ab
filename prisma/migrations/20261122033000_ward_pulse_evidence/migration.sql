-- AlterTable
ALTER TABLE "WardPulseDaily" ADD COLUMN     "evidence" JSONB NOT NULL DEFAULT '{}';

-- Backfill: the posts behind each existing rollup row, by the rules of packages/intel/src/pulse/rollup.ts
-- (the day's first 5 posts; each topic's, party's and source's newest 10; the lowest and highest outlet per topic and party).
WITH posts AS (
  SELECT "wardId" AS ward_id, ("publishedAt" AT TIME ZONE 'UTC')::date AS day, topics, party, source,
         (to_char("publishedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') || '|' || "id"::text) COLLATE "C" AS entry
  FROM "Post" WHERE "wardId" IS NOT NULL AND NOT "isDuplicate"
),
keyed AS (
  SELECT ward_id, day, 'day' AS key, to_jsonb((array_agg(DISTINCT entry ORDER BY entry))[1:5]) AS entries FROM posts GROUP BY ward_id, day
  UNION ALL
  SELECT ward_id, day, 'topic:' || topic, to_jsonb((array_agg(DISTINCT entry ORDER BY entry DESC))[1:10])
  FROM posts, unnest(topics) AS topic GROUP BY ward_id, day, topic
  UNION ALL
  SELECT ward_id, day, 'outlets-topic:' || topic, to_jsonb(ARRAY[min(source COLLATE "C"), max(source COLLATE "C")])
  FROM posts, unnest(topics) AS topic GROUP BY ward_id, day, topic
  UNION ALL
  SELECT ward_id, day, 'party:' || party, to_jsonb((array_agg(DISTINCT entry ORDER BY entry DESC))[1:10])
  FROM posts WHERE party IS NOT NULL GROUP BY ward_id, day, party
  UNION ALL
  SELECT ward_id, day, 'outlets-party:' || party, to_jsonb(ARRAY[min(source COLLATE "C"), max(source COLLATE "C")])
  FROM posts WHERE party IS NOT NULL GROUP BY ward_id, day, party
  UNION ALL
  SELECT ward_id, day, 'source:' || source, to_jsonb((array_agg(DISTINCT entry ORDER BY entry DESC))[1:10])
  FROM posts GROUP BY ward_id, day, source
),
evidence AS (
  SELECT ward_id, day, jsonb_object_agg(key, entries) AS evidence FROM keyed GROUP BY ward_id, day
)
UPDATE "WardPulseDaily" w SET "evidence" = e.evidence
FROM evidence e WHERE w."wardId" = e.ward_id AND w."day" = e.day;
