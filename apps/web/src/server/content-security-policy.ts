/**
 * The app's Content-Security-Policy. No third-party origins: everything (scripts, styles, fonts, API calls) is
 * served by this app, except the UploadThing ingest server the dashboard sends files to when UploadThing is on.
 * Next's inline bootstrap scripts need 'unsafe-inline'; React's dev tooling also needs 'unsafe-eval'.
 */
export function contentSecurityPolicy(options: {
  dev: boolean;
  uploadOrigins?: readonly string[];
}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    ["connect-src 'self'", ...(options.uploadOrigins ?? [])].join(" "),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** UploadThing's public ingest servers (`<region>.ingest.uploadthing.com`). */
export const UPLOADTHING_INGEST_ORIGINS = "https://*.ingest.uploadthing.com";

/** Where the browser uploads to: nowhere else without a token, else the configured or public ingest server. */
export function uploadOrigins(config: { token?: string; ingestUrl?: string }): string[] {
  if (!config.token) return [];
  return [config.ingestUrl ? new URL(config.ingestUrl).origin : UPLOADTHING_INGEST_ORIGINS];
}
