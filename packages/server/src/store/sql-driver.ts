/** The little of a SQL client the installation store and the job queue need; PGlite and `pg` both fit. */
export interface SqlQueryable {
  query<Row extends object>(sql: string, params?: readonly unknown[]): Promise<{ rows: Row[] }>;
}

export interface SqlDriver extends SqlQueryable {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  /** Runs several `;`-separated statements without parameters; resolves with the last one's rows. */
  script(sql: string): Promise<{ rows: object[] }>;
  close(): Promise<void>;
}
