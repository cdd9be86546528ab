import type { ReactNode } from "react";
import { requireSection } from "~/server/viewer";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireSection("admin");
  return children;
}
