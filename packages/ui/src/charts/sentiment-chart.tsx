"use client";

import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { ChartFrame } from "./chart-frame";
import { CHART_COLORS, shortDay } from "./format";

export interface SentimentPoint {
  day: string;
  /** -1 … 1; null on days without articles (the line has a gap there). */
  sentiment: number | null;
}

/** Average sentiment per day on a fixed −1 … 1 scale, so periods and wards compare at a glance. */
export function SentimentChart({
  data,
  label,
  onSelectDay,
  height = 220,
}: {
  data: SentimentPoint[];
  label: string;
  onSelectDay?: (day: string) => void;
  height?: number;
}) {
  return (
    <ChartFrame label={label} height={height} testId="sentiment-chart">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height }}>
        <LineChart
          data={data}
          margin={{ top: 8, right: 8, bottom: 0, left: -16 }}
          onClick={(state) => {
            const day = typeof state.activeLabel === "string" ? state.activeLabel : null;
            const point = data.find((p) => p.day === day);
            if (point && point.sentiment !== null) onSelectDay?.(point.day);
          }}
        >
          <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
          <XAxis
            dataKey="day"
            tickFormatter={shortDay}
            tick={{ fill: CHART_COLORS.axis, fontSize: 12 }}
            minTickGap={16}
          />
          <YAxis
            domain={[-1, 1]}
            ticks={[-1, -0.5, 0, 0.5, 1]}
            tick={{ fill: CHART_COLORS.axis, fontSize: 12 }}
          />
          <ReferenceLine y={0} stroke={CHART_COLORS.axis} strokeDasharray="4 4" />
          <Tooltip
            labelFormatter={(day) => (typeof day === "string" ? shortDay(day) : "")}
            formatter={(value) => [
              typeof value === "number" ? value.toFixed(2) : "—",
              "Average sentiment",
            ]}
          />
          <Line
            type="monotone"
            dataKey="sentiment"
            stroke={CHART_COLORS.primary}
            strokeWidth={2}
            dot={{ r: 3 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
