import { NO_FILTERS, withSchemaEngine } from "./engine";
import type { EngineContext, EngineOptions } from "./engine";

/** The engine's diff answers exit code 2 when the two sides differ (`--exit-code`). */
const DIFF_NOT_EMPTY = 2;

export interface DriftResult {
  /** True when applying the migrations yields exactly the schema in schema.prisma. */
  inSync: boolean;
  /** SQL that would take the migrations to schema.prisma; empty when in sync. */
  sql: string;
}

/** Diffs "all migrations applied to a fresh shadow database" against schema.prisma. */
export async function diffMigrationsToSchema(context: EngineContext): Promise<DriftResult> {
  const result = await context.engine.diff({
    from: { tag: "migrations", ...context.migrations },
    to: { tag: "schemaDatamodel", files: [{ path: context.schemaPath, content: context.schema }] },
    script: true,
    exitCode: true,
    filters: NO_FILTERS,
  });
  const inSync = result.exitCode !== DIFF_NOT_EMPTY;
  return { inSync, sql: inSync ? "" : (result.stdout ?? "") };
}

/**
 * Whether schema.prisma and the migrations folder agree. Needs a server where it may create (and then drop) a
 * temporary shadow database; `url` is only used for that, its own contents are not read.
 */
export async function checkDrift(url: string, options: EngineOptions = {}): Promise<DriftResult> {
  return withSchemaEngine(url, options, diffMigrationsToSchema);
}
