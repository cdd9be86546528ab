import type { ReactNode } from "react";
import { requireSection } from "~/server/viewer";

export default async function HelpdeskLayout({ children }: { children: ReactNode }) {
  await requireSection("helpdesk");
  return children;
}
