/** `isPlacementVisible`: role, extranet and context against the viewer and the open chat (HOST-PROTOCOL.md §1). */
import { describe, expect, it } from 'vitest';
import {
  type ChatType,
  chatContexts,
  isPlacementVisible,
  type NormalizedOptions,
} from '../src/placements/index.js';

const user = { isAdmin: false, isExtranet: false };
const admin = { isAdmin: true, isExtranet: false };
const extranet = { isAdmin: false, isExtranet: true };
const chatTypes: ChatType[] = ['USER', 'CHAT', 'LINES', 'CRM'];
const defaults: NormalizedOptions = { extranet: 'N', context: 'ALL', role: 'USER' };

describe('isPlacementVisible', () => {
  it('shows role=USER to everyone inside the company and role=ADMIN to admins only', () => {
    expect(isPlacementVisible(defaults, user, 'CHAT')).toBe(true);
    expect(isPlacementVisible(defaults, admin, 'CHAT')).toBe(true);
    expect(isPlacementVisible({ ...defaults, role: 'ADMIN' }, user, 'CHAT')).toBe(false);
    expect(isPlacementVisible({ ...defaults, role: 'ADMIN' }, admin, 'CHAT')).toBe(true);
  });

  it('shows extranet users only extranet=Y placements', () => {
    expect(isPlacementVisible(defaults, extranet, 'CHAT')).toBe(false);
    expect(isPlacementVisible({ ...defaults, extranet: 'Y' }, extranet, 'CHAT')).toBe(true);
    expect(isPlacementVisible({ role: 'USER' }, extranet, null)).toBe(false);
    expect(isPlacementVisible({ ...defaults, extranet: 'Y', role: 'ADMIN' }, extranet, 'CHAT')).toBe(false);
    expect(
      isPlacementVisible({ ...defaults, extranet: 'Y' }, { isAdmin: true, isExtranet: true }, 'USER'),
    ).toBe(true);
  });

  it('matches context ALL against every chat type', () => {
    for (const chatType of chatTypes) expect(isPlacementVisible(defaults, user, chatType)).toBe(true);
  });

  it('matches a single context against its own chat type only', () => {
    for (const context of chatContexts.filter((c) => c !== 'ALL')) {
      for (const chatType of chatTypes) {
        expect([context, chatType, isPlacementVisible({ ...defaults, context }, user, chatType)]).toEqual([
          context,
          chatType,
          context === chatType,
        ]);
      }
    }
  });

  it('matches a list of contexts, trimmed as a whole', () => {
    const options = { ...defaults, context: ' USER;CHAT ' };
    expect(isPlacementVisible(options, user, 'USER')).toBe(true);
    expect(isPlacementVisible(options, user, 'CHAT')).toBe(true);
    expect(isPlacementVisible(options, user, 'LINES')).toBe(false);
    expect(isPlacementVisible(options, user, 'CRM')).toBe(false);
    expect(isPlacementVisible({ ...defaults, context: 'LINES;ALL' }, user, 'CRM')).toBe(true);
  });

  it('ignores context where there is no chat (navigation) or no context option', () => {
    expect(isPlacementVisible({ ...defaults, context: 'CRM' }, user, null)).toBe(true);
    expect(isPlacementVisible({ extranet: 'N', role: 'USER' }, user, 'LINES')).toBe(true);
  });

  it('shows only context=ALL apps in a private dialog with a bot', () => {
    expect(isPlacementVisible({ ...defaults, context: 'ALL' }, user, 'BOT')).toBe(true);
    expect(isPlacementVisible({ ...defaults, context: 'USER' }, user, 'BOT')).toBe(false);
    expect(isPlacementVisible({ ...defaults, context: 'USER;CHAT;LINES;CRM' }, user, 'BOT')).toBe(false);
    expect(isPlacementVisible({ ...defaults, context: 'USER;ALL' }, user, 'BOT')).toBe(true);
  });
});
