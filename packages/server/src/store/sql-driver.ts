/** The little of a SQL client the installation store needs; PGlite and `pg` both fit behind it. */
export interface SqlQueryable {
  query<Row extends object>(sql: string, params?: readonly unknown[]): Promise<{ rows: Row[] }>;
}

export interface SqlDriver extends SqlQueryable {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
