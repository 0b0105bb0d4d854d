/**
 * Installs the apps of a folder into a running emulator through the installer's own code path:
 * `loadDeclarations` + `applyPlacements` over the installer's Node REST client on an admin application
 * token (pruning bindings that are no longer declared), and registers the legacy sample (`legacy-chat-app`) with `imbot.app.register`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  applyPlacements,
  createNodeRestClient,
  formatApplyResult,
  loadDeclarations,
} from '@imkit/installer/node';
import type { RunningEmulator } from '../index.js';
import { randomHex32 } from '../portal/state/tokens.js';

export interface InstallReport {
  readonly ok: boolean;
  readonly summary: string;
}

export async function installAppPlacements(
  emulator: RunningEmulator,
  appsDir: string,
  handlerBase: string,
): Promise<InstallReport> {
  const token = emulator.applicationToken(1);
  const rest = createNodeRestClient({
    portal: emulator.origin,
    accessToken: token.access_token,
    refreshToken: token.refresh_token,
    clientId: token.client_id,
    clientSecret: token.client_secret,
  });
  const declarations = await loadDeclarations(appsDir, handlerBase);
  // prune: handlers of an earlier run (another port, a removed app) would show as duplicate app buttons.
  const result = await applyPlacements(rest, declarations, { handlerBase, prune: true });
  return { ok: result.ok, summary: formatApplyResult(result) };
}

/** Registers `apps/legacy-chat-app` as a legacy IFRAME chat app of the seeded bot; null when absent. */
export async function registerLegacySample(
  emulator: RunningEmulator,
  appsDir: string,
  appsBase: string,
): Promise<number | null> {
  if (!existsSync(join(appsDir, 'legacy-chat-app'))) return null;
  const bot = emulator.state.users.find((user) => user.isBot);
  if (bot === undefined) throw new Error('the seed has no bot user to own the legacy chat app');
  const token = emulator.applicationToken(1);
  const response = await fetch(`${emulator.origin}/rest/imbot.app.register.json`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token.access_token}` },
    body: JSON.stringify({
      BOT_ID: bot.id,
      CODE: 'legacy-chat-app',
      IFRAME: new URL('legacy-chat-app/', appsBase).toString(),
      IFRAME_WIDTH: 350,
      IFRAME_HEIGHT: 300,
      HASH: process.env.IMKIT_LEGACY_HASH ?? randomHex32(),
      CONTEXT: 'ALL',
      LANG: [{ LANGUAGE_ID: 'en', TITLE: 'Legacy chat app', DESCRIPTION: 'The imkit legacy sample' }],
    }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await response.json()) as { result?: number; error?: string; error_description?: string };
  if (typeof body.result !== 'number')
    throw new Error(
      `imbot.app.register failed: ${body.error ?? response.status} ${body.error_description ?? ''}`,
    );
  return body.result;
}
