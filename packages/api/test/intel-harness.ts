// The intel API as the tests meet it: a fresh database with the seed's wards and one user per role, the real tRPC
// handler on a real HTTP port, e-paper files ingested by the worker's own task handlers, and Form 20 loaded through
// the intel service. Test files set DATA_DIR (vi.hoisted) before importing this, so the inbox is theirs.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createApiToken } from "@sunuwai/auth";
import { createTestUser, sessionCookieFor } from "@sunuwai/auth/testing";
import type { Db } from "@sunuwai/db";
import { seedWards } from "@sunuwai/db/seed";
import { createTestDatabase } from "@sunuwai/db/testing";
import { epaperInbox, loadForm20 } from "@sunuwai/intel";
import { createIntelTasks } from "@sunuwai/intel/tasks";
import {
  TRPCClientError,
  createTRPCClient,
  createTRPCUntypedClient,
  httpBatchLink,
  httpLink,
} from "@trpc/client";
import { Logger, runOnce } from "graphile-worker";
import superjson from "superjson";
import { createApiFetchHandler } from "../src/handler";
import { createLogger } from "../src/logger";
import type { AppRouter } from "../src/root";
import { serveFetchHandler } from "../src/testing/serve";

const quietLogger = createLogger({}, () => undefined);
const silentWorkerLog = new Logger(() => () => undefined);

/** A calendar day `daysAgo` before today (UTC), as YYYY-MM-DD. */
export function daysAgo(days: number, from: Date = new Date()): string {
  return new Date(from.getTime() - days * 86_400_000).toISOString().slice(0, 10);
}

export interface ArticleLine {
  publication_name: string;
  publication_date: string;
  title: string;
  body: string;
  city: string;
  ward?: string;
  party?: string;
  url?: string;
  language?: string;
}

/**
 * A week of coverage in two scripts: Kathmandu ward 1 in Nepali (two outlets, water and roads, Nepali Congress and
 * CPN-UML) and Jubilee Hills in Telugu (one outlet, BRS). Every date is within the last week.
 */
export function fixtureArticles(): ArticleLine[] {
  const kathmandu = (
    n: number,
    outlet: string,
    title: string,
    body: string,
    party?: string,
  ): ArticleLine => ({
    publication_name: outlet,
    publication_date: daysAgo(n),
    title,
    body,
    city: "Kathmandu",
    ward: "KMC-01",
    language: "ne",
    url: `https://news.example.org/kmc-01/${n}-${encodeURIComponent(title.slice(0, 8))}`,
    ...(party ? { party } : {}),
  });
  const jubilee = (n: number, title: string, body: string): ArticleLine => ({
    publication_name: "Eenadu",
    publication_date: daysAgo(n),
    title,
    body,
    city: "Hyderabad",
    ward: "WARD_001",
    language: "te",
    party: "BRS",
  });
  return [
    kathmandu(
      1,
      "Kantipur",
      "वडा १ मा खानेपानी अभाव, नेपाली कांग्रेसको विरोध",
      "टोलमा दुई हप्तादेखि खानेपानी आएको छैन। नेपाली कांग्रेसका कार्यकर्ताले वडा कार्यालय घेरे।",
      "Nepali Congress",
    ),
    kathmandu(
      1,
      "Gorkhapatra",
      "खानेपानी ट्यांकर आउन छाड्यो",
      "वडाबासीले खानेपानी ट्यांकरको माग गरे। एमाले नेताले समस्या समाधानको आश्वासन दिए।",
      "CPN-UML",
    ),
    kathmandu(2, "Kantipur", "सडकमा खाल्डाखुल्डी, यात्रु हैरान", "मुख्य सडक बिग्रिएको छ र मर्मत भएको छैन।"),
    kathmandu(
      2,
      "Gorkhapatra",
      "नयाँ पुल निर्माण सम्पन्न",
      "वडा १ को पुल निर्माण सफलतापूर्वक सम्पन्न भयो, स्थानीय खुसी।",
      "CPN-UML",
    ),
    kathmandu(
      3,
      "Kantipur",
      "फोहोर व्यवस्थापनमा सुधार",
      "वडाले फोहोर संकलन नियमित गरेपछि सरसफाइमा सुधार आएको छ।",
      "Nepali Congress",
    ),
    kathmandu(
      4,
      "Gorkhapatra",
      "विद्यालयमा शिक्षक अभाव",
      "सामुदायिक विद्यालयमा शिक्षक नहुँदा विद्यार्थी मारमा परेका छन्।",
    ),
    jubilee(
      1,
      "జూబ్లీ హిల్స్‌లో రోడ్డు గుంతలు",
      "రోడ్డు మరమ్మతులు జరగడం లేదని స్థానికులు ఆందోళన. బీఆర్ఎస్ నాయకులు పరిశీలించారు.",
    ),
    jubilee(2, "జూబ్లీ హిల్స్‌లో తాగునీరు సమస్య", "తాగునీరు సరఫరా నిలిచిపోయింది. బీఆర్ఎస్ కార్పొరేటర్ హామీ ఇచ్చారు."),
  ];
}

export function writeJsonl(file: string, lines: readonly ArticleLine[]): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, lines.map((line) => JSON.stringify(line)).join("\n") + "\n");
  return file;
}

/** Writes a JSONL file into `<DATA_DIR>/epaper/inbox` and returns its name. */
export function dropInInbox(name: string, lines: readonly ArticleLine[]): string {
  writeJsonl(path.join(epaperInbox(), name), lines);
  return name;
}

const FORM20_HEADER =
  "ps_id,ward_id,ward_name,ac_id,pc_id,party,candidate,votes,total_polled,rejected,electors,ps_name";

/** A Form 20 CSV of two polling stations in KMC-01, one in WARD_001. */
export function form20Csv(
  dir: string,
  name: string,
  votes: { nc: number; uml: number; brs: number; inc: number },
): string {
  const rows = [
    FORM20_HEADER,
    `1,KMC-01,Kathmandu Ward 1,KTM-1,,Nepali Congress,Sita Shrestha,${votes.nc},${votes.nc + votes.uml + 20},20,1500,Bhotahiti School`,
    `1,KMC-01,Kathmandu Ward 1,KTM-1,,CPN-UML,Ram Thapa,${votes.uml},${votes.nc + votes.uml + 20},20,1500,Bhotahiti School`,
    `2,KMC-01,Kathmandu Ward 1,KTM-1,,Nepali Congress,Sita Shrestha,${votes.nc},${votes.nc + votes.uml + 10},10,1200,Asan Hall`,
    `2,KMC-01,Kathmandu Ward 1,KTM-1,,CPN-UML,Ram Thapa,${votes.uml},${votes.nc + votes.uml + 10},10,1200,Asan Hall`,
    `7,WARD_001,Jubilee Hills,AC-61,PC-9,BRS,K. Rao,${votes.brs},${votes.brs + votes.inc + 5},5,900,`,
    `7,WARD_001,Jubilee Hills,AC-61,PC-9,INC,P. Reddy,${votes.inc},${votes.brs + votes.inc + 5},5,900,`,
  ];
  const file = path.join(dir, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, rows.join("\n") + "\n");
  return file;
}

export async function seedIntelCast(db: Db) {
  await db.ward.createMany({
    data: seedWards.map((w) => ({
      code: w.code,
      number: w.number,
      name: w.name,
      localName: w.localName,
      localLang: w.localLang,
      municipality: w.municipality,
      district: w.district,
      province: w.province,
      country: w.country,
      aliases: w.aliases,
    })),
  });
  const kmc01 = await db.ward.findUniqueOrThrow({
    where: { code: "KMC-01" },
    select: { id: true },
  });
  const users = {
    admin: await createTestUser(db, { role: "ADMIN" }),
    supervisor: await createTestUser(db, { role: "SUPERVISOR" }),
    officer: await createTestUser(db, { role: "OFFICER", wardIds: [kmc01.id] }),
    analyst: await createTestUser(db, { role: "ANALYST" }),
  };
  const tokens = {
    intel: (await createApiToken(db, { name: "intel reader", scopes: ["intel:read"] })).token,
    chatbot: (
      await createApiToken(db, {
        name: "chatbot",
        scopes: ["grievance:write", "grievance:read", "wards:read"],
      })
    ).token,
  };
  return { users, tokens };
}

export async function startIntelApi() {
  const testDb = await createTestDatabase({ max: 10 });
  const cast = await seedIntelCast(testDb.db);
  const server = await serveFetchHandler(
    createApiFetchHandler({ db: testDb.db, logger: quietLogger }),
  );
  return {
    db: testDb.db,
    url: testDb.url,
    origin: server.origin,
    cast,
    /** Runs every queued ingestion job with the worker's own intel handlers, as the worker process would. */
    async runIngestJobs(): Promise<void> {
      await runOnce({
        connectionString: testDb.url,
        taskList: createIntelTasks({ db: () => testDb.db, inbox: epaperInbox }),
        concurrency: 1,
        noHandleSignals: true,
        logger: silentWorkerLog,
      });
    },
    loadForm20: (file: string, election: string) => loadForm20(testDb.db, { path: file, election }),
    async close() {
      await server.close();
      await testDb.drop();
    },
  };
}

export type IntelApi = Awaited<ReturnType<typeof startIntelApi>>;

export function intelClient(origin: string, headers: Record<string, string> = {}) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({ url: `${origin}/api/trpc`, transformer: superjson, headers: () => headers }),
    ],
  });
}

export async function asUser(origin: string, userId: string) {
  return intelClient(origin, { cookie: await sessionCookieFor(userId) });
}

/** A client that calls any procedure by its path (for walking the router), one HTTP request per call. */
export async function untypedAs(origin: string, userId: string) {
  const cookie = await sessionCookieFor(userId);
  return createTRPCUntypedClient<AppRouter>({
    links: [
      httpLink({ url: `${origin}/api/trpc`, transformer: superjson, headers: () => ({ cookie }) }),
    ],
  });
}

/** The tRPC error a call ended with, as the client sees it; `label` names the call when it unexpectedly succeeds. */
export async function failure(call: Promise<unknown>, label = "the call") {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCClientError) {
      const { data, message } = error as TRPCClientError<AppRouter>;
      return { code: data?.code, httpStatus: data?.httpStatus, message };
    }
    throw error;
  }
  throw new Error(`expected ${label} to fail`);
}
