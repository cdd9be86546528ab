import { redirect } from "next/navigation";
import { landingPath } from "~/lib/sections";
import { getViewer } from "~/server/viewer";

/** The start page only routes: to the login page, or to the section the viewer's role works in. */
export default async function StartPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  const viewer = await getViewer();
  const { callbackUrl } = await searchParams;
  if (!viewer) redirect("/login");
  redirect(landingPath(viewer.role, typeof callbackUrl === "string" ? callbackUrl : null));
}
