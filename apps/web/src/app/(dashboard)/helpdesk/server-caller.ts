import { cache } from "react";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { createCaller, createTRPCContext } from "@sunuwai/api";
import { TRPCError } from "@trpc/server";

/**
 * The tRPC procedures as the signed-in viewer, called from the helpdesk's server components: the same
 * authorisation and services as the browser's calls, without an HTTP round trip. One caller per request.
 */
export const helpdeskCaller = cache(async () => {
  const cookie = (await headers()).get("cookie") ?? "";
  const req = new Request("http://localhost/api/trpc", { headers: { cookie } });
  return createCaller(await createTRPCContext({ req }));
});

/** The page answers 404 when the procedure says NOT_FOUND (missing, or outside the viewer's jurisdiction). */
export async function orNotFound<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
