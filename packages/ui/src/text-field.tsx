import type { InputHTMLAttributes } from "react";
import { Field } from "./field";
import type { FieldProps } from "./field";

/** A labelled input; `hint` and `error` are tied to it with aria-describedby. */
export function TextField({
  label,
  hint,
  error,
  className,
  id,
  ...props
}: Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "className"> & FieldProps) {
  return (
    <Field label={label} hint={hint} error={error} className={className} id={id}>
      {(control) => <input {...control} {...props} />}
    </Field>
  );
}
