"use client";

import { useState } from "react";
import { TextareaField } from "@sunuwai/ui";
import { REASON_MAX_LENGTH, REASON_MIN_LENGTH } from "@sunuwai/validators";

/** A reason for the audit trail, checked by the server's rule (trimmed, at least REASON_MIN_LENGTH characters). */
export function useReason() {
  const [text, setText] = useState("");
  const [touched, setTouched] = useState(false);
  const value = text.trim();
  return {
    text,
    setText,
    /** What is sent: the text trimmed. */
    value,
    valid: value.length >= REASON_MIN_LENGTH,
    /** Whether to show the rule: once the field was left or the form sent. */
    touched,
    touch: () => setTouched(true),
    reset: () => {
      setText("");
      setTouched(false);
    },
  };
}

export type Reason = ReturnType<typeof useReason>;

export function ReasonField({
  reason,
  label,
  hint,
  tooShort,
  autoFocus,
}: {
  reason: Reason;
  label: string;
  hint: string;
  tooShort: string;
  autoFocus?: boolean;
}) {
  return (
    <TextareaField
      label={label}
      hint={hint}
      value={reason.text}
      required
      maxLength={REASON_MAX_LENGTH}
      error={reason.touched && !reason.valid ? tooShort : undefined}
      autoFocus={autoFocus}
      onChange={(event) => reason.setText(event.target.value)}
      onBlur={reason.touch}
    />
  );
}
