/**
 * The scale part's PostgreSQL: `DATABASE_URL` (or `IMKIT_TEST_DATABASE_URL`) when the bench runs under
 * `scripts/with-postgres.sh`; otherwise the bench starts that script itself around a small Node process
 * that prints the cluster's URL and waits for its stdin to close, so closing it stops and deletes the
 * throwaway cluster. `createDatabase` gives each scenario a database of its own.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { repoRoot } from '../repo-paths.js';

export interface PostgresCluster {
  readonly url: string;
  /** A new empty database on the cluster; its connection string. */
  createDatabase(): Promise<string>;
  close(): Promise<void>;
}

const holder =
  'process.stdout.write(process.env.DATABASE_URL + "\\n"); process.stdin.resume(); process.stdin.on("end", () => process.exit(0));';

function startThrowawayCluster(timeoutMs: number): Promise<{ url: string; close(): Promise<void> }> {
  const child = spawn('bash', [join(repoRoot, 'scripts/with-postgres.sh'), process.execPath, '-e', holder], {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString('utf8')).slice(-2000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async () => {
    child.stdin.end();
    const timer = setTimeout(() => child.kill('SIGTERM'), 30_000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void close();
      reject(new Error(`with-postgres.sh gave no URL within ${timeoutMs} ms\n${errors}`));
    }, timeoutMs);
    const early = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`with-postgres.sh exited with ${code} before the cluster was up\n${errors}`));
    };
    child.once('exit', early);
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      child.removeListener('exit', early);
      if (!line.startsWith('postgresql://')) {
        void close();
        reject(new Error(`with-postgres.sh printed "${line.slice(0, 100)}" instead of a URL`));
      } else resolve({ url: line.trim(), close });
    });
  });
}

export async function openPostgresCluster(timeoutMs = 120_000): Promise<PostgresCluster> {
  const given = process.env.DATABASE_URL ?? process.env.IMKIT_TEST_DATABASE_URL ?? '';
  const cluster =
    given !== '' ? { url: given, close: async () => {} } : await startThrowawayCluster(timeoutMs);
  const created: string[] = [];
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: cluster.url, connectionTimeoutMillis: 10_000 });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  return {
    url: cluster.url,
    async createDatabase() {
      const name = `imkit_bench_scale_${randomBytes(6).toString('hex')}`;
      await admin(`CREATE DATABASE ${name}`);
      created.push(name);
      const url = new URL(cluster.url);
      url.pathname = `/${name}`;
      return url.href;
    },
    async close() {
      try {
        for (const name of created) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await cluster.close();
      }
    },
  };
}
