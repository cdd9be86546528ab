import type { ReactNode } from "react";
import { requireSection } from "~/server/viewer";

export default async function IntelLayout({ children }: { children: ReactNode }) {
  await requireSection("intel");
  return children;
}
