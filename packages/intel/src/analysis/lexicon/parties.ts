// Parties and the spellings an article may use. `country` scopes spellings that mean different parties in Nepal
// and India ("Congress", "कांग्रेस"); with no known country, a spelling claimed by two parties is ignored.

export interface PartyEntry {
  /** The name the pulse, alerts and predictions show. */
  name: string;
  country: "NP" | "IN";
  aliases: readonly string[];
}

export const PARTIES: readonly PartyEntry[] = [
  { name: "Nepali Congress", country: "NP", aliases: ["Nepali Congress", "NC", "Congress", "नेपाली कांग्रेस", "नेपाली काँग्रेस", "कांग्रेस", "काँग्रेस"] },
  { name: "CPN-UML", country: "NP", aliases: ["CPN-UML", "UML", "एमाले", "नेकपा एमाले"] },
  { name: "CPN (Maoist Centre)", country: "NP", aliases: ["Maoist Centre", "Maoist Center", "Maoist", "माओवादी", "माओवादी केन्द्र"] },
  { name: "RSP", country: "NP", aliases: ["RSP", "Rastriya Swatantra Party", "राष्ट्रिय स्वतन्त्र पार्टी", "रास्वपा"] },
  { name: "RPP", country: "NP", aliases: ["RPP", "Rastriya Prajatantra Party", "राष्ट्रिय प्रजातन्त्र पार्टी", "राप्रपा"] },
  { name: "BJP", country: "IN", aliases: ["BJP", "Bharatiya Janata Party", "भाजपा", "भारतीय जनता पार्टी", "బీజేపీ", "బిజెపి", "భాజపా"] },
  { name: "INC", country: "IN", aliases: ["Congress", "Indian National Congress", "कांग्रेस", "काँग्रेस", "కాంగ్రెస్"] },
  { name: "BRS", country: "IN", aliases: ["BRS", "Bharat Rashtra Samithi", "TRS", "Telangana Rashtra Samithi", "బీఆర్ఎస్", "టీఆర్ఎస్"] },
  { name: "AIMIM", country: "IN", aliases: ["AIMIM", "MIM", "Majlis", "మజ్లిస్", "ఎంఐఎం"] },
  { name: "TDP", country: "IN", aliases: ["TDP", "Telugu Desam", "Telugu Desam Party", "తెలుగుదేశం", "టీడీపీ"] },
  { name: "AAP", country: "IN", aliases: ["AAP", "Aam Aadmi Party", "आम आदमी पार्टी"] },
];
