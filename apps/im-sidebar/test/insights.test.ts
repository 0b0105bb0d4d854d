import { parseMessagePage } from '@imkit/app-kit';
import { describe, expect, it } from 'vitest';
import { parseChatInfo } from '../src/chat-info.js';
import { computeInsights } from '../src/insights.js';
import { extractLinks } from '../src/links.js';
import { groupChat, messagePage, openLineChat } from './fixtures.js';

describe('extractLinks', () => {
  it('finds plain URLs, BB-code URLs and attachment links, without trailing punctuation', () => {
    const links = extractLinks('see https://a.example/x. and [URL=https://b.example/]b[/URL]', {
      ATTACH: [
        {
          BLOCKS: [
            { LINK: { LINK: 'https://c.example/' } },
            { RICH_LINK: [{ LINK: 'https://a.example/x' }] },
          ],
        },
      ],
    });
    expect(links).toEqual(['https://a.example/x', 'https://b.example/', 'https://c.example/']);
  });

  it('never keeps non-http links and survives garbage params', () => {
    expect(
      extractLinks('javascript:alert(1) data:text/html,x', {
        ATTACH: [{ BLOCKS: [{ LINK: { LINK: 'javascript:x' } }] }],
      }),
    ).toEqual([]);
    expect(extractLinks('', 'nonsense')).toEqual([]);
    expect(extractLinks('', { ATTACH: 5 })).toEqual([]);
  });
});

describe('computeInsights', () => {
  it('counts messages per author, lists participants and shared links', () => {
    const { messages, users } = parseMessagePage(messagePage);
    const insights = computeInsights(messages, users);
    expect(insights.authors.map((a) => [a.name, a.messages])).toEqual([
      ['John Harrington', 3],
      ['Chris Curtis', 1],
    ]);
    expect(insights.participants.map((p) => p.name)).toEqual(['John Harrington', 'Chris Curtis', 'Echo Bot']);
    expect(insights.links).toEqual([
      {
        url: 'https://example.com/a',
        times: 2,
        lastSharedBy: 'Chris Curtis',
        lastSharedAt: '2026-11-20T10:05:00+00:00',
      },
      {
        url: 'http://squirrel.com/',
        times: 1,
        lastSharedBy: 'John Harrington',
        lastSharedAt: '2026-11-20T10:04:00+00:00',
      },
    ]);
    expect(insights.messagesAnalysed).toBe(5);
    expect(insights.since).toBe('2026-11-20T10:01:00+00:00');
  });

  it('handles a chat without messages', () => {
    const insights = computeInsights([], new Map());
    expect(insights).toMatchObject({
      participants: [],
      authors: [],
      links: [],
      messagesAnalysed: 0,
      since: '',
    });
  });
});

describe('chat kind and open-line data', () => {
  it('tells group, private, open-line and CRM chats apart', () => {
    expect(parseChatInfo('chat12', groupChat)).toMatchObject({
      kind: 'CHAT',
      chatId: 12,
      memberCount: 4,
      openLine: null,
    });
    expect(parseChatInfo('5', { id: 40, type: 'private', title: 'Chris' }).kind).toBe('USER');
    expect(parseChatInfo('chat9', { type: 'crm', entity_type: 'CRM' }).kind).toBe('CRM');
    const lines = parseChatInfo('chat71', openLineChat);
    expect(lines.kind).toBe('LINES');
    expect(lines.openLine).toEqual({ crm: { entityType: 'deal', entityId: 12 }, sessionId: 7 });
  });

  it('falls back to what dialogId says when the answer is unreadable', () => {
    expect(parseChatInfo('chat33', null)).toEqual({
      dialogId: 'chat33',
      chatId: 33,
      title: 'chat33',
      kind: 'CHAT',
      memberCount: 0,
      openLine: null,
    });
  });
});
