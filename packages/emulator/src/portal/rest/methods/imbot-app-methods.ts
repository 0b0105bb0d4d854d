/**
 * imbot.app.register/update/unregister for legacy IFRAME chat apps (HOST-PROTOCOL.md §5). The emulator
 * runs on http loopback, so besides https it accepts http://127.0.0.1 and http://localhost IFRAME URLs.
 * JS-command apps (JS_METHOD) are not emulated.
 */

import { MethodError } from '../../method-error.js';
import { findUser } from '../../state/portal-queries.js';
import type { LegacyChatApp } from '../../state/portal-state.js';
import type { MethodCall, MethodTable } from '../method-call.js';
import { paramFlag, paramInt, paramString, phpEmpty } from '../param-readers.js';
import { asList, isTree, type ParamTree } from '../php-params.js';

const paramsError = (argument: string) =>
  new MethodError(400, 'PARAMS_ERROR', 'Error when specifying JS-command or IFRAME-parameters.', {
    argument,
  });

/** https anywhere, or http on the loopback hosts the emulator runs on. */
export function iframeUrlAllowed(iframe: string): boolean {
  try {
    const url = new URL(iframe);
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost');
  } catch {
    return false;
  }
}

function checkIframe(iframe: string): void {
  if (!iframeUrlAllowed(iframe))
    throw new MethodError(
      400,
      'IFRAME_HTTPS',
      'Link to IFRAME must be specified to site with active HTTPS-certificate.',
    );
}

function checkHash(hash: unknown): string {
  if (phpEmpty(hash) || paramString(hash) === '')
    throw new MethodError(400, 'HASH_ERROR', "Hash can't be empty");
  return paramString(hash).slice(0, 32);
}

function texts(lang: unknown): { title: string; description: string } | null {
  const entries = (asList(lang) ?? []).filter(isTree);
  const entry = entries.find((e) => paramString(e.LANGUAGE_ID) === 'en') ?? entries[0];
  if (entry === undefined || paramString(entry.TITLE) === '') return null;
  return { title: paramString(entry.TITLE), description: paramString(entry.DESCRIPTION) };
}

function register(call: MethodCall): number {
  const p = call.params;
  const state = call.runtime.state;
  const botId = paramInt(p.BOT_ID);
  if (findUser(state, botId)?.isBot !== true) throw new MethodError(400, 'BOT_ID_ERROR', 'Bot not found');
  const code = paramString(p.CODE).trim();
  if (code === '') throw paramsError('CODE');
  const existing = state.legacyApps.find((app) => app.botId === botId && app.code === code);
  if (existing) return existing.id;
  const iframe = paramString(p.IFRAME);
  if (iframe === '') throw paramsError('IFRAME');
  checkIframe(iframe);
  const hash = checkHash(p.HASH);
  const hidden = paramFlag(p.HIDDEN, false);
  const lang = texts(p.LANG);
  if (lang === null && !hidden)
    throw new MethodError(400, 'LANG_ERROR', 'Language phrases are not returned for visible command');
  const app: LegacyChatApp = {
    id: state.nextId.legacyApp++,
    botId,
    code,
    iframe,
    hash,
    width: Math.max(250, paramInt(p.IFRAME_WIDTH) || 350),
    height: Math.max(50, paramInt(p.IFRAME_HEIGHT) || 150),
    context: paramString(p.CONTEXT) || 'ALL',
    hidden,
    extranetSupport: paramFlag(p.EXTRANET_SUPPORT, false),
    title: lang?.title ?? code,
    description: lang?.description ?? '',
  };
  state.legacyApps.push(app);
  call.runtime.changed();
  return app.id;
}

function appOf(call: MethodCall): LegacyChatApp {
  const id = paramInt(call.params.APP_ID);
  const app = call.runtime.state.legacyApps.find((a) => a.id === id);
  if (app === undefined) throw new MethodError(400, 'CHAT_APP_ID_ERROR', 'Application not found.');
  return app;
}

function unregister(call: MethodCall): true {
  const app = appOf(call);
  const apps = call.runtime.state.legacyApps;
  apps.splice(apps.indexOf(app), 1);
  call.runtime.changed();
  return true;
}

function update(call: MethodCall): true {
  const app = appOf(call);
  const fields: ParamTree = isTree(call.params.FIELDS) ? call.params.FIELDS : {};
  if (Object.keys(fields).length === 0) throw paramsError('FIELDS');
  if (fields.IFRAME !== undefined) checkIframe(paramString(fields.IFRAME));
  const hash = fields.HASH === undefined ? app.hash : checkHash(fields.HASH);
  const lang = fields.LANG === undefined ? null : texts(fields.LANG);
  if (fields.IFRAME !== undefined) app.iframe = paramString(fields.IFRAME);
  app.hash = hash;
  if (fields.IFRAME_WIDTH !== undefined) app.width = Math.max(250, paramInt(fields.IFRAME_WIDTH));
  if (fields.IFRAME_HEIGHT !== undefined) app.height = Math.max(50, paramInt(fields.IFRAME_HEIGHT));
  if (fields.CONTEXT !== undefined) app.context = paramString(fields.CONTEXT) || 'ALL';
  if (fields.HIDDEN !== undefined) app.hidden = paramFlag(fields.HIDDEN, false);
  if (fields.EXTRANET_SUPPORT !== undefined) app.extranetSupport = paramFlag(fields.EXTRANET_SUPPORT, false);
  if (lang) {
    app.title = lang.title;
    app.description = lang.description;
  }
  call.runtime.changed();
  return true;
}

export const imbotAppMethods: MethodTable = {
  'imbot.app.register': { scope: 'imbot', run: register },
  'imbot.app.unregister': { scope: 'imbot', run: unregister },
  'imbot.app.update': { scope: 'imbot', run: update },
};
