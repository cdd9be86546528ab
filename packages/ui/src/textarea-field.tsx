import { useId } from "react";
import type { ReactNode, TextareaHTMLAttributes } from "react";
import { cn } from "./cn";

/** A labelled multi-line input; `hint` and `error` are tied to it with aria-describedby. */
export function TextareaField({
  label,
  hint,
  error,
  className,
  id,
  rows = 3,
  ...props
}: TextareaHTMLAttributes<HTMLTextAreaElement> & {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
}) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  return (
    <div className={className}>
      <label htmlFor={inputId} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea
        id={inputId}
        rows={rows}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        className={cn(
          "mt-1 block w-full rounded-md border bg-white px-3 py-2 text-sm text-slate-900 shadow-xs",
          "focus:border-indigo-600 focus:ring-2 focus:ring-indigo-600/30 focus:outline-none",
          error ? "border-red-400" : "border-slate-300",
        )}
        {...props}
      />
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
