"use client";

import { useRef, useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, ProgressBar, SelectField, Spinner, useToast } from "@sunuwai/ui";
import { useTRPC } from "~/trpc/react";
import { useHelpdeskText } from "../language-provider";
import { formatBytes } from "../time";
import { uploadFile, UploadRefused } from "./upload-request";

type UploadState =
  { kind: "idle" } | { kind: "uploading"; progress: number } | { kind: "error"; message: string };

/**
 * Attach a photo, PDF or voice note. The limits are shown before a file is chosen and checked before sending;
 * the server checks again (size while streaming, type by content) and its refusal is shown as it says it.
 */
export function UploadForm({ grievanceId }: { grievanceId: string }) {
  const { t } = useHelpdeskText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const limits = useQuery({ ...trpc.file.limits.queryOptions(), staleTime: Infinity });
  const [fileType, setFileType] = useState("image");
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<UploadState>({ kind: "idle" });
  const input = useRef<HTMLInputElement>(null);
  const rule = limits.data?.fileTypes.find((item) => item.fileType === fileType);

  const check = (chosen: File | null): string | null => {
    if (!chosen) return t.upload.chooseFile;
    if (!rule) return null;
    const extension = chosen.name.split(".").pop()?.toLowerCase() ?? "";
    if (!rule.extensions.includes(extension)) return t.upload.wrongExtension(rule.formats);
    if (chosen.size > rule.maxBytes)
      return t.upload.tooLarge(formatBytes(chosen.size), rule.maxSize);
    return null;
  };

  const submit = async () => {
    const problem = check(file);
    if (problem || !file) {
      setState({ kind: "error", message: problem ?? t.upload.chooseFile });
      return;
    }
    setState({ kind: "uploading", progress: 0 });
    try {
      const uploaded = await uploadFile({
        uploadThing: limits.data?.uploadThing ?? false,
        grievanceId,
        fileType,
        file,
        onProgress: (fraction) => setState({ kind: "uploading", progress: fraction * 100 }),
      });
      setState({ kind: "idle" });
      setFile(null);
      if (input.current) input.current.value = "";
      toast({ tone: "success", title: t.upload.processingStarted(uploaded.originalName) });
      await queryClient.invalidateQueries(trpc.grievance.detail.queryFilter({ grievanceId }));
    } catch (error) {
      setState({
        kind: "error",
        message: error instanceof UploadRefused ? error.message : t.upload.failed,
      });
    }
  };

  const uploading = state.kind === "uploading";
  const accept = rule
    ? [...rule.extensions.map((extension) => `.${extension}`), ...rule.mimeTypes].join(",")
    : undefined;
  return (
    <form
      className="grid grid-cols-1 gap-3 rounded-md border border-slate-200 bg-slate-50 p-4"
      aria-label={t.upload.title}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3 className="text-sm font-semibold text-slate-900">{t.upload.title}</h3>
      <div className="grid gap-3">
        <SelectField
          label={t.upload.fileType}
          value={fileType}
          disabled={uploading}
          onChange={(event) => {
            setFileType(event.target.value);
            setState({ kind: "idle" });
          }}
        >
          {(limits.data?.fileTypes ?? [{ fileType: "image" }]).map((item) => (
            <option key={item.fileType} value={item.fileType}>
              {t.upload.fileTypes[item.fileType] ?? item.fileType}
            </option>
          ))}
        </SelectField>
        <div>
          <label
            htmlFor={`${grievanceId}-file`}
            className="block text-sm font-medium text-slate-800"
          >
            {t.upload.file}
          </label>
          <input
            ref={input}
            id={`${grievanceId}-file`}
            type="file"
            accept={accept}
            disabled={uploading}
            aria-describedby={`${grievanceId}-file-limits`}
            onChange={(event) => {
              const chosen = event.target.files?.[0] ?? null;
              setFile(chosen);
              const problem = chosen ? check(chosen) : null;
              setState(problem ? { kind: "error", message: problem } : { kind: "idle" });
            }}
            className="mt-1 block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-white file:px-3 file:py-2 file:text-sm file:font-medium file:text-slate-800 file:ring-1 file:ring-slate-300 file:ring-inset hover:file:bg-slate-50"
          />
        </div>
      </div>
      <p id={`${grievanceId}-file-limits`} className="text-xs text-slate-600">
        {rule ? (
          t.upload.allowed(rule.formats, rule.maxSize)
        ) : (
          <span className="inline-flex items-center gap-1">
            <Spinner className="size-3" /> {t.upload.limitsLoading}
          </span>
        )}
      </p>
      {state.kind === "uploading" && (
        <div className="grid gap-1">
          <ProgressBar
            value={state.progress}
            label={t.upload.progress}
            valueText={t.upload.uploading(Math.round(state.progress))}
          />
          <p className="text-xs text-slate-600" aria-hidden="true">
            {t.upload.uploading(Math.round(state.progress))}
          </p>
        </div>
      )}
      {state.kind === "error" && <Alert tone="error">{state.message}</Alert>}
      <div>
        <Button type="submit" variant="secondary" pending={uploading}>
          {uploading ? t.upload.uploading(Math.round(state.progress)) : t.upload.submit}
        </Button>
      </div>
    </form>
  );
}
