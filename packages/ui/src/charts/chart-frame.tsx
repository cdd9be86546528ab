import type { ReactNode } from "react";

/**
 * A chart's box: its accessible name (screen readers get the summary, the figures are listed beside every chart)
 * and a fixed height, which Recharts' ResponsiveContainer needs from its parent.
 */
export function ChartFrame({
  label,
  height,
  testId,
  children,
}: {
  label: string;
  height: number;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <div role="img" aria-label={label} data-testid={testId} style={{ height }} className="w-full">
      {children}
    </div>
  );
}
