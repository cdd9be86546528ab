"use client";

import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import type { ReactNode } from "react";
import { cn } from "./cn";

type ToastTone = "success" | "error" | "info";

interface ToastMessage {
  id: number;
  tone: ToastTone;
  title: ReactNode;
  body?: ReactNode;
}

type ShowToast = (toast: Omit<ToastMessage, "id">) => void;

const ToastContext = createContext<ShowToast | null>(null);

const tones: Record<ToastTone, string> = {
  success: "border-emerald-300 bg-emerald-50 text-emerald-900",
  error: "border-red-300 bg-red-50 text-red-900",
  info: "border-indigo-200 bg-white text-slate-900",
};

/** How long a confirmation stays; errors stay until dismissed, since they may need reading twice. */
const DISMISS_AFTER_MS = 6_000;
/** Older ones make way, so the corner never covers much of the page. */
const MAX_TOASTS = 3;

function ToastItem({
  toast,
  onDismiss,
  dismissLabel,
}: {
  toast: ToastMessage;
  onDismiss: (id: number) => void;
  dismissLabel: string;
}) {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    if (toast.tone === "error") return;
    timer.current = setTimeout(() => onDismiss(toast.id), DISMISS_AFTER_MS);
    return () => clearTimeout(timer.current);
  }, [toast, onDismiss]);
  return (
    <li
      className={cn(
        "pointer-events-auto flex items-start gap-3 rounded-md border px-4 py-3 text-sm shadow-lg",
        tones[toast.tone],
      )}
    >
      <div className="min-w-0 flex-1">
        <p className="font-semibold">{toast.title}</p>
        {toast.body && <div className="mt-0.5">{toast.body}</div>}
      </div>
      <button
        type="button"
        onClick={() => onDismiss(toast.id)}
        aria-label={dismissLabel}
        className="-m-1 rounded p-1 opacity-70 hover:opacity-100 focus-visible:outline-2 focus-visible:outline-indigo-700"
      >
        <span aria-hidden="true">×</span>
      </button>
    </li>
  );
}

/**
 * Short confirmations ("Note added") and errors of background actions, announced politely (errors assertively)
 * in a fixed corner region.
 */
export function ToastProvider({
  children,
  label = "Notifications",
  dismissLabel = "Dismiss",
}: {
  children: ReactNode;
  label?: string;
  dismissLabel?: string;
}) {
  const [toasts, setToasts] = useState<ToastMessage[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => {
    setToasts((current) => current.filter((toast) => toast.id !== id));
  }, []);
  const show = useCallback<ShowToast>((toast) => {
    const id = nextId.current++;
    setToasts((current) => [...current.slice(-(MAX_TOASTS - 1)), { ...toast, id }]);
  }, []);
  const errors = useMemo(() => toasts.filter((toast) => toast.tone === "error"), [toasts]);
  const others = useMemo(() => toasts.filter((toast) => toast.tone !== "error"), [toasts]);

  return (
    <ToastContext.Provider value={show}>
      {children}
      <div
        aria-label={label}
        role="region"
        className="pointer-events-none fixed right-4 bottom-4 z-50 flex w-full max-w-sm flex-col gap-2"
      >
        <ul role="status" aria-live="polite" className="flex flex-col gap-2">
          {others.map((toast) => (
            <ToastItem
              key={toast.id}
              toast={toast}
              onDismiss={dismiss}
              dismissLabel={dismissLabel}
            />
          ))}
        </ul>
        <ul role="alert" aria-live="assertive" className="flex flex-col gap-2">
          {errors.map((toast) => (
            <ToastItem
              key={toast.id}
              toast={toast}
              onDismiss={dismiss}
              dismissLabel={dismissLabel}
            />
          ))}
        </ul>
      </div>
    </ToastContext.Provider>
  );
}

/** `toast({ tone, title, body })` inside a ToastProvider. */
export function useToast(): ShowToast {
  const show = useContext(ToastContext);
  if (!show) throw new Error("useToast must be used inside a ToastProvider");
  return show;
}
