import path from "node:path";
import {
  applyMigrations,
  installJobQueue,
  checkDrift,
  createMigration,
  DEFAULT_MIGRATIONS_DIR,
  MigrationFailedError,
  migrationSlug,
  migrationStatus,
  openMigrationDatabase,
  resolveMigration,
  takeEnginePanic,
} from "../migrate";
import type { MigrationDatabase, MigrationStatus } from "../migrate";

const USAGE = `Usage: pnpm db:migrate [command]

  deploy (default)        apply pending migrations from prisma/migrations
  status                  compare the database's migration history with prisma/migrations (exit 1 unless clean)
  check                   exit 1 (and print the SQL) when schema.prisma and prisma/migrations disagree
  create <name>           write prisma/migrations/<timestamp>_<name>/migration.sql for schema.prisma's changes
  resolve --rolled-back <migration> | --applied <migration>
                          record how a failed migration was repaired by hand

Database: DATABASE_URL, or the embedded PostgreSQL under DATA_DIR (started for the command when not running).`;

const repoRoot = path.resolve(DEFAULT_MIGRATIONS_DIR, "../..");
const shown = (file: string) => path.relative(repoRoot, file);
const print = (text = "") => process.stdout.write(`${text}\n`);
const list = (names: string[]) => names.map((name) => `    ${name}`).join("\n");

async function deploy(db: MigrationDatabase): Promise<number> {
  const { applied } = await applyMigrations(db.url);
  if (applied.length === 0) print(`No pending migrations: ${db.description} is up to date.`);
  else print(`Applied ${applied.length} migration(s) to ${db.description}:\n${list(applied)}`);
  await installJobQueue(db.url);
  print("Job queue schema (graphile_worker) is up to date.");
  return 0;
}

function reportStatus(status: MigrationStatus): void {
  const sections: [string[], string, string][] = [
    [status.pending, "Not yet applied", "Apply them with `pnpm db:migrate`."],
    [
      status.edited,
      "Changed after being applied (checksum differs)",
      "Restore the applied migration.sql and put the change in a new migration.",
    ],
    [
      status.failed,
      "Failed",
      "Repair the database by hand, then `pnpm db:migrate resolve --rolled-back <name>` (to run it again) or `--applied <name>`.",
    ],
    [
      status.missingLocally,
      "Applied to the database but missing from prisma/migrations",
      "Check out the branch that has them, or check that DATABASE_URL points at the right database.",
    ],
  ];
  for (const [names, title, advice] of sections) {
    if (names.length > 0) print(`\n${title}:\n${list(names)}\n  ${advice}`);
  }
}

async function status(db: MigrationDatabase): Promise<number> {
  const result = await migrationStatus(db.url);
  print(`Database: ${db.description}`);
  print(
    `${result.local.length} migration(s) in ${shown(DEFAULT_MIGRATIONS_DIR)}, ${result.applied.length} applied.`,
  );
  if (result.clean) {
    print("The database is up to date.");
    return 0;
  }
  reportStatus(result);
  return 1;
}

async function check(db: MigrationDatabase): Promise<number> {
  const drift = await checkDrift(db.url);
  if (drift.inSync) {
    print(`schema.prisma and ${shown(DEFAULT_MIGRATIONS_DIR)} agree.`);
    return 0;
  }
  print(
    `schema.prisma has changes that no migration in ${shown(DEFAULT_MIGRATIONS_DIR)} makes. They need:\n`,
  );
  print(drift.sql.trimEnd());
  print("\nWrite a migration for them with `pnpm db:migrate create <name>`.");
  return 1;
}

async function create(db: MigrationDatabase, name: string): Promise<number> {
  const result = await createMigration(db.url, name);
  if (!result.created) {
    print("No changes: schema.prisma matches the migrations, nothing was written.");
    return 0;
  }
  print(`Created ${shown(path.join(result.directory, "migration.sql"))}:\n`);
  print(result.sql.trimEnd());
  print(
    "\nReview it (hand-written SQL goes below the generated part), then apply it with `pnpm db:migrate`.",
  );
  return 0;
}

class UsageError extends Error {}

type Command = (db: MigrationDatabase) => Promise<number>;

/** The command to run; arguments are checked before any database is opened. */
function parseCommand([command = "deploy", ...rest]: string[]): Command {
  switch (command) {
    case "deploy":
      return deploy;
    case "status":
      return status;
    case "check":
      return check;
    case "create": {
      if (rest.length === 0) {
        throw new UsageError("create needs a name: `pnpm db:migrate create add_ward_notes`.");
      }
      const name = rest.join(" ");
      migrationSlug(name); // refuses an unusable name before a database is started
      return (db) => create(db, name);
    }
    case "resolve": {
      const [flag, name] = rest;
      if ((flag !== "--rolled-back" && flag !== "--applied") || !name) {
        throw new UsageError("resolve needs --rolled-back <migration> or --applied <migration>.");
      }
      return async (db) => {
        await resolveMigration(db.url, name, flag === "--applied" ? "applied" : "rolled-back");
        print(`Recorded ${name} as ${flag.slice(2)}.`);
        return 0;
      };
    }
    default:
      throw new UsageError(`Unknown command "${command}".`);
  }
}

async function run(args: string[]): Promise<number> {
  if (["help", "--help", "-h"].includes(args[0] ?? "")) {
    print(USAGE);
    return 0;
  }
  const command = parseCommand(args);
  const db = await openMigrationDatabase();
  try {
    return await command(db);
  } finally {
    await db.close();
  }
}

// A Rust panic inside the wasm engine surfaces as an uncaught "unreachable"; say what the engine said instead.
process.once("uncaughtException", (error) => {
  process.stderr.write(
    `db:migrate: the Prisma schema engine crashed: ${takeEnginePanic() ?? error.message}\n`,
  );
  process.exit(1);
});

try {
  const code = await run(process.argv.slice(2));
  process.exit(code);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`db:migrate: ${message}\n`);
  if (error instanceof UsageError) process.stderr.write(`\n${USAGE}\n`);
  if (error instanceof MigrationFailedError) {
    process.stderr.write(
      `\nPostgreSQL rolled the migration's statements back. Fix ${error.migration}/migration.sql, then run\n` +
        `\`pnpm db:migrate resolve --rolled-back ${error.migration}\` and \`pnpm db:migrate\` again.\n`,
    );
  }
  process.exit(1);
}
