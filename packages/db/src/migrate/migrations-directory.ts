import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { MigrationList } from "@prisma/schema-engine-wasm";

export const LOCKFILE_NAME = "migration_lock.toml";
export const MIGRATION_FILE_NAME = "migration.sql";

async function readOptional(file: string): Promise<string | null> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/** The migrations folder as the schema engine expects it (what Prisma's CLI reads from disk), in name order. */
export async function readMigrationsDirectory(migrationsDir: string): Promise<MigrationList> {
  const baseDir = path.resolve(migrationsDir);
  const entries = await readdir(baseDir, { withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return [];
      throw error;
    },
  );
  const folders = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return {
    baseDir,
    lockfile: {
      path: LOCKFILE_NAME,
      content: await readOptional(path.join(baseDir, LOCKFILE_NAME)),
    },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      folders.map(async (folder) => {
        const content = await readOptional(path.join(baseDir, folder, MIGRATION_FILE_NAME));
        return {
          path: folder,
          migrationFile: {
            path: MIGRATION_FILE_NAME,
            content:
              content === null
                ? { tag: "error" as const, value: `${folder}/${MIGRATION_FILE_NAME} is missing` }
                : { tag: "ok" as const, value: content },
          },
        };
      }),
    ),
  };
}
