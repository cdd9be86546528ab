import path from "node:path";
import { defineConfig } from "prisma/config";

// The CLI is only used for `prisma generate` here; migrations run through `pnpm db:migrate` (wasm engine).
export default defineConfig({
  schema: path.join(import.meta.dirname, "prisma", "schema.prisma"),
  migrations: { path: path.join(import.meta.dirname, "prisma", "migrations") },
});
