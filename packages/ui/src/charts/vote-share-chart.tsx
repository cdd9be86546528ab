"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  ErrorBar,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { ChartFrame } from "./chart-frame";
import { CHART_COLORS, percent } from "./format";

export interface VoteShareItem {
  party: string;
  /** 0 … 1 */
  share: number;
  low: number;
  high: number;
}

/** Predicted vote share per party with its interval drawn as an error bar. */
export function VoteShareChart({ data, label }: { data: VoteShareItem[]; label: string }) {
  const rows = data.map((item) => ({
    ...item,
    range: [item.share - item.low, item.high - item.share],
  }));
  const height = 240;
  return (
    <ChartFrame label={label} height={height} testId="vote-share-chart">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 480, height }}>
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -8 }}>
          <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
          <XAxis dataKey="party" tick={{ fill: CHART_COLORS.axis, fontSize: 12 }} />
          <YAxis
            domain={[0, 1]}
            tickFormatter={(v: number) => percent(v)}
            tick={{ fill: CHART_COLORS.axis, fontSize: 12 }}
          />
          <Tooltip
            formatter={(_value, _name, entry) => {
              const item = entry.payload as VoteShareItem;
              return [
                `${percent(item.share, 1)} (${percent(item.low, 1)}–${percent(item.high, 1)})`,
                "Predicted share",
              ];
            }}
          />
          <Bar dataKey="share" fill={CHART_COLORS.primary} isAnimationActive={false}>
            <ErrorBar
              dataKey="range"
              width={8}
              strokeWidth={2}
              stroke={CHART_COLORS.axis}
              direction="y"
              isAnimationActive={false}
            />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
