import type { QueryResultRow } from "pg";

/** The part of a node-postgres client the bulk paths use (a `pg.Client`, a pool client, graphile-worker's client). */
export interface SqlRunner {
  query<Row extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<{ rows: Row[]; rowCount: number | null }>;
}
