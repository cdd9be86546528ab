// Recharts-based charts for the dashboards (client components).
export { VolumeChart } from "./volume-chart";
export type { VolumePoint } from "./volume-chart";
export { SentimentChart } from "./sentiment-chart";
export type { SentimentPoint } from "./sentiment-chart";
export { ShareChart } from "./share-chart";
export type { ShareItem } from "./share-chart";
export { VoteShareChart } from "./vote-share-chart";
export type { VoteShareItem } from "./vote-share-chart";
export { percent, shortDay } from "./format";
export { SlaChart } from "./sla-chart";
export type { SlaChartLabels, SlaChartRow } from "./sla-chart";
