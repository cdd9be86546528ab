/**
 * Words that on their own point at a category, in English and Nepali. A single word matches any word that
 * starts with it (so "पानी" also matches "पानीको"); a phrase matches as written.
 */
export const CATEGORY_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  Environmental: [
    "dust", "pollut", "noise", "tree", "forest", "river", "smoke", "waste", "garbage", "crusher", "spoil", "debris", "wildlife", "landslide",
    "धुलो", "प्रदूषण", "फोहोर", "रुख", "वन", "जंगल", "खोला", "नदी", "धुवाँ", "क्रसर", "आवाज", "माटो थुपार", "पहिरो",
  ],
  "Water Supply": [
    "water", "tap", "pipe", "drinking", "supply", "tank", "leak", "muddy water",
    "पानी", "खानेपानी", "धारा", "पाइप", "ट्यांकी", "मुहान", "चुहा", "चुहि",
  ],
  "Road/Infrastructure": [
    "road", "pothole", "bridge", "culvert", "drain", "blacktop", "streetlight", "footpath", "pavement", "retaining wall",
    "सडक", "बाटो", "खाल्डो", "पुल", "कल्भर्ट", "नाली", "कालोपत्रे", "ढल", "पर्खाल", "बत्ती",
  ],
  "Land Acquisition & Compensation": [
    "compensation", "land", "acquisition", "acquired", "valuation", "plot", "title", "crop", "relocation", "resettlement",
    "मुआब्जा", "मुआवजा", "क्षतिपूर्ति", "जग्गा", "अधिग्रहण", "लालपुर्जा", "मूल्यांकन", "कित्ता", "बाली", "पुनर्वास",
  ],
  "Health & Safety": [
    "accident", "injur", "unsafe", "barricade", "helmet", "danger", "hazard", "safety", "electrocut", "trench", "fell into",
    "दुर्घटना", "घाइते", "असुरक्षित", "खतरा", "सुरक्षा", "हेलमेट", "खस्यो", "लड्यो", "करेन्ट", "चोट",
  ],
  "Gender/SEAH": [
    "harass", "sexual", "abuse", "touch", "molest", "exploit", "women", "girls", "stalk", "indecent", "obscene",
    "दुर्व्यवहार", "यौन", "हिंसा", "छेडछाड", "महिला", "किशोरी", "छोरी", "अश्लील", "जिस्क्या", "शोषण",
  ],
  Labour: [
    "wage", "salary", "labour", "labor", "overtime", "contract", "employ", "camp", "child labour",
    "ज्याला", "तलब", "मजदुर", "कामदार", "श्रमिक", "ओभरटाइम", "ठेकेदार", "रोजगार", "बाल श्रम", "पारिश्रमिक",
  ],
  Corruption: [
    "bribe", "corrupt", "commission", "embezzl", "kickback", "fraud", "fake bill", "nepotism", "money demanded", "rigged",
    "घुस", "भ्रष्टाचार", "कमिसन", "रकम माग", "हिनामिना", "नातावाद", "कृपावाद", "नक्कली बिल", "अनियमितता", "मिलेमतो",
  ],
  Other: [
    "information", "request", "rude", "behaviour", "appointment", "certificate", "suggestion", "enquiry",
    "जानकारी", "अनुरोध", "व्यवहार", "कार्यालय", "सिफारिस", "प्रमाणपत्र", "सुझाव", "सोधपुछ",
  ],
};
