"use client";

import { SelectField } from "@sunuwai/ui";
import type { GrievanceStatusValue } from "@sunuwai/validators";
import { useStatusLabel } from "./labels";

/** A choice among the statuses a grievance may move to, each shown in both languages. */
export function StatusSelectField({
  label,
  hint,
  placeholder,
  options,
  value,
  onChange,
  className,
}: {
  label: string;
  hint?: string;
  placeholder: string;
  options: readonly GrievanceStatusValue[];
  value: GrievanceStatusValue | "";
  onChange: (status: GrievanceStatusValue | "") => void;
  className?: string;
}) {
  const statusLabel = useStatusLabel();
  return (
    <SelectField
      label={label}
      hint={hint}
      value={value}
      required
      onChange={(event) => onChange(event.target.value as GrievanceStatusValue | "")}
      className={className}
    >
      <option value="">{placeholder}</option>
      {options.map((option) => (
        <option key={option} value={option}>
          {statusLabel(option).primary} · {statusLabel(option).secondary}
        </option>
      ))}
    </SelectField>
  );
}
