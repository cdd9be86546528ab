import type { TextareaHTMLAttributes } from "react";
import { Field } from "./field";
import type { FieldProps } from "./field";

/** A labelled multi-line input; `hint` and `error` are tied to it with aria-describedby. */
export function TextareaField({
  label,
  hint,
  error,
  className,
  id,
  rows = 3,
  ...props
}: Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "className"> & FieldProps) {
  return (
    <Field label={label} hint={hint} error={error} className={className} id={id} multiline>
      {(control) => <textarea rows={rows} {...control} {...props} />}
    </Field>
  );
}
