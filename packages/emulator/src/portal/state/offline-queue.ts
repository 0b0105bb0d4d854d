/**
 * Reading the offline event queue as `event.offline.get` / `event.offline.list` do (bitrix24/b24restdocs
 * api-reference/events/event-offline-get.md, event-offline-list.md): a filter whose keys carry the
 * operation before the field (`=EVENT_NAME`, `>=ID`, `<TIMESTAMP_X`, `!MESSAGE_ID`; none means `=`), an
 * order `{FIELD: ASC|DESC}`, and each record's view with its fields as strings.
 */
import type { OfflineEventRecord } from './portal-state.js';

export type OfflineField = 'ID' | 'TIMESTAMP_X' | 'EVENT_NAME' | 'MESSAGE_ID' | 'PROCESS_ID' | 'ERROR';

export class OfflineQueryError extends Error {
  override readonly name = 'OfflineQueryError';
  constructor(
    readonly argument: 'filter' | 'order',
    message: string,
  ) {
    super(message);
  }
}

type Comparable = number | string;

function fieldValue(record: OfflineEventRecord, field: OfflineField): Comparable {
  switch (field) {
    case 'ID':
      return record.id;
    case 'TIMESTAMP_X':
      return Date.parse(record.timestamp);
    case 'EVENT_NAME':
      return record.eventName;
    case 'MESSAGE_ID':
      return record.messageId;
    case 'PROCESS_ID':
      return record.processId;
    case 'ERROR':
      return record.error ? 1 : 0;
  }
}

function wanted(field: OfflineField, raw: unknown): Comparable {
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw : '';
  if (field === 'ID' || field === 'ERROR') {
    const upper = text.toUpperCase();
    if (field === 'ERROR' && (upper === 'Y' || upper === 'N')) return upper === 'Y' ? 1 : 0;
    return /^-?\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
  }
  if (field === 'TIMESTAMP_X') return Date.parse(text);
  return field === 'EVENT_NAME' ? text.toUpperCase() : text;
}

const operations = ['>=', '<=', '!=', '=', '>', '<', '!'] as const;
type Operation = (typeof operations)[number];

function matches(actual: Comparable, operation: Operation, expected: Comparable): boolean {
  switch (operation) {
    case '=':
      return actual === expected;
    case '!':
    case '!=':
      return actual !== expected;
    case '>':
      return actual > expected;
    case '<':
      return actual < expected;
    case '>=':
      return actual >= expected;
    case '<=':
      return actual <= expected;
  }
}

export type RecordPredicate = (record: OfflineEventRecord) => boolean;

/** A predicate for `filter`; a key naming a field outside `fields` is an OfflineQueryError. */
export function offlineFilter(filter: unknown, fields: readonly OfflineField[]): RecordPredicate {
  if (filter === undefined || filter === '' || filter === null) return () => true;
  if (typeof filter !== 'object' || Array.isArray(filter))
    throw new OfflineQueryError('filter', 'filter must be an object of {"<op>FIELD": value}');
  const tests: RecordPredicate[] = [];
  for (const [key, raw] of Object.entries(filter)) {
    const operation = operations.find((op) => key.startsWith(op)) ?? '=';
    const name = (key.startsWith(operation) ? key.slice(operation.length) : key).toUpperCase();
    const field = fields.find((f) => f === name);
    if (field === undefined)
      throw new OfflineQueryError('filter', `filter: ${key} is not one of ${fields.join(', ')}`);
    const expected = wanted(field, raw);
    tests.push((record) => matches(fieldValue(record, field), operation, expected));
  }
  return (record) => tests.every((test) => test(record));
}

/** A comparator for `order` (default `fallback` ascending), then by ID. */
export function offlineOrder(
  order: unknown,
  fields: readonly OfflineField[],
  fallback: OfflineField,
): (a: OfflineEventRecord, b: OfflineEventRecord) => number {
  const keys: Array<{ field: OfflineField; sign: number }> = [];
  if (order !== undefined && order !== '' && order !== null) {
    if (typeof order !== 'object' || Array.isArray(order))
      throw new OfflineQueryError('order', 'order must be an object of {FIELD: "ASC"|"DESC"}');
    for (const [key, raw] of Object.entries(order)) {
      const field = fields.find((f) => f === key.toUpperCase());
      const direction = typeof raw === 'string' ? raw.toUpperCase() : '';
      if (field === undefined || (direction !== 'ASC' && direction !== 'DESC'))
        throw new OfflineQueryError(
          'order',
          `order: ${key} must be one of ${fields.join(', ')} with ASC or DESC`,
        );
      keys.push({ field, sign: direction === 'ASC' ? 1 : -1 });
    }
  }
  if (keys.length === 0) keys.push({ field: fallback, sign: 1 });
  keys.push({ field: 'ID', sign: 1 });
  return (a, b) => {
    for (const { field, sign } of keys) {
      const x = fieldValue(a, field);
      const y = fieldValue(b, field);
      if (x !== y) return (x < y ? -1 : 1) * sign;
    }
    return 0;
  };
}

/** A record as `event.offline.get` shows it. */
export function offlineEventView(record: OfflineEventRecord): Record<string, unknown> {
  return {
    ID: String(record.id),
    TIMESTAMP_X: record.timestamp,
    EVENT_NAME: record.eventName,
    EVENT_DATA: record.eventData,
    EVENT_ADDITIONAL: record.eventAdditional,
    MESSAGE_ID: record.messageId,
  };
}

/** A record as `event.offline.list` shows it (with its reservation and error mark). */
export function offlineEventListView(record: OfflineEventRecord): Record<string, unknown> {
  return { ...offlineEventView(record), PROCESS_ID: record.processId, ERROR: record.error ? '1' : '0' };
}
