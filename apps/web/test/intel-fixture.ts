// Ward intelligence data for the web tests, loaded the way production loads it: a JSONL file of Nepali and Telugu
// articles through the intel ingestion, Form 20 CSVs through the Form 20 loader, a prediction through the service.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createDb } from "@sunuwai/db";
import type { Db } from "@sunuwai/db";
import { createSavedAlert, ingestFile, loadForm20, predictWard } from "@sunuwai/intel";
import pg from "pg";

/** A calendar day `days` before today (UTC), YYYY-MM-DD. */
export function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

function article(
  n: number,
  ward: string,
  outlet: string,
  title: string,
  body: string,
  extra: Record<string, string> = {},
) {
  return {
    publication_name: outlet,
    publication_date: daysAgo(n),
    title,
    body,
    city: ward.startsWith("KMC") ? "Kathmandu" : "Hyderabad",
    ward,
    url: `https://news.example.org/${ward}/${n}/${encodeURIComponent(title.slice(0, 10))}`,
    ...extra,
  };
}

/** Kathmandu ward 1 in Nepali from two outlets; Jubilee Hills (WARD_001) in Telugu from one. */
export const FIXTURE_ARTICLES = [
  article(
    1,
    "KMC-01",
    "Kantipur",
    "वडा १ मा खानेपानी अभाव, नेपाली कांग्रेसको विरोध",
    "टोलमा दुई हप्तादेखि खानेपानी आएको छैन। नेपाली कांग्रेसका कार्यकर्ताले वडा कार्यालय घेरे।",
    { party: "Nepali Congress", language: "ne" },
  ),
  article(
    1,
    "KMC-01",
    "Gorkhapatra",
    "खानेपानी ट्यांकर आउन छाड्यो",
    "वडाबासीले खानेपानी ट्यांकरको माग गरे। एमाले नेताले समस्या समाधानको आश्वासन दिए।",
    { party: "CPN-UML", language: "ne" },
  ),
  article(
    2,
    "KMC-01",
    "Kantipur",
    "सडकमा खाल्डाखुल्डी, यात्रु हैरान",
    "मुख्य सडक बिग्रिएको छ र मर्मत भएको छैन।",
    { language: "ne" },
  ),
  article(
    2,
    "KMC-01",
    "Gorkhapatra",
    "नयाँ पुल निर्माण सम्पन्न",
    "वडा १ को पुल निर्माण सफलतापूर्वक सम्पन्न भयो, स्थानीय खुसी।",
    { party: "CPN-UML", language: "ne" },
  ),
  article(
    3,
    "KMC-01",
    "Kantipur",
    "फोहोर व्यवस्थापनमा सुधार",
    "वडाले फोहोर संकलन नियमित गरेपछि सरसफाइमा सुधार आएको छ।",
    { party: "Nepali Congress", language: "ne" },
  ),
  article(
    4,
    "KMC-01",
    "Gorkhapatra",
    "विद्यालयमा शिक्षक अभाव",
    "सामुदायिक विद्यालयमा शिक्षक नहुँदा विद्यार्थी मारमा परेका छन्।",
    { language: "ne" },
  ),
  article(
    1,
    "WARD_001",
    "Eenadu",
    "జూబ్లీ హిల్స్‌లో రోడ్డు గుంతలు",
    "రోడ్డు మరమ్మతులు జరగడం లేదని స్థానికులు ఆందోళన. బీఆర్ఎస్ నాయకులు పరిశీలించారు.",
    { party: "BRS", language: "te" },
  ),
  article(
    2,
    "WARD_001",
    "Eenadu",
    "జూబ్లీ హిల్స్‌లో తాగునీరు సమస్య",
    "తాగునీరు సరఫరా నిలిచిపోయింది. బీఆర్ఎస్ కార్పొరేటర్ హామీ ఇచ్చారు.",
    { party: "BRS", language: "te" },
  ),
];

/** The keyword the analyst watches in KMC-01: two articles of yesterday mention it, so ingestion raises an alert. */
export const WATCHED_KEYWORD = "खानेपानी";

function form20(
  dir: string,
  election: string,
  votes: { nc: number; uml: number; brs: number; inc: number },
): string {
  const kmc = (ps: number, name: string, electors: number, rejected: number) => {
    const polled = votes.nc + votes.uml + rejected;
    return [
      `${ps},KMC-01,Kathmandu Ward 1,KTM-1,,Nepali Congress,Sita Shrestha,${votes.nc},${polled},${rejected},${electors},${name}`,
      `${ps},KMC-01,Kathmandu Ward 1,KTM-1,,CPN-UML,Ram Thapa,${votes.uml},${polled},${rejected},${electors},${name}`,
    ];
  };
  const jubileePolled = votes.brs + votes.inc + 5;
  const rows = [
    "ps_id,ward_id,ward_name,ac_id,pc_id,party,candidate,votes,total_polled,rejected,electors,ps_name",
    ...kmc(1, "Bhotahiti School", 1500, 20),
    ...kmc(2, "Asan Hall", 1200, 10),
    `7,WARD_001,Jubilee Hills,AC-61,PC-9,BRS,K. Rao,${votes.brs},${jubileePolled},5,900,`,
    `7,WARD_001,Jubilee Hills,AC-61,PC-9,INC,P. Reddy,${votes.inc},${jubileePolled},5,900,`,
  ];
  const file = path.join(dir, `${election}.csv`);
  writeFileSync(file, rows.join("\n") + "\n");
  return file;
}

export interface IntelFixture {
  /** Analyst who set up the keyword alert (the seed's). */
  analystId: string;
}

/** Loads the fixture into the app's database: keyword alert, articles, two Form 20 elections, a prediction. */
export async function loadIntelFixture(databaseUrl: string, dir: string): Promise<IntelFixture> {
  mkdirSync(dir, { recursive: true });
  const db: Db = createDb(databaseUrl, { max: 2 });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const analyst = await db.user.findUniqueOrThrow({
      where: { email: "analyst@sunuwai.local" },
      select: { id: true },
    });
    await createSavedAlert(db, {
      wardCode: "KMC-01",
      keywords: [WATCHED_KEYWORD],
      userId: analyst.id,
    });
    const jsonl = path.join(dir, "articles.jsonl");
    writeFileSync(jsonl, FIXTURE_ARTICLES.map((a) => JSON.stringify(a)).join("\n") + "\n");
    const ingested = await ingestFile({ db, pg: client }, { path: jsonl });
    if (ingested.inserted !== FIXTURE_ARTICLES.length)
      throw new Error(`fixture ingestion inserted ${ingested.inserted} articles`);
    await loadForm20(db, {
      path: form20(dir, "KMC-2017", { nc: 280, uml: 300, brs: 380, inc: 360 }),
      election: "KMC-2017",
    });
    await loadForm20(db, {
      path: form20(dir, "KMC-2022", { nc: 300, uml: 250, brs: 400, inc: 350 }),
      election: "KMC-2022",
    });
    await predictWard(db, { wardCode: "KMC-01", election: "KMC-2027" });
    return { analystId: analyst.id };
  } finally {
    await client.end();
    await db.$disconnect();
  }
}
