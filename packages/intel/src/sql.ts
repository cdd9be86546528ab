import type { Db } from "@sunuwai/db";
import type { QueryResultRow } from "pg";

/** The part of a node-postgres client the bulk paths use (a `pg.Client`, a pool client, graphile-worker's client). */
export interface SqlRunner {
  query<Row extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<{ rows: Row[]; rowCount: number | null }>;
}

/** A tagged template as a parameterised query: `rows(runner, sql\`… ${value} …\`)` sends `$1` and the value apart. */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): { text: string; values: unknown[] } {
  let text = strings[0] ?? "";
  for (let i = 1; i < strings.length; i++) text += `$${i}${strings[i] ?? ""}`;
  return { text, values };
}

export async function rows<Row extends QueryResultRow>(runner: SqlRunner, query: { text: string; values: unknown[] }): Promise<Row[]> {
  return (await runner.query<Row>(query.text, query.values)).rows;
}

/** Raw queries through Prisma's pool, for code that holds a `Db` and calls SQL written for node-postgres. */
export function sqlThroughPrisma(db: Db): SqlRunner {
  return {
    query: async <Row extends QueryResultRow>(text: string, values: unknown[] = []) => {
      const result = await db.$queryRawUnsafe<Row[]>(text, ...values);
      return { rows: result, rowCount: result.length };
    },
  };
}
