import { useId } from "react";
import type { ReactNode } from "react";
import { cn } from "./cn";

export interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  className?: string;
  id?: string;
}

/** What the control inside a Field needs: its id, the ARIA ties to the hint and error, and its look. */
export interface FieldControlProps {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
  className: string;
}

/**
 * The label, hint and error around one form control, tied to it with aria-describedby; `children` renders the
 * control (input, select, textarea) with the props it is given. `multiline` controls grow instead of 40 px high.
 */
export function Field({
  label,
  hint,
  error,
  className,
  id,
  multiline = false,
  children,
}: FieldProps & { multiline?: boolean; children: (control: FieldControlProps) => ReactNode }) {
  const generatedId = useId();
  const controlId = id ?? generatedId;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  return (
    <div className={className}>
      <label htmlFor={controlId} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({
        id: controlId,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
        className: cn(
          "mt-1 block w-full rounded-md border bg-white px-3 text-sm text-slate-900 shadow-xs",
          multiline ? "py-2" : "h-10",
          "focus:border-indigo-600 focus:ring-2 focus:ring-indigo-600/30 focus:outline-none",
          error ? "border-red-400" : "border-slate-300",
        ),
      })}
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
