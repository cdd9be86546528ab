import { NextResponse } from "next/server";
import type { NextRequest } from "next/server";
import { PATHNAME_HEADER } from "./server/pathname-header";

/**
 * Hands the requested path to the section layouts, so a visitor who must sign in first comes back to the
 * exact page (a deep link from a notification, say) rather than the section's start page.
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(PATHNAME_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/helpdesk/:path*", "/intel/:path*", "/admin/:path*"],
};
