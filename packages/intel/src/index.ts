// Ward intelligence services. They take plain inputs and a db handle, throw AppError, and never read helpdesk tables.
export { ingestFile } from "./ingest/ingest-file";
export type { IngestDeps, IngestFileInput, IngestProgress, IngestResult } from "./ingest/ingest-file";
export { ingestDir, listInboxFiles } from "./ingest/ingest-dir";
export { epaperInbox } from "./ingest/inbox";
export type { DirFileOutcome } from "./ingest/ingest-dir";
export { listIngestRuns, getIngestRun, createPendingIngestRun } from "./ingest/runs";
export { parseEpaperLine, epaperLineSchema } from "./ingest/line-schema";

export type { PostAnalyser, AnalysisInput, ArticleAnalysis } from "./analysis/analyser";
export { LexiconAnalyser } from "./analysis/lexicon-analyser";
export { OpenAiAnalyser } from "./analysis/openai-analyser";
export type { OpenAiAnalyserSettings } from "./analysis/openai-analyser";
export { createPostAnalyser } from "./analysis/select";

export { wardPulse } from "./pulse/ward-pulse";
export { recomputeWardRollup } from "./pulse/rollup";

export { raiseAlerts, raiseAlertsForWard } from "./alerts/raise";
export type { AlertSummary } from "./alerts/raise";
export { listAlerts, acknowledgeAlert, createSavedAlert, listSavedAlerts, updateSavedAlert, deleteSavedAlert } from "./alerts/service";

export { loadForm20 } from "./form20/load";
export type { Form20Result } from "./form20/load";
export { wardElections } from "./form20/aggregates";
export { wardMeta } from "./wards/meta";
export { listIntelWards } from "./wards/list";

export { predictWard, listPredictions } from "./prediction/predict";
export { scorePredictions } from "./prediction/score";

export { backfillSha } from "./backfill/backfill-sha";
export { backfillPostLinks } from "./backfill/backfill-post-links";

export { intelCronItems, dailyUtcCronPattern } from "./cron";

export { CSV_BOM, csvCell, csvRow, safeFileName } from "./export/csv";
export type { CsvCell } from "./export/csv";
export { PULSE_CSV_HEADER, pulseCsvFileName, pulseCsvRows } from "./export/pulse-csv";
export { RESULTS_CSV_HEADER, resultsCsvFileName, resultsCsvRows } from "./export/results-csv";
export { exportPulseCsv, exportResultsCsv } from "./export/export";
export type { CsvExport } from "./export/export";
