/** What the global setup hands to test workers (vitest `provide`/`inject`). */
export interface ProvidedTestDatabase {
  /** Connection string of an admin database on the test server. */
  adminUrl: string;
  /** The migrated template database to copy. */
  template: string;
  /** Name prefix of every database this run creates (teardown drops them all). */
  prefix: string;
  /** `STRATEGY FILE_COPY` on PostgreSQL ≥ 15 (copies a small template several times faster), else empty. */
  cloneStrategy: string;
}

export const TEST_DATABASE_KEY = "sunuwaiTestDatabase";

declare module "vitest" {
  export interface ProvidedContext {
    sunuwaiTestDatabase: ProvidedTestDatabase;
  }
}
