"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { ChartFrame } from "./chart-frame";
import { CHART_COLORS, percent } from "./format";

export interface ShareItem {
  key: string;
  posts: number;
  /** 0 … 1 */
  share: number;
  thin: boolean;
}

/** Horizontal bars of shares (topics, parties, sources); a bar can be clicked to show its articles. */
export function ShareChart({
  data,
  label,
  selectedKey,
  onSelect,
  testId,
}: {
  data: ShareItem[];
  label: string;
  selectedKey?: string | null;
  onSelect?: (key: string) => void;
  testId?: string;
}) {
  const height = Math.max(96, data.length * 32 + 32);
  return (
    <ChartFrame label={label} height={height} testId={testId}>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 360, height }}>
        <BarChart data={data} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={CHART_COLORS.grid} horizontal={false} />
          <XAxis
            type="number"
            domain={[0, 1]}
            tickFormatter={(v: number) => percent(v)}
            tick={{ fill: CHART_COLORS.axis, fontSize: 12 }}
          />
          <YAxis
            type="category"
            dataKey="key"
            width={128}
            tick={{ fill: CHART_COLORS.axis, fontSize: 12 }}
          />
          <Tooltip
            formatter={(value, _name, entry) => [
              `${percent(Number(value))} (${(entry.payload as ShareItem).posts})`,
              "Share",
            ]}
          />
          <Bar
            dataKey="share"
            isAnimationActive={false}
            cursor={onSelect ? "pointer" : undefined}
            onClick={(_item, index) => {
              const item = data[index];
              if (item) onSelect?.(item.key);
            }}
          >
            {data.map((item) => (
              <Cell
                key={item.key}
                fill={
                  item.key === selectedKey
                    ? CHART_COLORS.selected
                    : item.thin
                      ? CHART_COLORS.thin
                      : CHART_COLORS.primary
                }
              />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
