/**
 * Structure and size checks for im.message.add's ATTACH, KEYBOARD and MENU (bot-platform-docs.txt:
 * "Attachments", "Using Keyboards", "Using Context Menus"). The host first checks structure
 * (`*_ERROR`), then size (`*_OVERSIZE`, 30 KB of the encoded object).
 */
import { MethodError } from './method-error.js';
import { asList, isTree } from './php-params.js';

export const payloadSizeLimit = 30 * 1024;

const texts = {
  ATTACH: ['Complete transmitted object was not validated.', 'attachment'],
  KEYBOARD: ['Complete transmitted keyboard object was not validated.', 'keyboard'],
  MENU: ['Complete transmitted menu object was not validated.', 'menu'],
} as const;

type PayloadKind = keyof typeof texts;

function nonEmptyString(value: unknown): boolean {
  return (typeof value === 'string' && value.trim() !== '') || typeof value === 'number';
}

function hasAny(item: Record<string, unknown>, keys: readonly string[]): boolean {
  return keys.some((key) => nonEmptyString(item[key]));
}

function eachOf(value: unknown, check: (item: Record<string, unknown>) => boolean): boolean {
  const items = isTree(value) && !Object.keys(value).every((k) => /^\d+$/.test(k)) ? [value] : asList(value);
  return items !== null && items.length > 0 && items.every((item) => isTree(item) && check(item));
}

const blockChecks: Record<string, (value: unknown) => boolean> = {
  MESSAGE: nonEmptyString,
  USER: (v) => eachOf(v, (u) => hasAny(u, ['NAME', 'USER_ID', 'CHAT_ID', 'BOT_ID'])),
  LINK: (v) => eachOf(v, (l) => hasAny(l, ['LINK', 'CHAT_ID', 'USER_ID'])),
  RICH_LINK: (v) => eachOf(v, (l) => hasAny(l, ['LINK'])),
  DELIMITER: (v) => isTree(v) || v === '' || v === undefined,
  GRID: (v) =>
    eachOf(
      v,
      (g) =>
        hasAny(g, ['NAME', 'VALUE']) &&
        (g.DISPLAY === undefined || ['BLOCK', 'LINE', 'COLUMN', 'ROW'].includes(String(g.DISPLAY))),
    ),
  IMAGE: (v) => eachOf(v, (i) => hasAny(i, ['LINK'])),
  FILE: (v) => eachOf(v, (f) => hasAny(f, ['LINK'])),
};

function blockValid(block: unknown): boolean {
  if (!isTree(block)) return false;
  const keys = Object.keys(block).filter((key) => key in blockChecks);
  return keys.length > 0 && keys.every((key) => blockChecks[key]!(block[key]));
}

function blocksValid(blocks: unknown): boolean {
  const list = asList(blocks);
  return list !== null && list.length > 0 && list.every(blockValid);
}

/** Full form `{ID?, COLOR?, BLOCKS:[…]}`, a list of full forms, or the short form (a list of blocks). */
function attachValid(value: unknown): boolean {
  if (isTree(value) && 'BLOCKS' in value) return blocksValid(value.BLOCKS);
  const list = asList(value);
  if (list === null || list.length === 0) return false;
  if (list.every((item) => isTree(item) && 'BLOCKS' in item))
    return list.every((item) => blocksValid((item as Record<string, unknown>).BLOCKS));
  return blocksValid(list);
}

const actions = ['PUT', 'SEND', 'COPY', 'CALL', 'DIALOG'];

function actionValid(item: Record<string, unknown>): boolean {
  return actions.includes(String(item.ACTION)) && nonEmptyString(item.ACTION_VALUE);
}

function buttonValid(button: unknown, kind: 'KEYBOARD' | 'MENU'): boolean {
  if (!isTree(button)) return false;
  if (button.TYPE === 'NEWLINE') return true;
  if (!nonEmptyString(button.TEXT)) return false;
  if (
    kind === 'KEYBOARD' &&
    button.DISPLAY !== undefined &&
    !['BLOCK', 'LINE'].includes(String(button.DISPLAY))
  )
    return false;
  return hasAny(button, ['LINK', 'COMMAND', 'APP_ID']) || actionValid(button);
}

function buttonsValid(value: unknown, kind: 'KEYBOARD' | 'MENU'): boolean {
  const source = isTree(value) && 'BUTTONS' in value ? value.BUTTONS : value;
  const list = asList(source);
  return (
    list !== null &&
    list.length > 0 &&
    list.every((button) => buttonValid(button, kind)) &&
    list.some((b) => isTree(b) && b.TYPE !== 'NEWLINE')
  );
}

/** JSON strings are accepted as the host's `GetAttachByJson` accepts them. */
function decoded(value: unknown, kind: PayloadKind): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw new MethodError(400, `${kind}_ERROR`, texts[kind][0]);
  }
}

/**
 * Checks one payload; returns the value to store, or undefined when the parameter is absent or empty.
 * Throws the host's `*_ERROR` / `*_OVERSIZE` errors.
 */
export function checkMessagePayload(kind: PayloadKind, raw: unknown): unknown {
  if (raw === undefined || raw === null || raw === '') return undefined;
  const value = decoded(raw, kind);
  const valid =
    kind === 'ATTACH' ? attachValid(value) : buttonsValid(value, kind === 'KEYBOARD' ? 'KEYBOARD' : 'MENU');
  if (!valid) throw new MethodError(400, `${kind}_ERROR`, texts[kind][0]);
  if (Buffer.byteLength(JSON.stringify(value), 'utf8') > payloadSizeLimit) {
    throw new MethodError(
      400,
      `${kind}_OVERSIZE`,
      `Maximum permissible ${texts[kind][1]} size was exceeded (30 Kb).`,
    );
  }
  return value;
}
