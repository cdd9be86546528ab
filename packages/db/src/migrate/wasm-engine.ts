import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import type * as Bindings from "@prisma/schema-engine-wasm/schema_engine_bg";

type WasmExports = Record<string, unknown>;

type BindingsModule = typeof Bindings & {
  __wbg_set_wasm(exports: WasmExports): void;
};

/** The slice of the WebAssembly JS API used here (this project's TypeScript libs do not declare it). */
interface WebAssemblyApi {
  compile(bytes: Uint8Array): Promise<object>;
  instantiate(module: object, imports: Record<string, object>): Promise<{ exports: WasmExports }>;
}

const { WebAssembly } = globalThis as unknown as { WebAssembly: WebAssemblyApi };

export type { SchemaEngine };

/** The engine's last Rust panic message; wasm-bindgen reports it through this global. */
let lastPanic: string | undefined;

const panicRegistry = globalThis as unknown as {
  PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void };
};

let bindings: Promise<BindingsModule> | undefined;

/**
 * Prisma's schema engine compiled to wasm, loaded once per process. The package is bundler-style
 * wasm-bindgen output (its entry `import`s the `.wasm` file), so it is instantiated here by hand.
 */
export function loadSchemaEngineBindings(): Promise<BindingsModule> {
  bindings ??= (async () => {
    panicRegistry.PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message: (message: string) => {
        lastPanic = message;
      },
    };
    const glue = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as BindingsModule;
    const require = createRequire(import.meta.url);
    const glueFile = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmBytes = await readFile(path.join(path.dirname(glueFile), "schema_engine_bg.wasm"));
    const module = await WebAssembly.compile(wasmBytes);
    const instance = await WebAssembly.instantiate(module, {
      "./schema_engine_bg.js": glue,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return bindings;
}

/** Takes (and clears) the message of a Rust panic that happened inside the engine, if any. */
export function takeEnginePanic(): string | undefined {
  const message = lastPanic;
  lastPanic = undefined;
  return message;
}
