import { checkAttach, checkKeyboard } from '@imkit/frame/messages';
import { describe, expect, it } from 'vitest';
import type { ChosenMessage } from '../src/chosen-message.js';
import {
  buildCrmMessageAdd,
  buildMessageAdd,
  type FollowUpInput,
  maxQuoteLength,
  quoteOf,
} from '../src/follow-up.js';
import { messageLink } from '../src/message-link.js';

const message: ChosenMessage = {
  id: 345,
  dialogId: 'chat12',
  authorId: 2,
  authorName: 'Boris Berg',
  date: '2026-11-20T10:05:00+00:00',
  text: 'Check the pricing page',
};

const input = (over: Partial<FollowUpInput> = {}): FollowUpInput => ({
  message,
  note: 'Please review',
  portalOrigin: 'https://portal.example.com',
  when: '20.11.2026 10:05',
  labels: {
    defaultNote: 'Follow-up',
    sentAt: 'Sent',
    openMessage: 'Open',
    openChat: 'Open chat',
    system: 'System',
  },
  ...over,
});

describe('messageLink', () => {
  it('links into the portal chat and encodes the dialog id', () => {
    expect(messageLink('https://portal.example.com', 'chat12', 345)).toBe(
      'https://portal.example.com/online/?IM_DIALOG=chat12&IM_MESSAGE=345',
    );
    expect(messageLink('http://127.0.0.1:3000', 'a&b', 1)).toBe(
      'http://127.0.0.1:3000/online/?IM_DIALOG=a%26b&IM_MESSAGE=1',
    );
  });
});

describe('buildMessageAdd', () => {
  it('quotes author, time and text and links back to the message', () => {
    const params = buildMessageAdd('chat14', input());
    expect(params.DIALOG_ID).toBe('chat14');
    expect(params.MESSAGE).toBe('Please review');
    expect(params.ATTACH.BLOCKS).toEqual([
      { USER: { NAME: 'Boris Berg', USER_ID: 2 } },
      { GRID: [{ NAME: 'Sent', VALUE: '20.11.2026 10:05', DISPLAY: 'LINE' }] },
      { MESSAGE: 'Check the pricing page' },
      { LINK: { NAME: 'Open', LINK: 'https://portal.example.com/online/?IM_DIALOG=chat12&IM_MESSAGE=345' } },
    ]);
    expect(params.KEYBOARD).toEqual([
      { TEXT: 'Open chat', ACTION: 'DIALOG', ACTION_VALUE: 'chat12', DISPLAY: 'LINE' },
    ]);
    expect(checkAttach(params.ATTACH)).toBeNull();
    expect(checkKeyboard(params.KEYBOARD)).toBeNull();
  });

  it('uses the default note, names system messages and leaves out an empty quote', () => {
    const params = buildMessageAdd(
      'chat12',
      input({ note: '  ', message: { ...message, authorId: 0, authorName: '', text: ' ' } }),
    );
    expect(params.MESSAGE).toBe('Follow-up');
    expect(params.ATTACH.BLOCKS[0]).toEqual({ USER: { NAME: 'System' } });
    expect(params.ATTACH.BLOCKS.some((b) => 'MESSAGE' in b)).toBe(false);
    expect(checkAttach(params.ATTACH)).toBeNull();
  });

  it('cuts a long quote', () => {
    const quote = quoteOf('x'.repeat(5000));
    expect(quote.length).toBe(maxQuoteLength);
    expect(quote.endsWith('…')).toBe(true);
  });
});

describe('buildCrmMessageAdd', () => {
  it('puts the quote and link into the text, with the CRM binding and sender', () => {
    const params = buildCrmMessageAdd({ chatId: 14, crm: { entityType: 'lead', entityId: 21 } }, 1, input());
    expect(params).toEqual({
      CRM_ENTITY_TYPE: 'lead',
      CRM_ENTITY: 21,
      USER_ID: 1,
      CHAT_ID: 14,
      MESSAGE:
        'Please review\n\n[B]Boris Berg[/B], 20.11.2026 10:05:\nCheck the pricing page\nhttps://portal.example.com/online/?IM_DIALOG=chat12&IM_MESSAGE=345',
    });
  });
});
