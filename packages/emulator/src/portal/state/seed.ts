/**
 * Reads the readable seed fixture (`seed/portal.json`) into a full `PortalState`, checking every field it
 * relies on; a bad fixture fails with an error naming the field.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findLinks } from './links.js';
import type {
  OpenLineSession,
  PortalChat,
  PortalChatKind,
  PortalInfo,
  PortalMessage,
  PortalState,
  PortalUser,
  PortalWebhook,
} from './portal-state.js';

export const defaultSeedPath = fileURLToPath(new URL('../../../seed/portal.json', import.meta.url));

export class SeedError extends Error {
  override readonly name = 'SeedError';
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class FieldReader {
  constructor(
    private readonly source: string,
    private readonly path: string,
    private readonly value: Json,
  ) {}

  private fail(key: string, expected: string): never {
    throw new SeedError(`${this.source}: ${this.path}${key ? `.${key}` : ''} must be ${expected}`);
  }

  string(key: string): string {
    const v = this.value[key];
    return typeof v === 'string' ? v : this.fail(key, 'a string');
  }

  id(key: string): number {
    const v = this.value[key];
    return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : this.fail(key, 'an integer ≥ 0');
  }

  boolean(key: string): boolean {
    const v = this.value[key];
    return typeof v === 'boolean' ? v : this.fail(key, 'true or false');
  }

  ids(key: string): number[] {
    const v = this.value[key];
    if (!Array.isArray(v) || !v.every((n) => typeof n === 'number' && Number.isInteger(n) && n > 0))
      return this.fail(key, 'an array of positive integers');
    return v as number[];
  }

  oneOf<T extends string>(key: string, allowed: readonly T[]): T {
    const v = this.value[key];
    return (allowed as readonly unknown[]).includes(v) ? (v as T) : this.fail(key, allowed.join(' | '));
  }

  object(key: string): FieldReader {
    const v = this.value[key];
    return isObject(v) ? new FieldReader(this.source, `${this.path}.${key}`, v) : this.fail(key, 'an object');
  }

  nullableObject(key: string): FieldReader | null {
    return this.value[key] === null || this.value[key] === undefined ? null : this.object(key);
  }

  raw(key: string): unknown {
    return this.value[key];
  }

  list(key: string): FieldReader[] {
    const v = this.value[key];
    if (!Array.isArray(v)) return this.fail(key, 'an array');
    return v.map((item, index) =>
      isObject(item)
        ? new FieldReader(this.source, `${this.path}.${key}[${index}]`, item)
        : this.fail(`${key}[${index}]`, 'an object'),
    );
  }
}

function readPortal(r: FieldReader): PortalInfo {
  return {
    memberId: r.string('memberId'),
    appName: r.string('appName'),
    appCode: r.string('appCode'),
    clientId: r.string('clientId'),
    clientSecret: r.string('clientSecret'),
    lang: r.string('lang'),
    applicationToken: r.string('applicationToken'),
    installed: true,
  };
}

function readUser(r: FieldReader): PortalUser {
  return {
    id: r.id('id'),
    name: r.string('name'),
    lastName: r.string('lastName'),
    email: r.string('email'),
    workPosition: r.string('workPosition'),
    color: r.string('color'),
    gender: r.oneOf('gender', ['M', 'F', ''] as const),
    isAdmin: r.boolean('isAdmin'),
    isExtranet: r.boolean('isExtranet'),
    isBot: r.boolean('isBot'),
    ...(typeof r.raw('botCode') === 'string' ? { botCode: r.string('botCode') } : {}),
  };
}

function readSession(r: FieldReader | null): OpenLineSession | null {
  if (r === null) return null;
  const crm = r.nullableObject('crm');
  return {
    id: r.id('id'),
    operatorId: r.id('operatorId'),
    queue: r.ids('queue'),
    userCode: r.string('userCode'),
    crm: crm ? { entityType: crm.string('entityType'), entityId: crm.id('entityId') } : null,
    status: r.oneOf('status', ['active', 'transferred', 'closed'] as const),
  };
}

const chatKinds: readonly PortalChatKind[] = ['private', 'chat', 'lines', 'crm'];

function readChat(r: FieldReader): PortalChat {
  return {
    id: r.id('id'),
    kind: r.oneOf('kind', chatKinds),
    title: r.string('title'),
    color: r.string('color'),
    ownerId: r.id('ownerId'),
    members: r.ids('members'),
    entityType: r.string('entityType'),
    entityId: r.string('entityId'),
    entityData1: r.string('entityData1'),
    dateCreate: r.string('dateCreate'),
    session: readSession(r.nullableObject('session')),
  };
}

function readMessage(r: FieldReader): PortalMessage {
  const text = r.string('text');
  const params = r.object('params');
  return {
    id: r.id('id'),
    chatId: r.id('chatId'),
    authorId: r.id('authorId'),
    date: r.string('date'),
    text,
    system: r.boolean('system'),
    params: {
      ...(params.raw('ATTACH') === undefined ? {} : { ATTACH: params.raw('ATTACH') }),
      ...(params.raw('KEYBOARD') === undefined ? {} : { KEYBOARD: params.raw('KEYBOARD') }),
      ...(params.raw('MENU') === undefined ? {} : { MENU: params.raw('MENU') }),
    },
    links: findLinks(text),
  };
}

function readWebhook(r: FieldReader): PortalWebhook {
  return { userId: r.id('userId'), code: r.string('code') };
}

/** Turns parsed seed JSON into a fresh portal state; `source` names the file in errors. */
export function stateFromSeed(json: unknown, source: string): PortalState {
  if (!isObject(json)) throw new SeedError(`${source}: the fixture must be a JSON object`);
  const r = new FieldReader(source, 'seed', json);
  const users = r.list('users').map(readUser);
  const chats = r.list('chats').map(readChat);
  const messages = r.list('messages').map(readMessage);
  const userIds = new Set(users.map((u) => u.id));
  const chatIds = new Set(chats.map((c) => c.id));
  for (const chat of chats) {
    for (const member of chat.members) {
      if (!userIds.has(member))
        throw new SeedError(`${source}: seed.chats(id ${chat.id}).members has unknown user ${member}`);
    }
  }
  for (const message of messages) {
    if (!chatIds.has(message.chatId))
      throw new SeedError(`${source}: seed.messages(id ${message.id}).chatId ${message.chatId} is unknown`);
  }
  const currentUserId = r.id('currentUserId');
  if (!userIds.has(currentUserId))
    throw new SeedError(`${source}: seed.currentUserId ${currentUserId} is not a user`);
  const maxOf = (ids: number[]) => ids.reduce((max, id) => Math.max(max, id), 0);
  return {
    version: 1,
    portal: readPortal(r.object('portal')),
    users,
    chats,
    messages,
    bindings: [],
    tokens: [],
    webhooks: r.list('webhooks').map(readWebhook),
    legacyApps: [],
    eventBindings: [],
    offlineEvents: [],
    installation: null,
    userOptions: {},
    appOptions: {},
    firstRunDone: [],
    currentUserId,
    nextId: {
      message: maxOf(messages.map((m) => m.id)) + 1,
      binding: 1,
      chat: maxOf(chats.map((c) => c.id)) + 1,
      legacyApp: 1,
      session: maxOf(chats.map((c) => c.session?.id ?? 0)) + 1,
      eventBinding: 1,
      offlineEvent: 1,
    },
  };
}

export function readSeed(path: string = defaultSeedPath): PortalState {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new SeedError(`cannot read the seed fixture ${path}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SeedError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  return stateFromSeed(json, path);
}
