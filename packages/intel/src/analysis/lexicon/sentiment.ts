// Curated sentiment words for civic news (English, Nepali, Hindi, Telugu). Words are matched after `matchKey`
// normalisation; Indic words also match with a case ending attached (सडकमा, సమస్యలు).

export interface SentimentLanguage {
  positive: readonly string[];
  negative: readonly string[];
  /** Words that flip the nearest sentiment word; `after` = the negator follows the word it negates (SOV). */
  negators: readonly string[];
  negatorScope: "before" | "after";
}

export const SENTIMENT_LEXICON: Record<"en" | "ne" | "hi" | "te", SentimentLanguage> = {
  en: {
    positive: [
      "good", "great", "excellent", "improve", "improved", "improvement", "improves", "success", "successful",
      "progress", "benefit", "benefits", "praise", "praised", "welcome", "welcomed", "inaugurated", "completed",
      "resolved", "relief", "support", "supported", "boost", "growth", "clean", "safe", "safer", "efficient",
      "transparent", "win", "won", "victory", "celebrate", "celebrated", "achievement", "launched", "upgraded",
      "restored", "approved", "effective", "happy", "satisfied", "better", "best", "strong", "strengthen",
      "strengthened", "development", "opportunity", "award", "awarded", "peaceful", "peace", "reform", "fixed",
      "repaired", "accessible", "affordable", "recovered", "recovery", "smooth", "applauded", "appreciated",
      "commended", "hope", "hopeful",
    ],
    negative: [
      "bad", "poor", "worse", "worst", "fail", "failed", "failure", "fails", "corrupt", "corruption", "scam",
      "bribe", "bribery", "protest", "protests", "protested", "strike", "crisis", "shortage", "shortages",
      "outage", "outages", "flood", "flooded", "flooding", "accident", "accidents", "death", "deaths", "died",
      "killed", "injured", "crime", "murder", "theft", "robbery", "violence", "violent", "clash", "clashes",
      "attack", "attacked", "angry", "anger", "outrage", "complaint", "complaints", "dirty", "polluted",
      "pollution", "collapse", "collapsed", "damage", "damaged", "delay", "delayed", "delays", "neglect",
      "neglected", "problem", "problems", "broken", "unsafe", "danger", "dangerous", "illegal", "arrested",
      "accused", "allegation", "allegations", "fraud", "scandal", "wasted", "chaos", "congestion", "pothole",
      "potholes", "blame", "blamed", "criticised", "criticized", "criticism", "slammed", "suffer", "suffering",
      "loss", "losses", "unemployment", "poverty", "fear", "threat", "threatened", "disrupted", "disruption",
      "stalled", "halted", "misuse", "negligence", "irregularities", "stranded",
    ],
    negators: ["not", "no", "never", "without", "nor", "cannot", "didn't", "don't", "isn't", "wasn't", "hasn't", "lack"],
    negatorScope: "before",
  },
  ne: {
    positive: [
      "राम्रो", "उत्कृष्ट", "सफल", "सफलता", "प्रगति", "विकास", "सुधार", "उद्घाटन", "सम्पन्न", "समाधान", "राहत",
      "सहयोग", "समर्थन", "स्वागत", "प्रशंसा", "खुसी", "सन्तुष्ट", "सफा", "सुरक्षित", "पारदर्शी", "जित", "विजय",
      "उपलब्धि", "शान्ति", "शान्तिपूर्ण", "सुविधा", "लाभ", "फाइदा", "प्रभावकारी", "बलियो", "सहज", "पुरस्कार",
      "सम्मान", "आशा",
    ],
    negative: [
      "नराम्रो", "खराब", "असफल", "भ्रष्टाचार", "घूस", "घुस", "अनियमितता", "विरोध", "आन्दोलन", "हडताल", "संकट",
      "अभाव", "बाढी", "पहिरो", "दुर्घटना", "मृत्यु", "घाइते", "अपराध", "हत्या", "चोरी", "डकैती", "हिंसा", "झडप",
      "आक्रमण", "आक्रोश", "गुनासो", "फोहोर", "प्रदूषण", "प्रदूषित", "क्षति", "ढिलाइ", "बेवास्ता", "समस्या",
      "असुरक्षित", "खतरा", "खतरनाक", "गैरकानुनी", "पक्राउ", "आरोप", "ठगी", "घोटाला", "अराजकता", "जाम", "पीडा",
      "पीडित", "बेरोजगारी", "गरिबी", "त्रास", "धम्की", "अवरुद्ध", "लापरवाही", "दुरुपयोग", "ठप्प", "सास्ती",
    ],
    negators: ["छैन", "छैनन्", "होइन", "हैन", "भएन", "भएनन्", "गरेन", "गरेनन्", "सकेन", "सकेनन्", "नभएको", "नगरेको"],
    negatorScope: "after",
  },
  hi: {
    positive: [
      "अच्छा", "अच्छी", "अच्छे", "बेहतर", "बेहतरीन", "सफल", "सफलता", "प्रगति", "विकास", "सुधार", "उद्घाटन",
      "राहत", "सहायता", "समर्थन", "स्वागत", "प्रशंसा", "तारीफ", "खुश", "संतुष्ट", "साफ", "सुरक्षित", "पारदर्शी",
      "जीत", "विजय", "उपलब्धि", "शांति", "सुविधा", "लाभ", "फायदा", "प्रभावी", "मजबूत", "सम्मान", "पुरस्कार",
    ],
    negative: [
      "बुरा", "बुरी", "खराब", "असफल", "विफल", "भ्रष्टाचार", "रिश्वत", "घोटाला", "विरोध", "हड़ताल", "संकट",
      "किल्लत", "बाढ़", "दुर्घटना", "हादसा", "मौत", "मृत्यु", "घायल", "अपराध", "हत्या", "चोरी", "लूट", "हिंसा",
      "झड़प", "हमला", "गुस्सा", "नाराज", "नाराजगी", "शिकायत", "गंदगी", "गंदा", "प्रदूषण", "नुकसान", "देरी",
      "लापरवाही", "समस्या", "परेशानी", "असुरक्षित", "खतरा", "खतरनाक", "अवैध", "गिरफ्तार", "आरोप", "धोखाधड़ी",
      "जाम", "बेरोजगारी", "गरीबी", "डर", "धमकी", "बाधित",
    ],
    negators: ["नहीं", "नही", "न", "मत"],
    negatorScope: "after",
  },
  te: {
    positive: [
      "మంచి", "అభివృద్ధి", "విజయం", "విజయవంతం", "ప్రగతి", "మెరుగు", "మెరుగైన", "సంతోషం", "ప్రారంభోత్సవం",
      "ఉపశమనం", "మద్దతు", "స్వాగతం", "ప్రశంస", "పరిశుభ్రత", "సురక్షిత", "గెలుపు", "శాంతి", "లాభం", "సౌకర్యం",
    ],
    negative: [
      "చెడు", "వైఫల్యం", "అవినీతి", "లంచం", "నిరసన", "ఆందోళన", "సమ్మె", "సంక్షోభం", "కొరత", "వరద", "ప్రమాదం",
      "మృతి", "మరణం", "గాయాలు", "నేరం", "హత్య", "దొంగతనం", "హింస", "దాడి", "ఆగ్రహం", "ఫిర్యాదు", "కాలుష్యం",
      "నష్టం", "ఆలస్యం", "నిర్లక్ష్యం", "సమస్య", "అక్రమ", "అరెస్టు", "ఆరోపణ", "మోసం", "కుంభకోణం", "నిరుద్యోగం",
      "పేదరికం", "భయం", "బెదిరింపు", "అధ్వాన్నం",
    ],
    negators: ["లేదు", "కాదు", "లేని", "లేక"],
    negatorScope: "after",
  },
};
