// The intel REST shapes: LokDarpan's routes answered with snake_case keys, built field by field from the services'
// views (party names, topics and profile keys are data and pass through unchanged).
import type {
  IntelAlert,
  IntelPrediction,
  PulseFigure,
  WardMeta,
  WardPulse,
} from "@sunuwai/validators";
import { z } from "zod";

const isoTime = z.iso.datetime();
const day = z.iso.date();

const restFigure = (name: "topic" | "party" | "source") =>
  z.object({
    [name]: z.string(),
    posts: z.number().int(),
    share: z.number(),
    post_ids: z.array(z.uuid()),
    warnings: z.array(z.string()),
  });

export const restPulseSchema = z.object({
  ward: z.object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    local_name: z.string().nullable(),
  }),
  days: z.number().int(),
  from: day,
  to: day,
  totals: z.object({
    posts: z.number().int(),
    outlets: z.number().int(),
    average_sentiment: z.number().nullable(),
    negative_share: z.number().nullable(),
  }),
  daily: z.array(
    z.object({
      day,
      posts: z.number().int(),
      average_sentiment: z.number().nullable(),
      negative_posts: z.number().int(),
      outlets: z.number().int(),
      post_ids: z.array(z.uuid()),
      warnings: z.array(z.string()),
    }),
  ),
  topics: z.array(restFigure("topic")),
  parties: z.array(restFigure("party")),
  sources: z.array(restFigure("source")),
  warnings: z.array(z.string()),
  updated_at: isoTime.nullable(),
});
export type RestPulse = z.infer<typeof restPulseSchema>;

export const restAlertsSchema = z.object({
  ward: z.object({ id: z.uuid(), code: z.string() }),
  alerts: z.array(
    z.object({
      id: z.uuid(),
      kind: z.string(),
      severity: z.string(),
      reason: z.string(),
      evidence_post_ids: z.array(z.uuid()),
      details: z.record(z.string(), z.unknown()),
      created_at: isoTime,
      acknowledged_at: isoTime.nullable(),
    }),
  ),
});
export type RestAlerts = z.infer<typeof restAlertsSchema>;

const restElectionSchema = z.object({
  election: z.string(),
  polling_stations: z.number().int(),
  electors: z.number().int().nullable(),
  total_polled: z.number().int(),
  valid_votes: z.number().int(),
  rejected: z.number().int(),
  turnout: z.number().nullable(),
  vote_share: z.array(z.object({ party: z.string(), votes: z.number().int(), share: z.number() })),
  winner: z.string().nullable(),
  runner_up: z.string().nullable(),
  margin: z.number().int().nullable(),
  margin_share: z.number().nullable(),
  updated_at: isoTime,
});

export const restWardMetaSchema = z.object({
  ward: z.object({
    id: z.uuid(),
    code: z.string(),
    number: z.number().int().nullable(),
    name: z.string(),
    local_name: z.string().nullable(),
    municipality: z.string(),
    district: z.string(),
    province: z.string(),
    country: z.string(),
    updated_at: isoTime,
  }),
  profile: z
    .object({
      population: z.number().int().nullable(),
      households: z.number().int().nullable(),
      area_sq_km: z.number().nullable(),
      updated_at: isoTime,
    })
    .nullable(),
  demographics: z.record(z.string(), z.unknown()),
  features: z.record(z.string(), z.unknown()),
  elections: z.array(restElectionSchema),
  /** The newest of the nested `updated_at`s. */
  updated_at: isoTime,
});
export type RestWardMeta = z.infer<typeof restWardMetaSchema>;

export const restPredictionSchema = z.object({
  ward: z.string(),
  election: z.string(),
  /** Predicted vote share per party, in percent (as LokDarpan's `scores`). */
  scores: z.record(z.string(), z.number()),
  /** Low and high end per party, in percent. */
  interval: z.record(z.string(), z.tuple([z.number(), z.number()])),
  /** 0 … 1: how much recent coverage the swing rests on. */
  confidence: z.number().nullable(),
  method: z.string(),
  as_of: isoTime,
  created_at: isoTime,
  scored_at: isoTime.nullable(),
  mean_abs_error: z.number().nullable(),
  winner_correct: z.boolean().nullable(),
});
export type RestPrediction = z.infer<typeof restPredictionSchema>;

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);
const pct = (share: number) => Math.round(share * 10_000) / 100;

function figures<Name extends "topic" | "party" | "source">(name: Name, list: PulseFigure[]) {
  return list.map(
    (f) =>
      ({
        [name]: f.key,
        posts: f.posts,
        share: f.share,
        post_ids: f.postIds,
        warnings: f.warnings,
      }) as Record<Name, string> & {
        posts: number;
        share: number;
        post_ids: string[];
        warnings: string[];
      },
  );
}

export function toRestPulse(pulse: WardPulse, days: number): RestPulse {
  return {
    ward: {
      id: pulse.ward.id,
      code: pulse.ward.code,
      name: pulse.ward.name,
      local_name: pulse.ward.localName,
    },
    days,
    from: pulse.from,
    to: pulse.to,
    totals: {
      posts: pulse.totals.posts,
      outlets: pulse.totals.outlets,
      average_sentiment: pulse.totals.averageSentiment,
      negative_share: pulse.totals.negativeShare,
    },
    daily: pulse.daily.map((d) => ({
      day: d.day,
      posts: d.posts,
      average_sentiment: d.averageSentiment,
      negative_posts: d.negativePosts,
      outlets: d.outlets,
      post_ids: d.postIds,
      warnings: d.warnings,
    })),
    topics: figures("topic", pulse.topics),
    parties: figures("party", pulse.parties),
    sources: figures("source", pulse.sources),
    warnings: pulse.warnings,
    updated_at: isoOrNull(pulse.updatedAt),
  };
}

export function toRestAlerts(ward: { id: string; code: string }, alerts: IntelAlert[]): RestAlerts {
  return {
    ward,
    alerts: alerts.map((a) => ({
      id: a.id,
      kind: a.kind,
      severity: a.severity,
      reason: a.reason,
      evidence_post_ids: a.evidencePostIds,
      details: a.details,
      created_at: iso(a.createdAt),
      acknowledged_at: isoOrNull(a.acknowledgedAt),
    })),
  };
}

export function toRestWardMeta(meta: WardMeta): RestWardMeta {
  const { ward, profile } = meta;
  return {
    ward: {
      id: ward.id,
      code: ward.code,
      number: ward.number,
      name: ward.name,
      local_name: ward.localName,
      municipality: ward.municipality,
      district: ward.district,
      province: ward.province,
      country: ward.country,
      updated_at: iso(ward.updatedAt),
    },
    profile: profile
      ? {
          population: profile.population,
          households: profile.households,
          area_sq_km: profile.areaSqKm,
          updated_at: iso(profile.updatedAt),
        }
      : null,
    demographics: meta.demographics,
    features: meta.features,
    elections: meta.elections.map((e) => ({
      election: e.election,
      polling_stations: e.pollingStations,
      electors: e.electors,
      total_polled: e.totalPolled,
      valid_votes: e.validVotes,
      rejected: e.rejected,
      turnout: e.turnout,
      vote_share: e.parties.map((p) => ({ party: p.party, votes: p.votes, share: p.share })),
      winner: e.winner,
      runner_up: e.runnerUp,
      margin: e.margin,
      margin_share: e.marginShare,
      updated_at: iso(e.updatedAt),
    })),
    updated_at: iso(meta.updated_at),
  };
}

export function toRestPrediction(prediction: IntelPrediction): RestPrediction {
  const confidence = prediction.inputs.confidence;
  return {
    ward: prediction.wardCode,
    election: prediction.election,
    scores: Object.fromEntries(
      Object.entries(prediction.voteShares).map(([party, share]) => [party, pct(share)]),
    ),
    interval: Object.fromEntries(
      Object.entries(prediction.interval).map(([party, [low, high]]) => [
        party,
        [pct(low), pct(high)],
      ]),
    ),
    confidence: typeof confidence === "number" ? confidence : null,
    method: prediction.method,
    as_of: iso(prediction.asOf),
    created_at: iso(prediction.createdAt),
    scored_at: isoOrNull(prediction.scoredAt),
    mean_abs_error: prediction.meanAbsError,
    winner_correct: prediction.winnerCorrect,
  };
}
