import { describe, expect, it } from 'vitest';
import { checkNewTemplate, readOwnTemplates, writeOwnTemplates } from '../src/own-templates.js';
import { fillTemplate } from '../src/templates.js';

describe('own templates option', () => {
  it('round-trips through the user option string', () => {
    const templates = [{ id: 'own-1', title: 'Hi', text: 'Hi {recipient}' }];
    expect(readOwnTemplates(writeOwnTemplates(templates))).toEqual(templates);
  });

  it('reads damaged values as no templates and drops bad entries', () => {
    expect(readOwnTemplates(undefined)).toEqual([]);
    expect(readOwnTemplates('{not json')).toEqual([]);
    expect(readOwnTemplates('{"id":1}')).toEqual([]);
    expect(
      readOwnTemplates('[null, {"id":"a","title":" ","text":"x"}, {"id":"b","title":"B","text":"ok"}]'),
    ).toEqual([{ id: 'b', title: 'B', text: 'ok' }]);
  });

  it('names the field that makes a new template invalid', () => {
    expect(checkNewTemplate(' ', 'x', [])).toBe('TITLE_EMPTY');
    expect(checkNewTemplate('T', '  ', [])).toBe('TEXT_EMPTY');
    expect(checkNewTemplate('T'.repeat(61), 'x', [])).toBe('TITLE_TOO_LONG');
    expect(checkNewTemplate('T', 'x'.repeat(2001), [])).toBe('TEXT_TOO_LONG');
    const full = Array.from({ length: 20 }, (_, i) => ({ id: String(i), title: 't', text: 't' }));
    expect(checkNewTemplate('T', 'x', full)).toBe('TOO_MANY_TEMPLATES');
    expect(checkNewTemplate('T', 'x', [])).toBeNull();
  });
});

describe('fillTemplate', () => {
  it('fills known variables and keeps missing or unknown ones visible', () => {
    expect(
      fillTemplate('{recipient} in {chat} on {date} from {me} {other}', {
        recipient: 'Boris',
        chat: '',
        me: 'Anna',
      }),
    ).toBe('Boris in {chat} on {date} from Anna {other}');
  });
});
