import { RestError } from '@imkit/frame';
import { describe, expect, it } from 'vitest';
import { toErrorInfo } from '../src/error-info.js';
import { describeRestError } from '../src/rest-error-text.js';

describe('describeRestError', () => {
  it('puts the code first, then plain words in the user language', () => {
    const error = new RestError({
      code: 'ACCESS_DENIED',
      description: 'Access denied!',
      status: 403,
      method: 'x',
    });
    expect(describeRestError(error, 'en')).toBe("ACCESS_DENIED — you don't have permission to do this.");
    expect(describeRestError(error, 'ru')).toBe('ACCESS_DENIED — у вас нет прав на это действие.');
  });

  it('knows the client, rate-limit, token and chat codes', () => {
    for (const code of [
      'QUERY_LIMIT_EXCEEDED',
      'expired_token',
      'NETWORK_ERROR',
      'ERROR_METHOD_NOT_FOUND',
      'ACCESS_ERROR',
      'DIALOG_ID_EMPTY',
      'ATTACH_ERROR',
      'FRAME_TIMEOUT',
    ]) {
      const text = describeRestError({ code }, 'en');
      expect(text.startsWith(`${code} — `)).toBe(true);
      expect(text.length).toBeGreaterThan(code.length + 10);
    }
  });

  it('knows the im.message.add and open-line codes the sample apps meet, in en and ru', () => {
    expect(describeRestError({ code: 'CHAT_NOT_IN_CRM', description: 'Chat is not bound' }, 'en')).toBe(
      'CHAT_NOT_IN_CRM — this chat is not linked to that CRM entity.',
    );
    expect(describeRestError({ code: 'WRONG_CHAT' }, 'ru')).toBe(
      'WRONG_CHAT — чат не управляется ботом, либо выбранный оператор — бот или экстранет-пользователь.',
    );
    for (const code of [
      'KEYBOARD_ERROR',
      'KEYBOARD_OVERSIZE',
      'MENU_ERROR',
      'MENU_OVERSIZE',
      'BOT_ID_ERROR',
    ]) {
      expect(describeRestError({ code, description: 'host words' }, 'en')).not.toContain('host words');
    }
  });

  it('reads a batch entry error the same way', () => {
    expect(
      describeRestError(
        { code: 'MESSAGE_EMPTY', description: '', status: 400, method: 'im.message.add' },
        'en',
      ),
    ).toBe('MESSAGE_EMPTY — the message is empty.');
  });

  it('falls back to the host description, then to the code alone', () => {
    expect(describeRestError({ code: 'SOMETHING_NEW', description: 'Host says no' }, 'en')).toBe(
      'SOMETHING_NEW — Host says no',
    );
    expect(describeRestError({ code: 'SOMETHING_NEW' }, 'ru')).toBe('SOMETHING_NEW');
  });

  it('never throws on odd input', () => {
    expect(describeRestError(null, 'en')).toBe('UNKNOWN_ERROR');
    expect(describeRestError(42, 'en')).toBe('UNKNOWN_ERROR');
    expect(describeRestError(new Error('boom'), 'en')).toBe('UNKNOWN_ERROR — boom');
    expect(describeRestError('hasOwnProperty', 'en')).toBe('hasOwnProperty');
  });
});

describe('toErrorInfo', () => {
  it('reads raw host bodies', () => {
    expect(
      toErrorInfo({ error: 'INVALID_ERROR_COLOR', error_description: 'Field color is invalid.' }),
    ).toEqual({
      code: 'INVALID_ERROR_COLOR',
      description: 'Field color is invalid.',
    });
  });
});
