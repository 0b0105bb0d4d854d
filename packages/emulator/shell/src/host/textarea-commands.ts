/**
 * `im:getImTextareaContent` / `im:setImTextareaContent` (HOST-PROTOCOL.md §4, official SDK docs). The
 * replies carry the caller's `requestId`: `{text, requestId}` on success, `{message, requestId}` when
 * there is no open dialog or no input. The official SDK sends `requestId` next to `params` (top level of
 * the object message); other clients put it inside `params`; both are read.
 */
import { isObject } from '../portal/read-fields.js';

export const noDialogMessage = 'failed to determine the current dialog';
export const noInputMessage = 'the text field is unavailable';

/** The chat input the commands act on; null fields mean "not available". */
export interface TextareaTarget {
  readonly dialogId: string | null;
  readonly input: { read(): string; write(text: string): void } | null;
}

export type TextareaReply =
  | { readonly text: string; readonly requestId: string }
  | { readonly message: string; readonly requestId: string };

export function requestIdOf(params: unknown, raw: unknown): string {
  const fromParams = isObject(params) ? params.requestId : undefined;
  const fromRaw = isObject(raw) ? raw.requestId : undefined;
  const id = fromParams ?? fromRaw;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : '';
}

function unavailable(target: TextareaTarget, requestId: string): TextareaReply | null {
  if (!target.dialogId) return { message: noDialogMessage, requestId };
  if (!target.input) return { message: noInputMessage, requestId };
  return null;
}

export function getTextareaContent(target: TextareaTarget, requestId: string): TextareaReply {
  const failure = unavailable(target, requestId);
  if (failure || !target.input) return failure ?? { message: noInputMessage, requestId };
  return { text: target.input.read(), requestId };
}

export interface SetTextareaParams {
  readonly text: string;
  readonly withNewLine: boolean;
  readonly replace: boolean;
}

/** Reads `{text, withNewLine, replace}`; a missing or non-string text is treated as ''. */
export function readSetTextareaParams(params: unknown): SetTextareaParams {
  const o = isObject(params) ? params : {};
  const flag = (value: unknown) => value === true || value === 'Y' || value === 'true' || value === 1;
  return {
    text: typeof o.text === 'string' ? o.text : typeof o.text === 'number' ? String(o.text) : '',
    withNewLine: flag(o.withNewLine),
    replace: flag(o.replace),
  };
}

/**
 * The new input content: `replace` swaps it, otherwise the text is appended; `withNewLine` starts the
 * inserted text on a new line when the input is not empty.
 */
export function nextTextareaContent(current: string, params: SetTextareaParams): string {
  if (params.replace) return params.text;
  if (current === '') return params.text;
  const separator = params.withNewLine && !current.endsWith('\n') ? '\n' : '';
  return `${current}${separator}${params.text}`;
}

export function setTextareaContent(
  target: TextareaTarget,
  params: SetTextareaParams,
  requestId: string,
): TextareaReply {
  const failure = unavailable(target, requestId);
  if (failure || !target.input) return failure ?? { message: noInputMessage, requestId };
  const text = nextTextareaContent(target.input.read(), params);
  target.input.write(text);
  return { text, requestId };
}
