import { cache } from "react";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { createCaller, createTRPCContext } from "@sunuwai/api";
import { TRPCError } from "@trpc/server";

/**
 * The tRPC procedures called from server components, as the signed-in viewer: the same authorisation and services
 * as the browser's calls, without an HTTP round trip. One caller per request.
 */
export const serverCaller = cache(async () => {
  const cookie = (await headers()).get("cookie") ?? "";
  const req = new Request("http://localhost/api/trpc", { headers: { cookie } });
  return createCaller(await createTRPCContext({ req }));
});

/** Awaits a server-side call, answering the page with 404 when the procedure says NOT_FOUND (an unknown ward, or a grievance outside the viewer's jurisdiction). */
export async function orNotFound<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
