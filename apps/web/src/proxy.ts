import { NextResponse } from "next/server";
import type { NextRequest } from "next/server";
import { env } from "./env";
import { contentSecurityPolicy, uploadOrigins } from "./server/content-security-policy";
import { PATHNAME_HEADER } from "./server/pathname-header";

/**
 * Hands the requested path to the section layouts, so a visitor who must sign in first comes back to the
 * exact page (a deep link from a notification, say) rather than the section's start page. It also sets the
 * pages' CSP from the running server's configuration: with UploadThing on, the upload form sends files to its
 * ingest server.
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(PATHNAME_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const response = NextResponse.next({ request: { headers } });
  const origins = uploadOrigins({
    token: env.UPLOADTHING_TOKEN,
    ingestUrl: env.UPLOADTHING_INGEST_URL,
  });
  if (origins.length > 0)
    response.headers.set(
      "Content-Security-Policy",
      contentSecurityPolicy({ dev: env.NODE_ENV !== "production", uploadOrigins: origins }),
    );
  return response;
}

export const config = {
  matcher: ["/helpdesk/:path*", "/intel/:path*", "/admin/:path*"],
};
