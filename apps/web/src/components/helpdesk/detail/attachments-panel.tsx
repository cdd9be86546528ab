"use client";

import type { BadgeTone } from "@sunuwai/ui";
import { Badge, Card, EmptyState } from "@sunuwai/ui";
import type { GrievanceDetail } from "@sunuwai/validators";
import { useHelpdeskText } from "../language-provider";
import { formatBytes } from "../time";
import { UploadForm } from "./upload-form";

type Attachment = GrievanceDetail["attachments"][number];

const STATUS_TONES: Record<Attachment["status"], BadgeTone> = {
  PENDING: "neutral",
  PROCESSED: "success",
  REJECTED: "danger",
};

function AttachmentItem({ file }: { file: Attachment }) {
  const { t } = useHelpdeskText();
  const href = `/api/v1/files/${file.fileId}`;
  return (
    <li className="flex gap-3 rounded-md border border-slate-200 p-3">
      {file.hasThumbnail ? (
        // A plain <img>: thumbnails come from the authorised download route, which needs the session cookie.
        <img
          src={`${href}?variant=thumbnail`}
          alt={t.attachments.preview(file.originalName)}
          className="size-16 shrink-0 rounded object-cover ring-1 ring-slate-200"
        />
      ) : (
        <span
          aria-hidden="true"
          className="flex size-16 shrink-0 items-center justify-center rounded bg-slate-100 text-xs font-semibold text-slate-500"
        >
          {file.fileType === "IMAGE" ? "IMG" : file.fileType === "VOICE" ? "AUDIO" : "PDF"}
        </span>
      )}
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-medium text-slate-900" title={file.originalName}>
          {file.originalName}
        </p>
        <p className="mt-0.5 flex flex-wrap items-center gap-2 text-xs text-slate-600">
          <span>{t.attachments.kinds[file.fileType]}</span>
          <span aria-hidden="true">·</span>
          <span>{formatBytes(file.sizeBytes)}</span>
          <Badge tone={STATUS_TONES[file.status]}>{t.attachments.statuses[file.status]}</Badge>
        </p>
        {file.status === "PENDING" && (
          <p className="mt-1 text-xs text-slate-500">{t.attachments.pendingNote}</p>
        )}
        {file.status === "REJECTED" && file.rejectReason && (
          <p className="mt-1 text-xs text-red-700">{file.rejectReason}</p>
        )}
        {file.fileType === "VOICE" && file.status === "PROCESSED" && (
          <div className="mt-2 text-xs">
            <p className="font-semibold text-slate-700">{t.attachments.transcript}</p>
            <p className="mt-0.5 whitespace-pre-wrap text-slate-700">
              {file.transcript ?? t.attachments.awaitingTranscription}
            </p>
          </div>
        )}
        {file.status !== "REJECTED" && (
          <a
            href={href}
            download
            aria-label={t.attachments.downloadName(file.originalName)}
            className="mt-1 inline-block text-xs font-medium text-indigo-700 hover:underline"
          >
            {t.attachments.download}
          </a>
        )}
      </div>
    </li>
  );
}

/** The grievance's files with their processing state, previews and transcripts; and a form to add one. */
export function AttachmentsPanel({ grievance }: { grievance: GrievanceDetail }) {
  const { t } = useHelpdeskText();
  return (
    <Card title={t.attachments.title}>
      <div className="grid grid-cols-1 gap-4">
        {grievance.attachments.length === 0 ? (
          <EmptyState title={t.attachments.empty} className="py-6">
            {t.attachments.emptyHelp}
          </EmptyState>
        ) : (
          <ul className="grid gap-2" aria-label={t.attachments.caption}>
            {grievance.attachments.map((file) => (
              <AttachmentItem key={file.fileId} file={file} />
            ))}
          </ul>
        )}
        <UploadForm grievanceId={grievance.id} />
      </div>
    </Card>
  );
}
