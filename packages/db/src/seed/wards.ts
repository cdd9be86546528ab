/** Seeded wards: the contract integrators and tests rely on (codes never change once published). */
export interface SeedWard {
  code: string;
  number: number | null;
  name: string;
  localName: string;
  localLang: string;
  municipality: string;
  district: string;
  province: string;
  country: string;
  /** Spellings to match in free text: Latin, local script, with and without spaces. */
  aliases: string[];
}

const DEVANAGARI_DIGITS = "०१२३४५६७८९";

export function toDevanagariDigits(n: number): string {
  return String(n).replace(/\d/g, (d) => DEVANAGARI_DIGITS[Number(d)] ?? d);
}

/** Kathmandu Metropolitan City, wards 1–32 (`KMC-01` … `KMC-32`). */
const kathmanduWards: SeedWard[] = Array.from({ length: 32 }, (_, i) => {
  const n = i + 1;
  const ne = toDevanagariDigits(n);
  return {
    code: `KMC-${String(n).padStart(2, "0")}`,
    number: n,
    name: `Kathmandu Ward ${n}`,
    localName: `काठमाडौं वडा नं. ${ne}`,
    localLang: "ne",
    municipality: "Kathmandu Metropolitan City",
    district: "Kathmandu",
    province: "Bagmati",
    country: "NP",
    aliases: [
      `Kathmandu-${n}`,
      `KMC ward ${n}`,
      `Kathmandu Metropolitan City Ward ${n}`,
      `Ward No. ${n}, Kathmandu`,
      `काठमाडौं-${ne}`,
      // Both spellings of the city (anusvara and chandrabindu) appear in Nepali papers.
      `काठमाडौँ-${ne}`,
      `काठमाडौं महानगरपालिका वडा नं. ${ne}`,
      `वडा नं. ${ne}`,
    ],
  };
});

const hyderabad = {
  localLang: "te",
  municipality: "Greater Hyderabad Municipal Corporation",
  district: "Hyderabad",
  province: "Telangana",
  country: "IN",
  // LokDarpan's `WARD_nnn` codes are its own numbering, not GHMC's ward numbers.
  number: null,
} as const;

/** Greater Hyderabad wards under the codes LokDarpan's data uses. */
const hyderabadWards: SeedWard[] = [
  {
    ...hyderabad,
    code: "WARD_001",
    name: "Jubilee Hills",
    localName: "జూబ్లీ హిల్స్",
    aliases: ["Jubilee Hills", "jubileehills", "Jubilee Hill", "జూబ్లీ హిల్స్", "జూబ్లీహిల్స్"],
  },
  {
    ...hyderabad,
    code: "WARD_002",
    name: "Banjara Hills",
    localName: "బంజారా హిల్స్",
    aliases: ["Banjara Hills", "banjarahills", "Banjara Hill", "బంజారా హిల్స్", "బంజారాహిల్స్"],
  },
  {
    ...hyderabad,
    code: "WARD_003",
    name: "Khairatabad",
    localName: "ఖైరతాబాద్",
    aliases: ["Khairatabad", "Khairathabad", "Kairatabad", "ఖైరతాబాద్", "ఖైరతాబాదు"],
  },
  {
    ...hyderabad,
    code: "WARD_012",
    name: "Begumpet",
    localName: "బేగంపేట్",
    aliases: ["Begumpet", "Begumpeta", "Begampet", "బేగంపేట్", "బేగంపేట"],
  },
];

export const seedWards: readonly SeedWard[] = [...kathmanduWards, ...hyderabadWards];
