/**
 * The offline queue: event.offline.get / .clear / .error / .list (bitrix24/b24restdocs
 * api-reference/events/event-offline-get.md, event-offline-clear.md, event-offline-error.md,
 * event-offline-list.md, offline-events.md). Records come from real events: messages to the seed's bot.
 */
import { describe, expect, it } from 'vitest';
import { harness } from './emulator-harness.js';

interface OfflineRecord {
  readonly ID: string;
  readonly TIMESTAMP_X: string;
  readonly EVENT_NAME: string;
  readonly EVENT_DATA: { PARAMS: { MESSAGE: string } };
  readonly EVENT_ADDITIONAL: unknown;
  readonly MESSAGE_ID: string;
}

async function queueOf(messages: number, bindParams: Record<string, unknown> = {}) {
  const h = harness({ rateLimit: false }); // more than 50 calls in some tests
  const admin = (await h.token(1)).access_token;
  await h.rest('event.bind', { event: 'ONIMBOTMESSAGEADD', event_type: 'offline', ...bindParams }, admin);
  for (let i = 1; i <= messages; i++)
    await h.rest('im.message.add', { DIALOG_ID: '5', MESSAGE: `m${i}` }, admin);
  const get = async (params: Record<string, unknown> = {}) =>
    (await h.rest('event.offline.get', params, admin)).body.result as {
      process_id: string | null;
      events: OfflineRecord[];
    };
  const texts = (events: readonly OfflineRecord[]) => events.map((e) => e.EVENT_DATA.PARAMS.MESSAGE);
  return { ...h, admin, get, texts };
}

describe('event.offline.get', () => {
  it('returns the oldest records with the documented fields and deletes them by default (clear=1)', async () => {
    const { get, texts, rest, admin } = await queueOf(3);
    const first = await get({ limit: 2 });
    expect(first.process_id).toBeNull();
    expect(texts(first.events)).toEqual(['m1', 'm2']);
    expect(Object.keys(first.events[0]!)).toEqual([
      'ID',
      'TIMESTAMP_X',
      'EVENT_NAME',
      'EVENT_DATA',
      'EVENT_ADDITIONAL',
      'MESSAGE_ID',
    ]);
    expect(first.events[0]).toMatchObject({
      ID: '1',
      EVENT_NAME: 'ONIMBOTMESSAGEADD',
      EVENT_ADDITIONAL: { user_id: '1' },
    });
    expect(first.events[0]!.TIMESTAMP_X).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
    expect(first.events[0]!.MESSAGE_ID).toMatch(/^[0-9a-f]{32}$/);
    expect(texts((await get()).events)).toEqual(['m3']);
    expect((await get()).events).toEqual([]);
    expect((await rest('event.offline.list', {}, admin)).body.total).toBe(0);
  });

  it('filters with the operation before the field, orders, and refuses unknown fields naming the argument', async () => {
    const { get, texts, rest, admin } = await queueOf(4);
    const filtered = await get({
      filter: { '>=ID': 2, '=EVENT_NAME': 'onimbotmessageadd' },
      order: { ID: 'DESC' },
      clear: 0,
    });
    expect(texts(filtered.events)).toEqual(['m4', 'm3', 'm2']);
    expect(texts((await get({ filter: { '<ID': 2 }, clear: 0 })).events)).toEqual(['m1']);
    expect(await rest('event.offline.get', { filter: { '=PROCESS_ID': '' } }, admin)).toMatchObject({
      status: 400,
      body: { error: 'ERROR_ARGUMENT', argument: 'filter' },
    });
    expect((await rest('event.offline.get', { order: { ID: 'UP' } }, admin)).body).toMatchObject({
      argument: 'order',
    });
  });

  it('multithreaded parsing: parallel callers get disjoint records; a process_id re-selects its own until cleared', async () => {
    const { get, texts, rest, admin } = await queueOf(6);
    const [a, b, c] = await Promise.all([
      get({ clear: 0, limit: 2 }),
      get({ clear: 0, limit: 2 }),
      get({ clear: 0, limit: 2 }),
    ]);
    const ids = [a, b, c].flatMap((r) => r.events.map((e) => e.ID));
    expect(new Set(ids).size).toBe(6);
    expect(new Set([a.process_id, b.process_id, c.process_id]).size).toBe(3);
    expect(a.process_id).toMatch(/^[0-9a-f]{32}$/);
    // Nothing is left for a new process; the same process_id sees its reservation again.
    expect((await get({ clear: 0 })).events).toEqual([]);
    const again = await get({ clear: 0, process_id: a.process_id });
    expect(again.process_id).toBe(a.process_id);
    expect(again.events.map((e) => e.ID)).toEqual(a.events.map((e) => e.ID));
    // event.offline.list shows the reservation (PROCESS_ID) without changing anything.
    const list = (await rest('event.offline.list', { filter: { '=PROCESS_ID': b.process_id } }, admin)).body;
    expect(list).toMatchObject({ total: 2, result: [{ PROCESS_ID: b.process_id, ERROR: '0' }, {}] });
    // Clear part of a reservation by message_id, the rest by process_id.
    const clearOne = { process_id: a.process_id, message_id: [a.events[0]!.MESSAGE_ID] };
    expect((await rest('event.offline.clear', clearOne, admin)).body.result).toBe(true);
    expect(texts((await get({ clear: 0, process_id: a.process_id })).events)).toEqual([
      a.events[1]!.EVENT_DATA.PARAMS.MESSAGE,
    ]);
    await rest('event.offline.clear', { process_id: a.process_id }, admin);
    await rest('event.offline.clear', { process_id: b.process_id, id: [b.events[1]!.ID] }, admin);
    expect((await rest('event.offline.list', {}, admin)).body.total).toBe(3);
    expect(await rest('event.offline.clear', {}, admin)).toMatchObject({
      status: 400,
      body: { argument: 'process_id' },
    });
  });

  it('event.offline.error marks records: hidden unless error=1, then shown with ERROR=1 in the list', async () => {
    const { get, texts, rest, admin } = await queueOf(2);
    const taken = await get({ clear: 0 });
    const failed = { process_id: taken.process_id, message_id: [taken.events[1]!.MESSAGE_ID] };
    expect((await rest('event.offline.error', failed, admin)).body.result).toBe(true);
    await rest('event.offline.clear', { process_id: taken.process_id }, admin);
    expect((await get()).events).toEqual([]);
    const list = (await rest('event.offline.list', { filter: { ERROR: 1 } }, admin)).body;
    expect(list).toMatchObject({ total: 1, result: [{ ERROR: '1', PROCESS_ID: '' }] });
    expect(texts((await get({ error: 1 })).events)).toEqual(['m2']);
  });

  it('auth_connector: the queue of a source skips changes made with that source and is read with it', async () => {
    const { get, texts, rest, admin } = await queueOf(1, { auth_connector: 'crm-sync' });
    expect((await get()).events).toEqual([]); // events without a source only
    await rest('im.message.add', { DIALOG_ID: '5', MESSAGE: 'own', auth_connector: 'crm-sync' }, admin);
    expect(texts((await get({ auth_connector: 'crm-sync' })).events)).toEqual(['m1']);
  });
});

describe('event.offline.list', () => {
  it('pages by 50 with total and next, ID ascending by default', async () => {
    const { rest, admin } = await queueOf(52);
    const first = (await rest('event.offline.list', {}, admin)).body;
    expect(first).toMatchObject({ total: 52, next: 50 });
    expect((first.result as OfflineRecord[]).length).toBe(50);
    expect((first.result as OfflineRecord[])[0]!.ID).toBe('1');
    const second = (await rest('event.offline.list', { start: 50 }, admin)).body;
    expect((second.result as OfflineRecord[]).map((r) => r.ID)).toEqual(['51', '52']);
    expect(second.next).toBeUndefined();
  });
});
