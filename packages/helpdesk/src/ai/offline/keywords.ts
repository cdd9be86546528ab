/**
 * Words that on their own point at a category, in English and Nepali: the domain knowledge a GRM officer
 * would use. A single word matches any word that starts with it (so "पानी" also matches "पानीको"); a phrase
 * matches as written, its last word as a prefix.
 */
// prettier-ignore
export const CATEGORY_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  Environmental: [
    "dust", "pollut", "noise", "noisy", "tree", "forest", "river", "stream", "smoke", "waste", "garbage", "rubbish",
    "crusher", "spoil", "muck", "debris", "wildlife", "landslide", "erosion", "quarry", "sand mining",
    "blasting noise", "oil spill", "diesel", "sewage into", "fish", "birds", "deforest", "environment", "eia",
    "emission", "asphalt plant", "burning",
    "धुलो", "प्रदूषण", "फोहोर", "रुख", "वन", "जंगल", "खोला", "नदी", "धुवाँ", "क्रसर", "आवाज", "माटो", "पहिरो",
    "कटान", "बालुवा", "गिट्टी निकाल", "माछा", "चरा", "वातावरण", "फडानी", "दुर्गन्ध", "गन्ध", "जलाउँ", "ध्वनि",
    "वन्यजन्तु", "मुहान सुक",
  ],
  "Water Supply": [
    "water", "tap", "pipe", "pipeline", "drinking", "supply", "tank", "reservoir", "leak", "muddy water", "tanker",
    "valve", "meter", "connection", "intake", "spring", "chlorine", "filtration", "pressure", "tariff", "shortage",
    "diarrhoea",
    "पानी", "खानेपानी", "धारा", "पाइप", "ट्यांकी", "ट्याङ्की", "ट्याङ्कर", "मुहान", "चुहा", "चुहि", "मिटर", "भल्भ",
    "जलाशय", "इन्टेक", "महसुल", "क्लोरिन", "प्रशोधन", "धमिलो", "झाडापखाला", "जडान", "मूल",
  ],
  "Road/Infrastructure": [
    "road", "pothole", "bridge", "culvert", "drain", "drainage", "blacktop", "asphalt road", "streetlight",
    "footpath", "pavement", "retaining wall", "gabion", "manhole", "speed breaker", "diversion", "gravel",
    "building", "construction", "incomplete", "quality of work", "sewer", "access steps", "bus",
    "vehicles get stuck",
    "सडक", "बाटो", "खाल्डो", "खाल्डैखाल्डो", "पुल", "झोलुंगे", "कल्भर्ट", "नाली", "कालोपत्रे", "ढल", "पर्खाल",
    "बत्ती", "पैदलमार्ग", "ग्याबिन", "म्यानहोल", "स्पिड", "डाइभर्सन", "गिट्टी", "भवन", "निर्माण", "अधुरो", "गुणस्तर",
    "भासि",
  ],
  "Land Acquisition & Compensation": [
    "compensation", "compensated", "land", "landowner", "acquisition", "acquired", "valuation", "plot", "title",
    "crop", "relocation", "relocated", "resettlement", "cadastral", "boundary", "right of way", "tenant", "squatter",
    "evicted", "lease", "replacement land", "market price", "ownership", "livelihood", "allowance", "cheque",
    "मुआब्जा", "मुआवजा", "क्षतिपूर्ति", "जग्गा", "अधिग्रहण", "लालपुर्जा", "मूल्यांकन", "कित्ता", "बाली", "पुनर्वास",
    "नापी", "सीमाना", "मोही", "सुकुम्बासी", "भूमिहीन", "बजार मूल्य", "दर तोक", "नक्सा", "स्वामित्व", "सट्टा जग्गा",
    "चेक", "भत्ता", "खेत",
  ],
  "Health & Safety": [
    "accident", "injur", "unsafe", "barricade", "helmet", "harness", "danger", "hazard", "safety", "electrocut",
    "electric", "live wire", "trench", "fell into", "collapse", "first aid", "ambulance", "warning sign", "fence",
    "explosion", "fever", "disease", "ventilation", "dizzy", "crane", "speeding", "boulder", "drowning", "cracks",
    "दुर्घटना", "घाइते", "असुरक्षित", "खतरा", "सुरक्षा", "हेलमेट", "खस्यो", "लड्यो", "लडे", "करेन्ट", "चोट", "बार",
    "तारबार", "ढल्न", "भत्कि", "प्राथमिक उपचार", "एम्बुलेन्स", "चेतावनी", "विस्फोट", "ज्वरो", "रोग", "रिंगटा",
    "डुब्ने", "ठक्कर", "चर्कि", "किचि", "मचान",
  ],
  "Gender/SEAH": [
    "harass", "sexual", "sex", "abuse", "abused", "touch", "grope", "molest", "exploit", "women", "woman", "girl",
    "stalk", "indecent", "obscene", "assault", "rape", "peep", "exposed himself", "marriage", "widow",
    "female officer", "teenage",
    "दुर्व्यवहार", "यौन", "हिंसा", "छेडछाड", "महिला", "किशोरी", "युवती", "छात्रा", "बालिका", "छोरी", "श्रीमती",
    "बहिनी", "अश्लील", "जिस्क्या", "शोषण", "पछ्याउ", "छुन", "छोए", "चियाउ", "बिहेको लोभ", "बलात्कार", "एकल महिला",
  ],
  Labour: [
    "wage", "salary", "labour", "labor", "labourer", "overtime", "contract", "employ", "camp", "child labour",
    "hired", "jobs for local", "minimum wage", "payslip", "dues", "social security", "leave", "maternity",
    "dismissed", "fire us", "sack", "workers committee", "attendance", "skilled", "unskilled", "rest", "hours a day",
    "ज्याला", "तलब", "मजदुर", "कामदार", "श्रमिक", "ओभरटाइम", "ठेकेदार", "रोजगार", "बाल श्रम", "पारिश्रमिक", "हाजिरी",
    "बिदा", "सुत्केरी", "सामाजिक सुरक्षा", "न्यूनतम", "निकालिन", "निकाल्ने", "धरौटी", "दक्ष", "अदक्ष", "घण्टा काम",
    "आराम",
  ],
  Corruption: [
    "bribe", "corrupt", "commission", "embezzl", "kickback", "fraud", "fake bill", "fake", "nepotism", "relatives",
    "money demanded", "rigged", "tender", "under the table", "gifts", "pay him", "cut before", "stolen",
    "sold in the market", "ghost workers", "broker", "extra fees", "three times the market", "double the",
    "accounts",
    "घुस", "भ्रष्टाचार", "कमिसन", "रकम माग", "पैसा माग", "हिनामिना", "नातावाद", "कृपावाद", "आफन्त", "नक्कली",
    "अनियमितता", "मिलेमतो", "टेन्डर", "उपहार", "लुकाएर", "दलाल", "अतिरिक्त रकम", "चोरी", "बेचे", "हिसाब", "दोब्बर",
    "तीन गुणा",
  ],
  Other: [
    "information", "inform", "request", "rude", "behaviour", "appointment", "certificate", "suggestion", "enquiry",
    "thank", "helpline", "phone", "answered", "notice board", "website", "leaflet", "meeting", "minutes", "contact",
    "spelled", "training", "scholarship", "interview", "signboard", "reply letter", "waiting", "wait", "disrespect",
    "जानकारी", "अनुरोध", "व्यवहार", "कार्यालय", "सिफारिस", "प्रमाणपत्र", "सुझाव", "सोधपुछ", "धन्यवाद", "हेल्पलाइन",
    "फोन", "सूचना पाटी", "वेबसाइट", "पर्चा", "बैठक", "सम्पर्क", "तालिम", "छात्रवृत्ति", "अन्तर्वार्ता", "पर्खा",
    "जवाफ", "साइनबोर्ड",
  ],
};
