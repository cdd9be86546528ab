import type { SelectHTMLAttributes } from "react";
import { Field } from "./field";
import type { FieldProps } from "./field";

/** A labelled native <select>; `hint` and `error` are tied to it with aria-describedby. */
export function SelectField({
  label,
  hint,
  error,
  className,
  id,
  children,
  ...props
}: Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "className"> & FieldProps) {
  return (
    <Field label={label} hint={hint} error={error} className={className} id={id}>
      {(control) => (
        <select {...control} {...props}>
          {children}
        </select>
      )}
    </Field>
  );
}
