"use client";

import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { Alert, Button, cn, TextareaField } from "@sunuwai/ui";
import { userFacingError } from "~/lib/user-facing-error";
import { useTRPC } from "~/trpc/react";
import { useHelpdeskText } from "../language-provider";
import { useAfterGrievanceChange } from "./use-grievance-mutation";

type CommentKind = "note" | "reply";

/** An internal note (amber, staff only) or a public reply (green, goes to the complainant): never confused. */
export function CommentForm({ grievanceId }: { grievanceId: string }) {
  const { t } = useHelpdeskText();
  const trpc = useTRPC();
  const after = useAfterGrievanceChange(grievanceId);
  const [kind, setKind] = useState<CommentKind>("note");
  const [text, setText] = useState("");
  const [empty, setEmpty] = useState(false);
  const add = useMutation(
    trpc.grievance.addComment.mutationOptions({
      onSuccess: async (_result, input) => {
        setText("");
        await after(input.kind === "reply" ? t.comment.replySent : t.comment.noteAdded);
      },
    }),
  );
  const choices: { kind: CommentKind; label: string; help: string; tone: string }[] = [
    { kind: "note", label: t.comment.note, help: t.comment.noteHelp, tone: "amber" },
    { kind: "reply", label: t.comment.reply, help: t.comment.replyHelp, tone: "emerald" },
  ];
  const reply = kind === "reply";
  return (
    <form
      className="grid gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        if (!text.trim()) {
          setEmpty(true);
          return;
        }
        add.mutate({ grievanceId, kind, text: text.trim() });
      }}
    >
      <fieldset>
        <legend className="sr-only">{t.comment.kindLegend}</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {choices.map((choice) => (
            <label
              key={choice.kind}
              className={cn(
                "flex cursor-pointer gap-3 rounded-md border p-3 text-sm",
                kind === choice.kind
                  ? choice.tone === "amber"
                    ? "border-amber-400 bg-amber-50 ring-1 ring-amber-400"
                    : "border-emerald-500 bg-emerald-50 ring-1 ring-emerald-500"
                  : "border-slate-200 bg-white hover:bg-slate-50",
              )}
            >
              <input
                type="radio"
                name="comment-kind"
                value={choice.kind}
                checked={kind === choice.kind}
                onChange={() => setKind(choice.kind)}
                className="mt-0.5 size-4 accent-indigo-700"
              />
              <span>
                <span className="block font-medium text-slate-900">{choice.label}</span>
                <span className="block text-xs text-slate-600">{choice.help}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <TextareaField
        label={reply ? t.comment.replyLabel : t.comment.noteLabel}
        value={text}
        rows={4}
        maxLength={5000}
        error={empty ? t.comment.empty : undefined}
        onChange={(event) => {
          setEmpty(false);
          setText(event.target.value);
        }}
      />
      {add.isError && <Alert tone="error">{userFacingError(add.error)}</Alert>}
      <div>
        <Button
          type="submit"
          pending={add.isPending}
          className={reply ? "bg-emerald-700 hover:bg-emerald-800" : undefined}
        >
          {add.isPending
            ? reply
              ? t.comment.sending
              : t.comment.saving
            : reply
              ? t.comment.sendReply
              : t.comment.addNote}
        </Button>
      </div>
    </form>
  );
}
