import { describe, expect, it } from 'vitest';
import {
  getTextareaContent,
  nextTextareaContent,
  noDialogMessage,
  noInputMessage,
  readSetTextareaParams,
  requestIdOf,
  setTextareaContent,
  type TextareaTarget,
} from '../src/host/textarea-commands.js';

function target(initial: string): TextareaTarget & { value: () => string } {
  let text = initial;
  return {
    dialogId: 'chat1',
    input: { read: () => text, write: (next) => (text = next) },
    value: () => text,
  };
}

describe('textarea commands', () => {
  it('reads the input with the requestId', () => {
    expect(getTextareaContent(target('hello'), 'r1')).toEqual({ text: 'hello', requestId: 'r1' });
  });

  it('fails with {message, requestId} without a dialog or input', () => {
    expect(getTextareaContent({ dialogId: null, input: null }, 'r2')).toEqual({
      message: noDialogMessage,
      requestId: 'r2',
    });
    expect(
      setTextareaContent({ dialogId: 'chat1', input: null }, readSetTextareaParams({ text: 'x' }), 'r3'),
    ).toEqual({
      message: noInputMessage,
      requestId: 'r3',
    });
  });

  it('appends, appends on a new line, or replaces', () => {
    expect(nextTextareaContent('a', { text: 'b', withNewLine: false, replace: false })).toBe('ab');
    expect(nextTextareaContent('a', { text: 'b', withNewLine: true, replace: false })).toBe('a\nb');
    expect(nextTextareaContent('', { text: 'b', withNewLine: true, replace: false })).toBe('b');
    expect(nextTextareaContent('a', { text: 'b', withNewLine: true, replace: true })).toBe('b');
  });

  it('writes into the input and answers with the new content', () => {
    const t = target('one');
    expect(setTextareaContent(t, readSetTextareaParams({ text: 'two', withNewLine: true }), 'r4')).toEqual({
      text: 'one\ntwo',
      requestId: 'r4',
    });
    expect(t.value()).toBe('one\ntwo');
  });

  it('reads requestId from params or from the object message (official SDK)', () => {
    expect(requestIdOf({ requestId: 'p' }, { requestId: 'raw' })).toBe('p');
    expect(requestIdOf('', { requestId: 'raw' })).toBe('raw');
    expect(requestIdOf(undefined, 'string message')).toBe('');
  });

  it('treats bad params as empty', () => {
    expect(readSetTextareaParams(null)).toEqual({ text: '', withNewLine: false, replace: false });
    expect(readSetTextareaParams({ text: 5, replace: 'Y' })).toEqual({
      text: '5',
      withNewLine: false,
      replace: true,
    });
  });
});
