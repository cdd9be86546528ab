/** Function words that say nothing about a grievance's category (English and Nepali). */
// prettier-ignore
export const STOPWORDS: ReadonlySet<string> = new Set([
  // English
  "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "because", "been", "before",
  "but", "by", "can", "did", "do", "does", "even", "every", "for", "from", "get", "got", "had", "has", "have", "he",
  "her", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "last", "me", "more", "most", "my", "no",
  "nobody", "not", "now", "of", "on", "one", "only", "or", "our", "out", "please", "same", "she", "so", "some",
  "still", "than", "that", "the", "their", "them", "then", "there", "they", "this", "those", "three", "to", "two",
  "up", "us", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "why", "will", "with",
  "without", "would", "year", "years", "you", "your",
  // Nepali
  "र", "छ", "छन्", "छौँ", "छैन", "छैनन्", "हो", "होइन", "थियो", "थिए", "भएको", "भएका", "भयो", "भए", "गरेको", "गरेका",
  "गरे", "गर्न", "गर्छन्", "गरी", "पनि", "मा", "को", "का", "की", "ले", "लाई", "बाट", "देखि", "सम्म", "हाम्रो",
  "हाम्रा", "हामी", "हामीले", "हामीलाई", "मेरो", "मेरा", "मेरी", "म", "मैले", "मलाई", "उनी", "उनले", "उनको", "यो",
  "त्यो", "यस", "त्यस", "एक", "एउटा", "दुई", "तीन", "कुनै", "सबै", "धेरै", "अझै", "अहिले", "अहिलेसम्म", "तर", "वा",
  "भने", "भन्ने", "भनेर", "भनिएको", "कि", "नै", "त", "कृपया", "दिनुहोस्", "गरिदिनुहोस्", "हुन्छ", "हुँदा", "गर्दा",
  "पछि", "अघि", "वर्ष", "दिन", "जना",
]);
