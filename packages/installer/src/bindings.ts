/**
 * Bindings as `placement.get` returns them (`[{placement, userId, handler, options, title, description,
 * langAll}]`), and the comparison that decides whether a declared binding is already in place.
 */
import {
  type CheckedBinding,
  checkPlacementOptions,
  isPlacementCode,
  type NormalizedOptions,
} from '@imkit/frame/placements';
import { RestError } from './rest.js';

/** One row of `placement.get`, reduced to what the installer compares. */
export interface PortalBinding {
  readonly placement: string;
  readonly handler: string;
  /** Options as stored; normalized (defaults filled in) when the placement is a chat placement. */
  readonly options: Readonly<Record<string, string>>;
  readonly title: string;
  readonly description: string;
  readonly langAll: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

function stringRecord(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isRecord(value)) return out;
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[key] = String(v);
  }
  return out;
}

function langAllOf(value: unknown): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  if (!isRecord(value)) return out;
  for (const [lang, texts] of Object.entries(value)) out[lang] = stringRecord(texts);
  return out;
}

/** Options compared after the host's normalization, so `{}` and `{extranet:'N', role:'USER'}` are equal. */
function normalizedOptions(placement: string, options: unknown): Record<string, string> {
  if (isPlacementCode(placement)) {
    const checked = checkPlacementOptions(placement, isRecord(options) ? options : {});
    if (checked.ok) return { ...(checked.options as Record<string, string>) };
  }
  return stringRecord(options);
}

/**
 * Reads the result of `placement.get`. Throws a `RestError` (`BAD_RESPONSE`) naming the row when the
 * shape is not the documented one.
 */
export function readPortalBindings(result: unknown): PortalBinding[] {
  // PHP encodes an empty list as [] but some hosts answer {} for no rows.
  const rows: unknown[] = Array.isArray(result) ? result : isRecord(result) ? Object.values(result) : [];
  if (!Array.isArray(result) && !isRecord(result)) {
    throw new RestError({
      code: 'BAD_RESPONSE',
      description: `placement.get returned ${JSON.stringify(result)}, not a list of bindings`,
      status: 200,
      method: 'placement.get',
    });
  }
  return rows.map((row, index) => {
    if (!isRecord(row) || typeof row.placement !== 'string' || typeof row.handler !== 'string') {
      throw new RestError({
        code: 'BAD_RESPONSE',
        description: `placement.get row ${index} has no placement/handler: ${JSON.stringify(row)}`,
        status: 200,
        method: 'placement.get',
      });
    }
    return {
      placement: row.placement,
      handler: row.handler,
      options: normalizedOptions(row.placement, row.options),
      title: text(row.title),
      description: text(row.description),
      langAll: langAllOf(row.langAll),
    };
  });
}

/** The identity of a binding on the portal: placement plus the exact handler string. */
export function bindingKey(binding: { readonly placement: string; readonly handler: string }): string {
  return `${binding.placement}\n${binding.handler}`;
}

const langFields = ['TITLE', 'DESCRIPTION', 'GROUP_NAME'] as const;

/**
 * The fields in which the portal's binding differs from the declared one (empty when equal):
 * `options.color`, `title`, `description`, `langAll.de.TITLE`…
 */
export function bindingDifferences(desired: CheckedBinding, current: PortalBinding): string[] {
  const changes: string[] = [];
  const want: NormalizedOptions = desired.options;
  const optionNames = new Set([...Object.keys(want), ...Object.keys(current.options)]);
  for (const name of [...optionNames].sort()) {
    if ((want as Record<string, string | undefined>)[name] !== current.options[name])
      changes.push(`options.${name}`);
  }
  if (desired.title !== current.title) changes.push('title');
  if (desired.description !== current.description) changes.push('description');
  const langs = new Set([...Object.keys(desired.langAll), ...Object.keys(current.langAll)]);
  for (const lang of [...langs].sort()) {
    const a = desired.langAll[lang];
    const b = current.langAll[lang];
    if (a === undefined || b === undefined) {
      changes.push(`langAll.${lang}`);
      continue;
    }
    for (const key of langFields)
      if ((a[key] ?? '') !== (b[key] ?? '')) changes.push(`langAll.${lang}.${key}`);
  }
  return changes;
}
