import { useId } from "react";
import type { ReactNode, SelectHTMLAttributes } from "react";
import { cn } from "./cn";

/** A labelled native <select>; `hint` and `error` are tied to it with aria-describedby. */
export function SelectField({
  label,
  hint,
  error,
  className,
  id,
  children,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
}) {
  const generatedId = useId();
  const selectId = id ?? generatedId;
  const hintId = hint ? `${selectId}-hint` : undefined;
  const errorId = error ? `${selectId}-error` : undefined;
  return (
    <div className={className}>
      <label htmlFor={selectId} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={selectId}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        className={cn(
          "mt-1 block h-10 w-full rounded-md border bg-white px-3 text-sm text-slate-900 shadow-xs",
          "focus:border-indigo-600 focus:ring-2 focus:ring-indigo-600/30 focus:outline-none",
          error ? "border-red-400" : "border-slate-300",
        )}
        {...props}
      >
        {children}
      </select>
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="mt-1 text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
