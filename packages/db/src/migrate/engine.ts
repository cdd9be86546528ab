import { readFile } from "node:fs/promises";
import { bindAdapterFactory, MigrationAdapterFactory } from "./adapter";
import { loadSchemaEngineBindings, takeEnginePanic } from "./wasm-engine";
import type { SchemaEngine } from "./wasm-engine";

export interface EngineSession {
  engine: SchemaEngine;
  /** Frees the engine and closes every connection it opened. */
  close(): Promise<void>;
}

export interface OpenEngineOptions {
  /** Database the engine connects to (and creates shadow databases next to). */
  url: string;
  /** schema.prisma, for the engine's datasource/provider. */
  schemaPath: string;
  /** Receives the engine's own log lines (JSON); dropped when unset. */
  log?: (line: string) => void;
}

/** An engine instance bound to one database through adapter-pg. */
export async function openSchemaEngine(options: OpenEngineOptions): Promise<EngineSession> {
  const { SchemaEngine } = await loadSchemaEngineBindings();
  const schema = await readFile(options.schemaPath, "utf8");
  const factory = new MigrationAdapterFactory(options.url);
  const log = options.log ?? (() => undefined);
  let engine: SchemaEngine;
  try {
    engine = await SchemaEngine.new({ datamodels: [[options.schemaPath, schema]] }, log, bindAdapterFactory(factory));
  } catch (error) {
    await factory.close();
    throw engineError(error);
  }
  return {
    engine,
    close: async () => {
      engine.free();
      await factory.close();
    },
  };
}

/** The engine rejects with plain `Error`s; a Rust panic's message arrives separately through the panic registry. */
export function engineError(error: unknown): Error {
  const panic = takeEnginePanic();
  if (panic) return new Error(`Prisma schema engine panicked: ${panic}`);
  return error instanceof Error ? error : new Error(String(error));
}
