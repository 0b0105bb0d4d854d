/**
 * Offline events (`event.offline.get`): the portal keeps what it could not deliver, so this is the durable
 * channel. A drain reads a page without clearing (`clear: 0`), records each record's receipt and enqueues
 * it in one transaction, and only then clears the page (`event.offline.clear`): a crash in between leaves
 * the records on the portal, and the next drain finds their receipts and enqueues nothing twice.
 */
import type { RestCaller } from '@imkit/frame';

export interface OfflineEventRecord {
  /** The identity receipts dedupe on: `MESSAGE_ID` (the same event stored twice), else `ID`. */
  readonly id: string;
  /** The record's `ID`, what `event.offline.clear` takes. */
  readonly recordId: string;
  readonly name: string;
  readonly data: unknown;
  readonly additional: unknown;
}

/** `event.offline.get`'s answer, read field by field; a record without ID or EVENT_NAME is skipped. */
export function readOfflinePage(answer: unknown): {
  processId: string | null;
  records: OfflineEventRecord[];
} {
  const body = (typeof answer === 'object' && answer !== null ? answer : {}) as Record<string, unknown>;
  const processId = typeof body.process_id === 'string' ? body.process_id : null;
  const list = Array.isArray(body.events) ? body.events : [];
  const records: OfflineEventRecord[] = [];
  for (const item of list) {
    if (typeof item !== 'object' || item === null) continue;
    const row = item as Record<string, unknown>;
    const recordId = row.ID;
    const id = row.MESSAGE_ID ?? recordId;
    const name = row.EVENT_NAME;
    const isKey = (value: unknown) => typeof value === 'string' || typeof value === 'number';
    if (!isKey(recordId) || !isKey(id) || typeof name !== 'string') continue;
    records.push({
      id: String(id),
      recordId: String(recordId),
      name: name.toUpperCase(),
      data: row.EVENT_DATA ?? null,
      additional: row.EVENT_ADDITIONAL ?? null,
    });
  }
  return { processId, records };
}

export interface OfflineDrainLimits {
  /** Records per `event.offline.get` page (the host's `limit`, at most 50). */
  readonly pageSize: number;
  /** Pages per installation per drain: a bound, the next drain continues. */
  readonly maxPages: number;
}

/** The `process_id`s holding records reserved (`clear: 0`) and not cleared: first page of the list. */
async function reservingProcesses(rest: RestCaller): Promise<string[]> {
  const listed = await rest.call<unknown>('event.offline.list', { filter: { '!PROCESS_ID': '' } });
  const rows = Array.isArray(listed) ? listed : [];
  const ids = rows.map((row) => (typeof row === 'object' && row !== null ? row.PROCESS_ID : undefined));
  return [...new Set(ids.filter((id): id is string => typeof id === 'string' && id !== ''))];
}

/** Reads pages (of `processId`'s reservation, or fresh ones), `enqueue` each record, then clears the page. */
async function drainPages(
  rest: RestCaller,
  limits: OfflineDrainLimits,
  enqueue: (record: OfflineEventRecord) => Promise<boolean>,
  reservedBy: string | null,
): Promise<number> {
  let fresh = 0;
  for (let page = 0; page < limits.maxPages; page++) {
    const { processId, records } = readOfflinePage(
      await rest.call('event.offline.get', {
        clear: 0,
        limit: limits.pageSize,
        ...(reservedBy === null ? {} : { process_id: reservedBy }),
      }),
    );
    if (records.length === 0) break;
    for (const record of records) if (await enqueue(record)) fresh++;
    await rest.call('event.offline.clear', {
      ...(processId === null ? {} : { process_id: processId }),
      id: records.map((record) => record.recordId),
    });
    if (records.length < limits.pageSize) break;
  }
  return fresh;
}

/**
 * Drains one installation: page by page, `enqueue` (receipt + job, atomic) then clear. Records a process
 * reserved and never cleared (it died in between) are hidden from every other `process_id`, so they are
 * taken over first by their own `process_id`; the receipts keep a taken-over record from being enqueued
 * twice, even when the reserving process is alive and clears it too. Returns how many records were new.
 */
export async function drainOfflineEvents(
  rest: RestCaller,
  limits: OfflineDrainLimits,
  enqueue: (record: OfflineEventRecord) => Promise<boolean>,
): Promise<number> {
  let fresh = 0;
  for (const processId of await reservingProcesses(rest))
    fresh += await drainPages(rest, limits, enqueue, processId);
  return fresh + (await drainPages(rest, limits, enqueue, null));
}
