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
import { CHART_COLORS, shortDay } from "./format";

export interface VolumePoint {
  /** YYYY-MM-DD */
  day: string;
  posts: number;
  /** The figure rests on few articles or one outlet: drawn paler. */
  thin: boolean;
}

/** Articles per day as bars; a bar can be clicked to show the articles behind it. */
export function VolumeChart({
  data,
  label,
  selectedDay,
  onSelectDay,
  height = 220,
}: {
  data: VolumePoint[];
  label: string;
  selectedDay?: string | null;
  onSelectDay?: (day: string) => void;
  height?: number;
}) {
  return (
    <ChartFrame label={label} height={height} testId="volume-chart">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height }}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
          <XAxis
            dataKey="day"
            tickFormatter={shortDay}
            tick={{ fill: CHART_COLORS.axis, fontSize: 12 }}
            minTickGap={16}
          />
          <YAxis allowDecimals={false} tick={{ fill: CHART_COLORS.axis, fontSize: 12 }} />
          <Tooltip
            labelFormatter={(day) => (typeof day === "string" ? shortDay(day) : "")}
            formatter={(value) => [value, "Articles"]}
          />
          <Bar
            dataKey="posts"
            isAnimationActive={false}
            cursor={onSelectDay ? "pointer" : undefined}
            onClick={(_item, index) => {
              const point = data[index];
              if (point && point.posts > 0) onSelectDay?.(point.day);
            }}
          >
            {data.map((point) => (
              <Cell
                key={point.day}
                fill={
                  point.day === selectedDay
                    ? CHART_COLORS.selected
                    : point.thin
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
