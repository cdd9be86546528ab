import type { ReactNode } from "react";

export function PageHeader({ title, intro }: { title: string; intro?: ReactNode }) {
  return (
    <div className="mb-6">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
      {intro && <p className="mt-1 text-slate-600">{intro}</p>}
    </div>
  );
}
