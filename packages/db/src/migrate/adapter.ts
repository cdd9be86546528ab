import { randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum, DriverAdapterError } from "@prisma/driver-adapter-utils";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  SqlQueryable,
  Transaction,
} from "@prisma/driver-adapter-utils";
import pg from "pg";
import { databaseUrl, quoteIdent } from "./database-url";
import { dropDatabase, withClient } from "./pg-client";

/** Shadow databases made by this tool: `<prefix><epoch ms>_<random>`; the time lets a later run drop leftovers. */
const SHADOW_PREFIX = "sunuwai_shadow_";
/** A shadow database lives for seconds; one older than this was left behind by a killed process. */
const STALE_SHADOW_MS = 60 * 60 * 1000;

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type PgResult = { fields: { dataTypeID: number }[] };
type PgQueryable = SqlQueryable & { performIO(query: SqlQuery): Promise<PgResult> };

/**
 * adapter-pg 7.10 cannot type Postgres' internal `"char"` (oid 18), which the engine reads from pg_catalog
 * when it introspects (e.g. `pg_constraint.contype`), and the engine wants those columns as `Character`.
 * They are passed through adapter-pg as text, then re-labelled.
 */
function mapCharColumns<T extends SqlQueryable>(queryable: T): T {
  const io = queryable as unknown as PgQueryable;
  const performIO = io.performIO.bind(io);
  const queryRaw = io.queryRaw.bind(io);
  const charColumns = new WeakMap<SqlQuery, number[]>();
  io.performIO = async (query) => {
    const result = await performIO(query);
    const indexes: number[] = [];
    result.fields.forEach((field, index) => {
      if (field.dataTypeID !== PG_CHAR_OID) return;
      field.dataTypeID = PG_TEXT_OID;
      indexes.push(index);
    });
    charColumns.set(query, indexes);
    return result;
  };
  io.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of charColumns.get(query) ?? [])
      result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
  return queryable;
}

/**
 * adapter-pg 7.10 splits scripts on every `;`, which breaks function bodies (`$$ … ; … $$`). Prisma's native
 * engine sends a migration script as one simple-protocol query (all statements in one implicit transaction).
 */
function runScriptsWhole(
  adapter: SqlDriverAdapter & { underlyingDriver(): pg.Pool },
  onScriptError: (error: pg.DatabaseError) => void,
): SqlDriverAdapter {
  adapter.executeScript = async (script: string) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      if (!(error instanceof pg.DatabaseError)) throw error;
      onScriptError(error);
      throw new DriverAdapterError({
        kind: "postgres",
        code: error.code ?? "N/A",
        severity: error.severity ?? "N/A",
        message: error.message,
        detail: error.detail,
        column: error.column,
        hint: error.hint,
        originalCode: error.code,
        originalMessage: error.message,
      });
    }
  };
  return adapter;
}

function prepareAdapter(
  adapter: PgAdapter,
  onScriptError: (error: pg.DatabaseError) => void,
): SqlDriverAdapter {
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) =>
    mapCharColumns<Transaction>(await startTransaction(isolationLevel));
  return runScriptsWhole(mapCharColumns(adapter), onScriptError);
}

async function dropStaleShadowDatabases(url: string): Promise<void> {
  await withClient(url, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE $1",
      [`${SHADOW_PREFIX}%`],
    );
    for (const { datname } of rows) {
      const createdAt = Number(datname.slice(SHADOW_PREFIX.length).split("_")[0]);
      if (Date.now() - createdAt > STALE_SHADOW_MS) {
        await dropDatabase(client, datname);
      }
    }
  });
}

/**
 * The adapter factory the wasm schema engine talks through. It covers the gaps of adapter-pg 7.10 as a
 * migration adapter: the shadow database is a real separate database (adapter-pg's own reuses the main one when
 * given a connection string), it is dropped after its pool is closed (adapter-pg drops it first and fails), and
 * stale shadows of killed runs are cleaned up. `close()` ends every pool the engine left open.
 */
export class MigrationAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres";
  readonly adapterName = "@prisma/adapter-pg";
  private readonly open = new Set<() => Promise<void>>();
  /** The PostgreSQL error of the last migration script that failed (the engine's own message loses detail). */
  lastScriptError: pg.DatabaseError | undefined;

  constructor(private readonly url: string) {}

  async connect(): Promise<SqlDriverAdapter> {
    return this.track(await new PrismaPg({ connectionString: this.url, max: 4 }).connect());
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    await dropStaleShadowDatabases(this.url);
    const name = `${SHADOW_PREFIX}${Date.now()}_${randomBytes(6).toString("hex")}`;
    await withClient(this.url, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
    const shadow = await new PrismaPg({
      connectionString: databaseUrl(this.url, name),
      max: 4,
    }).connect();
    return this.track(shadow, () => withClient(this.url, (client) => dropDatabase(client, name)));
  }

  async close(): Promise<void> {
    for (const dispose of [...this.open]) await dispose();
  }

  /** Disposing twice (engine, then `close`) must not end a pool twice; `afterClose` runs once the pool is shut. */
  private track(adapter: PgAdapter, afterClose?: () => Promise<unknown>): SqlDriverAdapter {
    const endPool = adapter.dispose.bind(adapter);
    let disposed: Promise<void> | undefined;
    const dispose = () => {
      disposed ??= (async () => {
        this.open.delete(dispose);
        await endPool();
        await afterClose?.();
      })();
      return disposed;
    };
    adapter.dispose = dispose;
    this.open.add(dispose);
    return prepareAdapter(adapter, (error) => {
      this.lastScriptError = error;
    });
  }
}
