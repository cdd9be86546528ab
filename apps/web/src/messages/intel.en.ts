// The ward intelligence screens' strings (part of `en`, kept apart because the section has many of them).
const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

export const intelEn = {
  title: "Ward intelligence",
  intro: "News coverage, alerts, electoral profiles and predictions per ward.",
  picker: {
    label: "Find a ward",
    placeholder: "Code, English or local name — e.g. KMC-10, Jubilee Hills, जूबली",
    noMatch: (query: string) => `No ward matches “${query}”.`,
    meta: (municipality: string, posts: number) =>
      `${municipality} · ${plural(posts, "article", "articles")}`,
    more: (n: number) =>
      `${plural(n, "more ward", "more wards")} match; keep typing to narrow the list.`,
  },
  wardsTitle: "Wards",
  wardsDescription:
    "Every ward with its code, local-script name and the articles counted in its pulse.",
  wardsEmpty: "No wards yet.",
  wardsEmptyHelpBefore: "Load the ward list with",
  wardsEmptyHelpAfter: ".",
  ward: {
    code: "Code",
    name: "Name",
    localName: "Local name",
    municipality: "Municipality / city",
    posts: "Articles",
    lastPost: "Latest article",
    none: "—",
  },
  noArticlesAnywhere: "No articles ingested yet.",
  noArticlesHelpBefore: "Run",
  noArticlesHelpAfter:
    "with a JSONL file of e-paper articles (or drop it in the inbox for the daily run). Each ward's pulse, topics and alerts then appear here.",
  recentAlertsTitle: "Recent alerts, all wards",
  allWards: "All wards",
  period: {
    label: "Period",
    days: (n: number) => `${n} days`,
    range: (from: string, to: string) => `${from} – ${to}`,
  },
  export: {
    pulse: "Download pulse (CSV)",
    results: "Download Form 20 results (CSV)",
  },
  pulse: {
    title: "Pulse",
    description:
      "Read from the daily rollup of ingested articles; near-duplicate stories count once.",
    warningsTitle: "Read these figures with care",
    empty: "No articles for this ward in the period.",
    emptyHelpBefore: "Ingest e-papers with",
    emptyHelpAfter: "or pick a longer period.",
    totals: (posts: number, outlets: number) =>
      `${plural(posts, "article", "articles")} from ${plural(outlets, "outlet", "outlets")}`,
    coverage: "Coverage",
    averageSentiment: "Average sentiment",
    negativeShare: "Negative articles",
    volumeTitle: "Articles per day",
    volumeLabel: (posts: number, days: number) =>
      `Bar chart: ${plural(posts, "article", "articles")} over ${plural(days, "day", "days")}. Click a bar to see its articles.`,
    sentimentTitle: "Sentiment over time",
    sentimentLabel:
      "Line chart of the average sentiment per day, from −1 (negative) to 1 (positive).",
    topicsTitle: "Top topics",
    partiesTitle: "Party mention share",
    sourcesTitle: "Top sources",
    shareLabel: (what: string, n: number) =>
      `Bar chart of ${what}: ${plural(n, "item", "items")}. Click a bar to see its articles.`,
    figure: (posts: number, share: string) => `${plural(posts, "article", "articles")} · ${share}`,
    noFigures: "None in this period.",
    day: (day: string) => `Articles on ${day}`,
    busiestDays: "Days with articles",
    showArticles: "Show articles",
    evidenceTitle: "Articles behind the figure",
    evidenceHint: "Click a bar, a point or a figure to list the articles it rests on.",
    thinBadge: "Thin",
  },
  evidence: {
    loading: "Loading articles…",
    none: "The articles behind this figure are no longer stored.",
    sampled: (shown: number) =>
      `Showing the ${plural(shown, "newest article", "newest articles")} behind it.`,
    duplicate: "Also covered elsewhere",
    sentiment: (value: number) => `Sentiment ${value > 0 ? "+" : ""}${value.toFixed(2)}`,
    open: "Open the article",
    analysedBy: (id: string) =>
      id.startsWith("openai:")
        ? `Read by OpenAI (${id.slice("openai:".length)})`
        : id.startsWith("lexicon:")
          ? "Read offline (lexicon)"
          : `Read by ${id}`,
  },
  alerts: {
    title: "Alerts",
    description:
      "Volume spikes, negative surges for a party, new topics and your saved keywords, with their evidence.",
    empty: "No alerts for this ward.",
    emptyHelp:
      "Alerts are raised after each ingestion when coverage spikes, turns sharply negative for a party, brings up a new topic, or mentions a saved keyword.",
    emptyAll: "No alerts yet.",
    unacknowledgedOnly: "Only unacknowledged",
    acknowledge: "Acknowledge",
    acknowledging: "Acknowledging…",
    acknowledged: (when: string) => `Acknowledged ${when}`,
    evidence: (n: number) => `Evidence (${n})`,
    hideEvidence: "Hide evidence",
    kind: {
      VOLUME_SPIKE: "Volume spike",
      NEGATIVE_SURGE: "Negative surge",
      NEW_TOPIC: "New topic",
      KEYWORD: "Saved keyword",
    },
    severity: { LOW: "Low", MEDIUM: "Medium", HIGH: "High" },
  },
  saved: {
    title: "Saved keyword alerts",
    description:
      "Get an alert whenever an article about this ward mentions one of these words (any script).",
    empty: "No saved keyword alerts for this ward.",
    emptyHelp: "Add keywords below; they are checked against every article ingested from now on.",
    keywords: "Keywords",
    keywordsHint: "Separate keywords with commas, e.g. खानेपानी, water, తాగునీరు",
    add: "Save keyword alert",
    adding: "Saving…",
    pause: "Pause",
    resume: "Resume",
    remove: "Delete",
    confirmRemove: "Delete this keyword alert? Alerts it already raised stay.",
    active: "Active",
    paused: "Paused",
    keywordsRequired: "Give at least one keyword.",
  },
  profile: {
    title: "Ward profile",
    updatedAt: (when: string) => `Updated ${when}`,
    population: "Population",
    households: "Households",
    area: "Area",
    areaValue: (km2: number) => `${km2.toLocaleString("en")} km²`,
    noProfile: "No profile figures are loaded for this ward.",
    demographics: "Demographics",
    features: "Features",
    electionsTitle: "Election results (Form 20)",
    noElections: "No Form 20 results for this ward yet.",
    noElectionsHelpBefore: "Load booth results with",
    noElectionsHelpAfter: "(long format, one row per candidate and polling station).",
    election: "Election",
    stations: "Polling stations",
    turnout: "Turnout",
    turnoutUnknown: "Unknown (no electors in the file)",
    validVotes: "Valid votes",
    winner: "Winner",
    margin: "Margin",
    marginValue: (votes: number, share: string) => `${votes.toLocaleString("en")} votes (${share})`,
    party: "Party",
    votes: "Votes",
    share: "Share",
  },
  prediction: {
    title: "Prediction",
    description:
      "Vote share per party for the next election, from the last Form 20 result and a bounded swing from recent coverage.",
    none: "No prediction for this ward yet.",
    noneHelp:
      "Name the election to predict below; every prediction is kept and scored once the actual result is loaded.",
    needsForm20Before: "Predictions start from a Form 20 result: load one with",
    needsForm20After: "first.",
    latest: (election: string, when: string) => `${election}, made ${when}`,
    chartLabel: (election: string) =>
      `Bar chart of the predicted vote share per party for ${election}, with intervals.`,
    party: "Party",
    share: "Predicted share",
    interval: "Interval",
    method: "How this was computed",
    election: "Election to predict",
    electionHint:
      "A name of your choice, e.g. KMC-2027; load its Form 20 later to score the prediction.",
    create: "Predict",
    creating: "Predicting…",
    electionRequired: "Name the election to predict.",
    ledgerTitle: "Ledger",
    ledgerDescription:
      "Every prediction of this ward, scored against the actual result once it is loaded.",
    ledgerEmpty: "No predictions yet.",
    ledgerSummary: (scored: number, mae: string | null, correct: number) =>
      scored === 0
        ? "None scored yet: the ledger scores a prediction when its election's Form 20 result is loaded."
        : `${plural(scored, "prediction", "predictions")} scored: mean absolute error ${mae ?? "—"}, winner right ${correct} of ${scored}.`,
    asOf: "Made",
    mae: "Mean absolute error",
    winner: "Winner right",
    open: "Not scored yet",
    yes: "Yes",
    no: "No",
  },
  ingest: {
    title: "E-paper ingestion",
    intro:
      "Every ingestion — from the command line (pnpm ingest), the daily inbox run, or started here — with its counts and bad lines.",
    linkTitle: "E-paper ingestion",
    linkDescription:
      "Ingestion runs with their counts and bad lines; start a run for a file in the inbox.",
    open: "Open ingestion runs",
    startTitle: "Ingest a file from the inbox",
    startDescription: (inbox: string) =>
      `JSONL files waiting in ${inbox}. The worker ingests the file and moves it to processed/ (or failed/).`,
    file: "File",
    start: "Ingest",
    starting: "Queuing…",
    queued: (file: string) => `${file} is queued; the run below updates as the worker goes.`,
    inboxEmpty: "The inbox is empty.",
    inboxEmptyHelpBefore:
      "Copy JSONL files into the inbox for the daily run, or ingest any file with",
    inboxEmptyHelpAfter: ".",
    runsTitle: "Runs",
    runsLive: "Refreshing every 2 seconds while a run is in progress.",
    runsEmpty: "No ingestion runs yet.",
    runsEmptyHelpBefore: "Run",
    runsEmptyHelpAfter: "or start one above.",
    status: {
      RUNNING: "Running",
      SUCCEEDED: "Succeeded",
      PARTIAL: "Partly ingested",
      FAILED: "Failed",
    },
    column: {
      file: "File",
      status: "Status",
      lines: "Lines",
      inserted: "Inserted",
      duplicates: "Duplicates",
      nearDuplicates: "Near-duplicates",
      invalid: "Invalid",
      started: "Started",
      finished: "Finished",
    },
    running: "In progress",
    badLines: (n: number) => `Bad lines (${n})`,
    hideBadLines: "Hide bad lines",
    line: "Line",
    error: "Problem",
    wholeFile: "Whole file",
    errorsCapped: (shown: number, total: number) =>
      `Showing the first ${shown} of ${total} bad lines.`,
  },
} as const;
