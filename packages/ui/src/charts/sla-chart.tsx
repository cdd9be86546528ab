"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { ChartFrame } from "./chart-frame";
import { CHART_COLORS } from "./format";

export interface SlaChartRow {
  label: string;
  resolvedWithinSla: number;
  resolvedLate: number;
  openOnTime: number;
  openOverdue: number;
}

export interface SlaChartLabels {
  resolvedWithinSla: string;
  resolvedLate: string;
  openOnTime: string;
  openOverdue: string;
}

const SERIES = [
  { key: "resolvedWithinSla", color: CHART_COLORS.positive },
  { key: "resolvedLate", color: CHART_COLORS.selected },
  { key: "openOnTime", color: CHART_COLORS.primary },
  { key: "openOverdue", color: CHART_COLORS.negative },
] as const;

/** One stacked horizontal bar per officer or ward: resolved in time, resolved late, open, open and overdue. */
export function SlaChart({
  data,
  label,
  seriesLabels,
  testId,
}: {
  data: SlaChartRow[];
  label: string;
  seriesLabels: SlaChartLabels;
  testId?: string;
}) {
  const height = Math.max(120, data.length * 36 + 64);
  return (
    <ChartFrame label={label} height={height} testId={testId}>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height }}>
        <BarChart data={data} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={CHART_COLORS.grid} horizontal={false} />
          <XAxis
            type="number"
            allowDecimals={false}
            tick={{ fill: CHART_COLORS.axis, fontSize: 12 }}
          />
          <YAxis
            type="category"
            dataKey="label"
            width={180}
            tick={{ fill: CHART_COLORS.axis, fontSize: 12 }}
          />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {SERIES.map((series) => (
            <Bar
              key={series.key}
              dataKey={series.key}
              name={seriesLabels[series.key]}
              stackId="grievances"
              fill={series.color}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
