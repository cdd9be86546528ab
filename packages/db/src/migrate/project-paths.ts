import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The repository's Prisma folder, found from this file so it works from any working directory. Built with
 * `path` rather than `new URL(dir, import.meta.url)`, which Next's bundler tries to resolve as an asset.
 */
const PRISMA_DIR = `${path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../prisma")}/`;

export const DEFAULT_SCHEMA_PATH = `${PRISMA_DIR}schema.prisma`;
export const DEFAULT_MIGRATIONS_DIR = `${PRISMA_DIR}migrations`;

/** Where the schema and the migrations live; the repository's own by default (tests point at copies). */
export interface ProjectPaths {
  schemaPath?: string;
  migrationsDir?: string;
}

export function resolveProjectPaths(paths: ProjectPaths = {}): Required<ProjectPaths> {
  return {
    schemaPath: paths.schemaPath ?? DEFAULT_SCHEMA_PATH,
    migrationsDir: paths.migrationsDir ?? DEFAULT_MIGRATIONS_DIR,
  };
}
