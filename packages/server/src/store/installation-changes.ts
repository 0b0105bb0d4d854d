import pg from 'pg';

/** The channel migration 5's trigger notifies with the changed installation's member_id. */
export const installationChannel = 'imkit_installations';
/** `application_name` of the LISTEN connection, so operators can tell it in `pg_stat_activity`. */
export const changeListenerName = 'imkit-installation-changes';

export interface InstallationChangeHandlers {
  /** An installation was inserted, changed or deleted (by any process). */
  onChange(memberId: string): void;
  /** LISTEN is in place: changes arrive from now on (ones made while it was down were missed). */
  onLive(): void;
  /** The LISTEN connection is gone: changes are not arriving until `onLive` again. */
  onLost(): void;
  /** One line per connection loss and recovery. */
  log(line: string): void;
}

export interface InstallationChangeOptions {
  /** Bound of each connect and of each heartbeat query, in ms. */
  readonly timeoutMs: number;
  /** How often the connection is proven alive with `SELECT 1`, in ms. */
  readonly heartbeatMs?: number;
  /** Longest wait between reconnect attempts, in ms (the backoff doubles from 100 ms up to it). */
  readonly maxBackoffMs?: number;
}

export interface InstallationChangeFeed {
  /** Stops listening and closes the connection. */
  close(): Promise<void>;
}

/**
 * Listens for installation changes on a dedicated PostgreSQL connection (not one of the pool's), and
 * keeps listening: a dropped or silent connection (no heartbeat answer within `timeoutMs`) is reported
 * with `onLost` and replaced, with backoff, until `close()`.
 */
export function listenInstallationChanges(
  connectionString: string,
  handlers: InstallationChangeHandlers,
  options: InstallationChangeOptions,
): InstallationChangeFeed {
  const heartbeatMs = options.heartbeatMs ?? 2000;
  const maxBackoffMs = options.maxBackoffMs ?? 5000;
  let closed = false;
  let client: pg.Client | null = null;
  let live = false;
  let everLive = false;
  let backoffMs = 100;
  let retry: NodeJS.Timeout | undefined;
  let heartbeat: NodeJS.Timeout | undefined;

  const lose = (current: pg.Client, why: string): void => {
    if (client !== current) return;
    client = null;
    clearInterval(heartbeat);
    current.removeAllListeners('notification');
    current.on('error', () => undefined);
    current.end().catch(() => undefined);
    if (live) {
      live = false;
      handlers.onLost();
      handlers.log(
        `store: change notifications lost (${why}); installation cache bypassed until they are back`,
      );
    }
    if (closed) return;
    retry = setTimeout(connect, backoffMs);
    backoffMs = Math.min(maxBackoffMs, backoffMs * 2);
  };

  const connect = (): void => {
    if (closed) return;
    const current = new pg.Client({
      connectionString,
      application_name: changeListenerName,
      connectionTimeoutMillis: options.timeoutMs,
      query_timeout: options.timeoutMs,
      keepAlive: true,
    });
    client = current;
    current.on('error', (error) => lose(current, error.message));
    current.on('end', () => lose(current, 'connection ended'));
    current.on('notification', (message) => {
      if (message.channel === installationChannel && message.payload) handlers.onChange(message.payload);
    });
    current
      .connect()
      .then(() => current.query(`LISTEN ${installationChannel}`))
      .then(() => {
        if (client !== current) return;
        backoffMs = 100;
        if (!live) {
          live = true;
          handlers.onLive();
          if (everLive) handlers.log('store: change notifications back; installation cache in use again');
          everLive = true;
        }
        heartbeat = setInterval(() => {
          current.query('SELECT 1').catch((error: Error) => lose(current, error.message));
        }, heartbeatMs);
        heartbeat.unref();
      })
      .catch((error: Error) => lose(current, error.message));
  };

  connect();
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      clearInterval(heartbeat);
      const current = client;
      client = null;
      if (current !== null) {
        current.removeAllListeners('notification');
        current.on('error', () => undefined);
        await current.end().catch(() => undefined);
      }
    },
  };
}
