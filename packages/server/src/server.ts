import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { type AppMount, appMountsFrom, discoverAppMounts } from './app-mounts.js';
import { verifyChatAppRequest } from './chat-app-launch.js';
import { eventKey } from './event-key.js';
import { readFormBody } from './form-body.js';
import { framedPageHeaders, refusalPageHeaders } from './frame-headers.js';
import {
  boundedInstallConfirmation,
  confirmInstallWithOAuth,
  type InstallConfirmer,
} from './install-confirmation.js';
import { handleInstallEvent, isInstallCallback } from './install-events.js';
import { createOAuthClient } from './oauth-client.js';
import { verifyPlacementLaunch } from './placement-launch.js';
import { Refusal, refusalPage } from './refusal.js';
import { ServerConfigError, type ServerOptions, validateServerOptions } from './server-options.js';
import { maxSessionSeconds, signChatAppSession, verifyChatAppSession } from './session-token.js';
import { serveStaticFile } from './static-files.js';

export type { ServerOptions } from './server-options.js';
export { ServerConfigError } from './server-options.js';

function resolveSecret(options: ServerOptions): string {
  const secret = options.sessionSecret;
  if (secret === undefined || secret === '') {
    if (options.production) {
      throw new ServerConfigError(
        'server: a session secret (IMKIT_SESSION_SECRET) is required in production',
      );
    }
    return randomBytes(32).toString('base64url');
  }
  if (Buffer.byteLength(secret, 'utf8') < 32) {
    throw new ServerConfigError('server: the session secret must be at least 32 bytes');
  }
  return secret;
}

const credential = /^[\x21-\x7e]{1,256}$/;

function resolveConfirmer(
  options: ServerOptions,
  production: boolean,
  timeoutMs: number,
): InstallConfirmer | null {
  if (options.confirmInstall !== undefined) return options.confirmInstall;
  const oauth = options.oauth;
  if (oauth === undefined) {
    if (production) {
      throw new ServerConfigError(
        "server: production needs the app's OAuth credentials (IMKIT_CLIENT_ID, IMKIT_CLIENT_SECRET) to prove installs",
      );
    }
    return null;
  }
  if (!credential.test(oauth.clientId) || !credential.test(oauth.clientSecret)) {
    throw new ServerConfigError(
      'server: oauth.clientId and oauth.clientSecret must be 1-256 printable characters',
    );
  }
  let tokenUrl: URL | undefined;
  try {
    tokenUrl = oauth.tokenUrl === undefined ? undefined : new URL(oauth.tokenUrl);
  } catch {
    throw new ServerConfigError(`server: oauth.tokenUrl "${oauth.tokenUrl}" is not a URL`);
  }
  if (tokenUrl !== undefined && production && tokenUrl.protocol !== 'https:') {
    throw new ServerConfigError('server: oauth.tokenUrl must be https in production');
  }
  return confirmInstallWithOAuth(
    createOAuthClient({ ...oauth, production, timeoutMs, ...(tokenUrl ? { tokenUrl: tokenUrl.href } : {}) }),
  );
}

function normalizeBase(basePath: string | undefined): string {
  const base = basePath ?? '/';
  if (!/^\/(?:[A-Za-z0-9._-]+\/)*$/.test(base.endsWith('/') ? base : `${base}/`)) {
    throw new ServerConfigError(`server: basePath "${base}" is not a path such as "/" or "/apps/"`);
  }
  return base.endsWith('/') ? base : `${base}/`;
}

function resolveMounts(options: ServerOptions): AppMount[] {
  try {
    if (options.apps !== undefined) return appMountsFrom(options.apps);
    if (options.appsDir !== undefined) return discoverAppMounts(options.appsDir);
  } catch (error) {
    throw new ServerConfigError((error as Error).message);
  }
  return [];
}

/** Puts the session token into the page as `<meta name="imkit-session">`, where the app reads it. */
function withSessionMeta(html: string, token: string, expiresAt: number): string {
  const meta = `<meta name="imkit-session" content="${token}" data-expires-at="${expiresAt}">`;
  return html.includes('</head>') ? html.replace('</head>', `${meta}</head>`) : `${meta}${html}`;
}

/** A claimed value for a log line: printable ASCII, at most 128 characters. */
function printable(value: string | null): string {
  return (value ?? '').replace(/[^\x21-\x7e]/g, '?').slice(0, 128);
}

/** Runs a job-queue step; a database that cannot be reached answers 503 at once (the host may retry). */
async function queued<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch {
    throw new Refusal(503, 'QUEUE_UNAVAILABLE', 'The job queue is unavailable; try again later.');
  }
}

function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer ([^\s]+)$/.exec(header ?? '');
  return match?.[1] ?? null;
}

/**
 * The handler server as a Hono app (Web-standard Request/Response): serves every app under its handler
 * path for GET and the host's form POST with verified framing headers, handles install events at
 * `<base>events`, and offers `<base><chat-app>/api/whoami` to check a chat app's session token.
 */
export function createServer(options: ServerOptions): Hono {
  validateServerOptions(options);
  const secret = resolveSecret(options);
  const base = normalizeBase(options.basePath);
  const mounts = resolveMounts(options);
  const production = options.production === true;
  const log = options.log ?? ((line: string) => console.log(line));
  const ttl = options.sessionTtlSeconds ?? maxSessionSeconds;
  const installAncestors =
    options.installFrameAncestors ??
    (production ? ['https:'] : ['https:', 'http://127.0.0.1:*', 'http://localhost:*']);
  const { store } = options;
  const portalTimeoutMs = options.portalTimeoutMs ?? 5000;
  const confirmer = resolveConfirmer(options, production, portalTimeoutMs);
  const maxUnproven = options.maxUnprovenInstallsPerMinute ?? 60;
  const confirmInstall =
    confirmer === null
      ? () =>
          Promise.reject(
            new Refusal(
              503,
              'INSTALL_NOT_CONFIGURED',
              'This server has no OAuth credentials to prove installs with; nothing was stored.',
            ),
          )
      : boundedInstallConfirmation(confirmer, {
          timeoutMs: portalTimeoutMs,
          maxInFlight: 16,
          maxUnprovenPerMinute: maxUnproven,
          log,
        });
  if (confirmer === null) {
    log(
      'install events disabled: set IMKIT_CLIENT_ID and IMKIT_CLIENT_SECRET (options.oauth) to accept installs',
    );
  }
  const app = new Hono();

  app.onError((error, c) => {
    if (error instanceof Refusal) {
      return c.json(error.toJSON(), error.status);
    }
    log(`error: ${c.req.method} ${c.req.path}: ${error.name}`);
    return c.json({ error: 'INTERNAL_ERROR', error_description: 'The server failed.' }, 500);
  });

  const limit = options.bodyLimitBytes ?? 64 * 1024;
  app.use(
    '*',
    bodyLimit({
      maxSize: limit,
      onError: (c) =>
        c.json({ error: 'BODY_TOO_LARGE', error_description: `Bodies are limited to ${limit} bytes.` }, 413),
    }),
  );

  const { jobs } = options;
  app.post(`${base}events`, async (c) => {
    const params = await readFormBody(c.req.raw);
    if (isInstallCallback(params)) {
      // The install callback's DOMAIN and PROTOCOL may come in the query, as on every launch.
      const query = new URL(c.req.url).searchParams;
      for (const key of ['DOMAIN', 'PROTOCOL']) {
        const value = query.get(key);
        if (!params.has(key) && value !== null) params.set(key, value);
      }
    }
    const key = jobs === undefined ? '' : eventKey(params);
    if (jobs !== undefined && (await queued(() => jobs.seen(key)))) {
      log(`event replayed: ignored (already received) member_id=${printable(params.get('auth[member_id]'))}`);
      return c.json({ result: true });
    }
    const result = await handleInstallEvent(params, { store, production, confirmInstall }).catch(
      (error: unknown) => {
        if (error instanceof Refusal && error.status >= 403) {
          const claimed = `member_id=${params.get('auth[member_id]') ?? ''} domain=${params.get('auth[domain]') ?? ''}`;
          log(`event refused: ${error.code} ${claimed.replace(/[^\x21-\x7e ]/g, '?').slice(0, 300)}`);
        }
        throw error;
      },
    );
    log(`event: ${result.event} member_id=${result.memberId} domain=${result.domain}`);
    if (jobs !== undefined) {
      const { memberId, domain, epoch } = result;
      const enqueued = await queued(() =>
        result.event === 'ONAPPINSTALL'
          ? jobs.enqueueApply({ memberId, epoch }, key)
          : jobs.enqueueCleanup({ memberId, domain }, key),
      );
      if (!enqueued) log(`event replayed: nothing enqueued member_id=${memberId}`);
    }
    return c.json({ result: true });
  });

  for (const mount of mounts) mountApp(app, `${base}${mount.path}`, mount);

  function refuse(c: Context, error: unknown): Response {
    if (!(error instanceof Refusal)) throw error;
    log(`refused: ${c.req.method} ${c.req.path}: ${error.code}${error.field ? ` (${error.field})` : ''}`);
    return c.body(refusalPage(error), error.status, refusalPageHeaders());
  }

  function mountApp(router: Hono, prefix: string, mount: AppMount): void {
    const indexFile = join(mount.dist, 'index.html');
    const readIndex = () => readFile(indexFile, 'utf8');

    const launch = async (c: Context): Promise<Response> => {
      try {
        const query = new URL(c.req.url).searchParams;
        if (mount.launch === 'install') {
          return c.body(await readIndex(), 200, framedPageHeaders(installAncestors));
        }
        if (c.req.method === 'HEAD') {
          // Never a launch (nothing is verified, no token is made): the headers of a plain GET.
          return c.body(null, 200, framedPageHeaders(null));
        }
        if (mount.launch === 'chat-app') {
          if (c.req.method === 'POST') await readFormBody(c.req.raw);
          const { installation, launch } = await verifyChatAppRequest(
            query,
            c.req.header('referer') ?? null,
            store,
          );
          // Only what the hashes prove goes into the session; DIALOG_ID & co. stay unverified input.
          const { token, expiresAt } = signChatAppSession(
            {
              memberId: installation.memberId,
              userId: launch.userId,
              app: mount.path,
              epoch: installation.epoch,
            },
            secret,
            { ttlSeconds: ttl },
          );
          const html = withSessionMeta(await readIndex(), token, expiresAt);
          return c.body(html, 200, framedPageHeaders([installation.portalOrigin]));
        }
        if (c.req.method === 'GET') {
          // Not a launch: nothing verified says which portal may frame it.
          return c.body(await readIndex(), 200, framedPageHeaders(null));
        }
        const installation = await verifyPlacementLaunch(await readFormBody(c.req.raw), query, store);
        return c.body(await readIndex(), 200, framedPageHeaders([installation.portalOrigin]));
      } catch (error) {
        return refuse(c, error);
      }
    };

    router.on(['GET', 'POST'], prefix, launch);
    router.on(['GET', 'POST'], `${prefix}index.html`, launch);
    router.on(['GET', 'POST'], prefix.slice(0, -1), (c) => {
      const url = new URL(c.req.url);
      return c.redirect(`${prefix}${url.search}`, 308);
    });

    if (mount.launch === 'chat-app') {
      router.get(`${prefix}api/whoami`, async (c) => {
        const token = bearerToken(c.req.header('authorization'));
        if (token === null) {
          throw new Refusal(
            401,
            'NO_SESSION',
            'Send the session token as "Authorization: Bearer …".',
            'authorization',
          );
        }
        const verification = verifyChatAppSession(token, secret);
        if (!verification.ok)
          throw new Refusal(401, verification.reason, 'The session token is not valid.', 'authorization');
        const { session } = verification;
        if (session.app !== mount.path) {
          throw new Refusal(403, 'WRONG_APP', 'The session token belongs to another app.', 'authorization');
        }
        const installation = await store.findByMemberId(session.memberId);
        if (installation === null)
          throw new Refusal(401, 'UNINSTALLED', 'The app was uninstalled from the portal.');
        if (installation.epoch !== session.epoch) {
          throw new Refusal(
            401,
            'SESSION_REVOKED',
            'The installation was reinstalled or its HASH rotated since this session was issued.',
            'authorization',
          );
        }
        c.header('Cache-Control', 'no-store');
        return c.json({
          memberId: session.memberId,
          domain: installation.domain,
          portal: installation.portalOrigin,
          userId: session.userId,
          expiresAt: session.expiresAt,
        });
      });
    }

    router.get(`${prefix}*`, async (c) => {
      // GET and HEAD (Hono answers HEAD with the GET route, without the body).
      const response = await serveStaticFile(c, mount.dist, c.req.path.slice(prefix.length));
      return response ?? c.json({ error: 'NOT_FOUND', error_description: 'No such file.' }, 404);
    });
  }

  app.notFound((c) => c.json({ error: 'NOT_FOUND', error_description: 'No such route.' }, 404));
  return app;
}
