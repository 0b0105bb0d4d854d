/**
 * The shell's private API under /emulator/api (docs/architecture.md, "Emulator"). Same-origin only:
 * a request that carries an Origin other than the emulator's is refused.
 */
import { type Context, Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { runFrameCommand } from '../frame-host/frame-commands.js';
import { launchBinding, launchInstall } from '../frame-host/frame-launch.js';
import { launchLegacyApp } from '../frame-host/legacy-launch.js';
import { PrivateApiError } from '../frame-host/private-api-error.js';
import { AppLifecycleError, installApp, uninstallApp } from '../portal/app-lifecycle.js';
import { issueApplicationToken } from '../portal/application-token.js';
import { checkDevAids, devAidNotes } from '../portal/dev-aids.js';
import { checkFaults } from '../portal/faults.js';
import { postMessage } from '../portal/post-message.js';
import type { EmulatorRuntime } from '../portal/runtime.js';
import { currentUser, displayName, findUser, openDialog } from '../portal/state/portal-queries.js';
import { parseScopes } from '../portal/state/tokens.js';
import type {
  AppInstallView,
  AppUninstallView,
  ChatMessagesView,
  PortalStats,
  SentMessageView,
} from './contract.js';
import { stateView } from './state-view.js';

const maxMessageLength = 20_000;
const keepAliveMs = 15_000;

const maxBodyBytes = 1024 * 1024;

async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  if (Number(c.req.header('Content-Length') ?? '0') > maxBodyBytes)
    throw new PrivateApiError(400, 'BODY_TOO_LARGE', 'The request body is larger than 1 MB', 'body');
  const text = await c.req.text();
  if (Buffer.byteLength(text) > maxBodyBytes)
    throw new PrivateApiError(400, 'BODY_TOO_LARGE', 'The request body is larger than 1 MB', 'body');
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new PrivateApiError(400, 'INVALID_JSON', 'The request body is not valid JSON', 'body');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new PrivateApiError(400, 'INVALID_JSON', 'The request body must be a JSON object', 'body');
  return value as Record<string, unknown>;
}

export function privateRoutes(runtime: EmulatorRuntime): Hono {
  const app = new Hono();

  app.onError((error, c) => {
    if (error instanceof PrivateApiError) return c.json(error.body(), error.status);
    if (error instanceof AppLifecycleError) {
      const refused = new PrivateApiError(
        error.code === 'BAD_FIELD' ? 400 : 409,
        error.code,
        error.message,
        error.field,
      );
      return c.json(refused.body(), refused.status);
    }
    console.error('[emulator] private API failed:', error);
    return c.json({ error: 'INTERNAL_ERROR', error_description: 'Internal error' }, 500);
  });

  app.use('*', async (c, next) => {
    const origin = c.req.header('Origin');
    if (origin !== undefined && origin !== runtime.origin)
      throw new PrivateApiError(
        403,
        'FOREIGN_ORIGIN',
        'The private API answers the emulator shell only',
        'Origin',
      );
    await next();
  });

  app.get('/state', (c) => c.json(stateView(runtime)));

  app.get('/events', (c) =>
    streamSSE(c, async (stream) => {
      const unsubscribe = runtime.events.subscribe((event) => {
        void stream.writeSSE({ event: event.name, data: JSON.stringify(event.data) }).catch(() => undefined);
      });
      stream.onAbort(unsubscribe);
      while (!stream.aborted && !stream.closed) {
        await stream.sleep(keepAliveMs);
        await stream.write(': keep-alive\n\n');
      }
      unsubscribe();
    }),
  );

  app.get('/chats/:dialogId/messages', (c) => {
    const user = currentUser(runtime.state);
    const dialogId = c.req.param('dialogId');
    const chat = openDialog(runtime.state, user.id, dialogId);
    if (chat === undefined)
      throw new PrivateApiError(
        404,
        'DIALOG_NOT_FOUND',
        `The current user has no dialog ${dialogId}`,
        'dialogId',
      );
    const messages = runtime.state.messages.filter((m) => m.chatId === chat.id).sort((a, b) => a.id - b.id);
    const users: Record<string, string> = {};
    for (const m of messages) {
      const author = findUser(runtime.state, m.authorId);
      if (author) users[String(author.id)] = displayName(author);
    }
    const answer: ChatMessagesView = { dialogId, chatId: chat.id, messages, users };
    return c.json(answer);
  });

  app.post('/session', async (c) => {
    const { userId } = await jsonBody(c);
    const user = typeof userId === 'number' ? findUser(runtime.state, userId) : undefined;
    if (user === undefined || user.isBot)
      throw new PrivateApiError(
        400,
        'BAD_FIELD',
        'userId must be the id of a portal user who is not a bot',
        'userId',
      );
    runtime.state.currentUserId = user.id;
    runtime.changed();
    return c.json(stateView(runtime));
  });

  app.post('/messages', async (c) => {
    const { dialogId, text } = await jsonBody(c);
    if (typeof text !== 'string' || text.trim() === '' || text.length > maxMessageLength)
      throw new PrivateApiError(400, 'BAD_FIELD', `text must be 1–${maxMessageLength} characters`, 'text');
    const user = currentUser(runtime.state);
    const chat = typeof dialogId === 'string' ? openDialog(runtime.state, user.id, dialogId) : undefined;
    if (chat === undefined)
      throw new PrivateApiError(404, 'DIALOG_NOT_FOUND', 'The current user has no such dialog', 'dialogId');
    const answer: SentMessageView = {
      dialogId: String(dialogId),
      message: postMessage(runtime, chat, { authorId: user.id, text }),
    };
    return c.json(answer);
  });

  app.post('/launch', async (c) => c.json(launchBinding(runtime, await jsonBody(c))));
  app.post('/install-launch', (c) => c.json(launchInstall(runtime)));
  app.post('/frame', async (c) => c.json(runFrameCommand(runtime, await jsonBody(c))));
  app.post('/legacy-launch', async (c) => c.json(launchLegacyApp(runtime, await jsonBody(c))));

  app.post('/reset', (c) => {
    runtime.resetAll();
    return c.json(stateView(runtime));
  });

  app.post('/faults', async (c) => {
    const checked = checkFaults(await jsonBody(c));
    if (!checked.ok)
      throw new PrivateApiError(400, 'BAD_FIELD', `${checked.field} must be ${checked.rule}`, checked.field);
    return c.json(runtime.setFaults(checked.update));
  });

  app.post('/dev-aids', async (c) => {
    const checked = checkDevAids(await jsonBody(c));
    if (!checked.ok)
      throw new PrivateApiError(400, 'BAD_FIELD', `${checked.field} must be ${checked.rule}`, checked.field);
    return c.json({ devAids: runtime.setDevAids(checked.update), notPortalBehaviour: devAidNotes });
  });

  app.post('/app/install', async (c) => {
    const { handlerUrl } = await jsonBody(c);
    const answer: AppInstallView = await installApp(runtime, { handlerUrl: handlerUrl as string });
    return c.json(answer);
  });

  app.post('/app/uninstall', async (c) => {
    const { clean } = await jsonBody(c);
    if (clean !== undefined && typeof clean !== 'boolean')
      throw new PrivateApiError(400, 'BAD_FIELD', 'clean must be true or false', 'clean');
    const answer: AppUninstallView = await uninstallApp(runtime, clean === undefined ? {} : { clean });
    return c.json(answer);
  });

  app.get('/stats', (c) => {
    const answer: PortalStats = runtime.stats.snapshot();
    return c.json(answer);
  });

  app.get('/token', (c) => {
    const userIdText = c.req.query('userId') ?? '1';
    const userId = /^\d{1,9}$/.test(userIdText) ? Number(userIdText) : 0;
    if (findUser(runtime.state, userId) === undefined)
      throw new PrivateApiError(400, 'BAD_FIELD', 'userId must be the id of a portal user', 'userId');
    const scopeText = c.req.query('scope');
    const scopes = scopeText === undefined ? undefined : parseScopes(scopeText);
    if (scopes === null) throw new PrivateApiError(400, 'BAD_FIELD', 'scope must list known scopes', 'scope');
    return c.json(issueApplicationToken(runtime, userId, scopes));
  });

  return app;
}
