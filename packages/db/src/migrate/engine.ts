import { readFile } from "node:fs/promises";
import type { MigrationList, SchemaFilter } from "@prisma/schema-engine-wasm";
import type pg from "pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { MigrationAdapterFactory } from "./adapter";
import { readMigrationsDirectory } from "./migrations-directory";
import { resolveProjectPaths } from "./project-paths";
import type { ProjectPaths } from "./project-paths";
import { loadSchemaEngineBindings, takeEnginePanic } from "./wasm-engine";
import type { SchemaEngine } from "./wasm-engine";

/** Every table and enum in the schema is Prisma's to manage (none are "external"). */
export const NO_FILTERS: SchemaFilter = { externalTables: [], externalEnums: [] };

export interface EngineOptions extends ProjectPaths {
  /** Receives the engine's own log lines (JSON); dropped when unset. */
  log?: (line: string) => void;
}

export interface EngineContext {
  engine: SchemaEngine;
  schemaPath: string;
  schema: string;
  migrations: MigrationList;
}

/**
 * Runs `work` with a schema engine connected to `url` (and able to create shadow databases next to it),
 * then frees the engine and closes every connection it opened. Engine errors come out as readable `Error`s.
 */
export async function withSchemaEngine<T>(
  url: string,
  options: EngineOptions,
  work: (context: EngineContext) => Promise<T>,
): Promise<T> {
  const { schemaPath, migrationsDir } = resolveProjectPaths(options);
  const [{ SchemaEngine }, schema, migrations] = await Promise.all([
    loadSchemaEngineBindings(),
    readFile(schemaPath, "utf8"),
    readMigrationsDirectory(migrationsDir),
  ]);
  const factory = new MigrationAdapterFactory(url);
  try {
    const engine = await SchemaEngine.new(
      { datamodels: [[schemaPath, schema]] },
      options.log ?? (() => undefined),
      bindMigrationAwareSqlAdapterFactory(factory),
    );
    try {
      return await work({ engine, schemaPath, schema, migrations });
    } finally {
      engine.free();
    }
  } catch (error) {
    throw engineError(error, factory.lastScriptError);
  } finally {
    await factory.close();
  }
}

/**
 * The engine rejects with plain `Error`s: a summary, then a Rust span trace (`0: sql_schema_connector::…`) that
 * names the migration being applied. A Rust panic's message arrives separately through the panic registry.
 */
export function engineError(error: unknown, scriptError?: pg.DatabaseError): Error {
  const panic = takeEnginePanic();
  if (panic) return new Error(`The Prisma schema engine crashed: ${panic}`);
  if (!(error instanceof Error)) return new Error(String(error));
  const lines = error.message.split("\n");
  const traceStart = lines.findIndex((line) => /^\s*\d+: \w+::/.test(line));
  const summary = (traceStart === -1 ? lines : lines.slice(0, traceStart))
    .filter((line) => line.trim() !== "external connector error")
    .join("\n")
    .trim();
  const migration = /migration_name="([^"]+)"/.exec(error.message)?.[1];
  if (!migration) return new Error(summary, { cause: error });
  return new MigrationFailedError(
    migration,
    scriptError ? databaseErrorText(scriptError) : summary,
    error,
  );
}

/** A migration's SQL failed; the message names it and gives PostgreSQL's error. */
export class MigrationFailedError extends Error {
  constructor(
    readonly migration: string,
    reason: string,
    cause: unknown,
  ) {
    super(`Migration ${migration} failed: ${reason}`, { cause });
  }
}

function databaseErrorText(error: pg.DatabaseError): string {
  return [
    error.message,
    error.detail && `Detail: ${error.detail}`,
    error.hint && `Hint: ${error.hint}`,
  ]
    .filter(Boolean)
    .join("\n");
}
