// Topic keyword lists per language. A topic id is what the pulse and alerts show; keep ids stable.

export const TOPIC_KEYWORDS: Record<string, readonly string[]> = {
  roads: [
    "road", "roads", "pothole", "potholes", "highway", "street", "streets", "footpath", "pavement", "bridge", "flyover",
    "सडक", "बाटो", "पुल", "खाल्डो", "खाल्डाखुल्डी", "सड़क", "गड्ढा", "గుంతలు", "రోడ్డు", "రహదారి", "వంతెన", "ఫ్లైఓవర్",
  ],
  water: [
    "water", "drinking water", "pipeline", "tap", "taps", "tanker", "tankers",
    "खानेपानी", "पानी", "धारा", "मेलम्ची", "पेयजल", "जल", "टैंकर", "నీరు", "నీటి", "తాగునీరు", "ట్యాంకర్",
  ],
  electricity: [
    "electricity", "outage", "outages", "blackout", "loadshedding", "load shedding", "transformer",
    "बिजुली", "बत्ती", "लोडसेडिङ", "विद्युत", "ट्रान्सफर्मर", "बिजली", "కరెంటు", "విద్యుత్",
  ],
  sanitation: [
    "garbage", "waste", "sewage", "sewer", "drainage", "drain", "drains", "sanitation", "dumping", "landfill", "toilet",
    "toilets", "फोहोर", "फोहोरमैला", "ढल", "सरसफाइ", "ल्यान्डफिल", "कचरा", "नाला", "सफाई", "शौचालय", "చెత్త", "మురుగు",
    "పారిశుధ్యం", "డ్రైనేజీ",
  ],
  health: [
    "hospital", "hospitals", "health", "clinic", "doctor", "doctors", "dengue", "disease", "vaccine", "vaccination",
    "अस्पताल", "स्वास्थ्य", "डेंगु", "डेंगी", "रोग", "खोप", "डाक्टर", "डॉक्टर", "बीमारी", "डेंगू", "ఆసుపత్రి", "ఆరోగ్యం",
    "వైద్యులు", "డెంగ్యూ", "వ్యాధి",
  ],
  education: [
    "school", "schools", "college", "university", "student", "students", "teacher", "teachers", "exam", "exams",
    "education", "विद्यालय", "स्कुल", "शिक्षा", "विद्यार्थी", "शिक्षक", "परीक्षा", "क्याम्पस", "स्कूल", "छात्र", "పాఠశాల",
    "విద్య", "విద్యార్థులు", "ఉపాధ్యాయులు", "కళాశాల",
  ],
  corruption: [
    "corruption", "bribe", "bribery", "scam", "embezzlement", "irregularities", "fraud", "kickback", "kickbacks",
    "भ्रष्टाचार", "घूस", "घुस", "अनियमितता", "अख्तियार", "घोटाला", "रिश्वत", "అవినీతి", "లంచం", "కుంభకోణం",
  ],
  traffic: [
    "traffic", "congestion", "jam", "parking", "bus", "buses", "commuters", "ट्राफिक", "यातायात", "पार्किङ", "ट्रैफिक",
    "ట్రాఫిక్", "బస్సు", "పార్కింగ్", "రవాణా",
  ],
  housing: [
    "housing", "slum", "slums", "encroachment", "eviction", "evictions", "squatters", "अतिक्रमण", "सुकुमबासी", "आवास",
    "बस्ती", "झुग्गी", "मकान", "గృహ", "ఆక్రమణ", "మురికివాడ",
  ],
  crime: [
    "crime", "crimes", "theft", "robbery", "murder", "police", "assault", "अपराध", "चोरी", "हत्या", "प्रहरी", "डकैती",
    "पुलिस", "लूट", "నేరం", "దొంగతనం", "హత్య", "పోలీసులు",
  ],
  elections: [
    "election", "elections", "vote", "votes", "voters", "voting", "candidate", "candidates", "ballot", "campaign",
    "polls", "निर्वाचन", "चुनाव", "मतदान", "उम्मेदवार", "मतदाता", "प्रत्याशी", "ఎన్నికలు", "ఓటు", "ఓటర్లు", "అభ్యర్థి",
    "పోలింగ్",
  ],
  flooding: [
    "flood", "floods", "flooded", "flooding", "waterlogging", "inundated", "monsoon", "बाढी", "डुबान", "पहिरो", "बाढ़",
    "जलभराव", "వరద", "వరదలు", "ముంపు",
  ],
  pollution: [
    "pollution", "polluted", "smog", "dust", "air quality", "emissions", "प्रदूषण", "धुलो", "धुवाँ", "धूल", "धुआं",
    "కాలుష్యం", "దుమ్ము",
  ],
  employment: [
    "jobs", "job", "unemployment", "employment", "wages", "workers", "labour", "labor", "रोजगार", "रोजगारी",
    "बेरोजगारी", "श्रमिक", "मजदुर", "नौकरी", "मजदूर", "ఉద్యోగాలు", "నిరుద్యోగం", "కార్మికులు",
  ],
};
