/**
 * Client-side checks of `im.message.add`'s ATTACH and KEYBOARD, following the documented rules
 * (bot-platform-docs.txt "Attachments", "Using Keyboards"): the host answers ATTACH_ERROR /
 * KEYBOARD_ERROR when the object does not validate and ATTACH_OVERSIZE / KEYBOARD_OVERSIZE beyond
 * 30 KB. Checking first means the user sees the problem before anything is posted.
 */

/** "Maximum allowed attachment size exceeded (30 Kb)" — the encoded object, per payload. */
export const payloadSizeLimit = 30 * 1024;

export interface GridItem {
  readonly NAME: string;
  readonly VALUE: string;
  readonly DISPLAY: 'BLOCK' | 'LINE' | 'COLUMN' | 'ROW';
}

export type AttachBlock =
  | { readonly USER: { readonly NAME: string; readonly USER_ID?: number } }
  | { readonly MESSAGE: string }
  | { readonly GRID: readonly GridItem[] }
  | { readonly LINK: { readonly NAME: string; readonly LINK: string; readonly DESC?: string } }
  | { readonly DELIMITER: { readonly SIZE: number; readonly COLOR: string } };

export interface Attach {
  readonly ID: number;
  readonly COLOR: string;
  readonly BLOCKS: readonly AttachBlock[];
}

export interface KeyboardButton {
  readonly TEXT: string;
  readonly LINK?: string;
  readonly ACTION?: 'PUT' | 'SEND' | 'COPY' | 'CALL' | 'DIALOG';
  readonly ACTION_VALUE?: string;
  readonly DISPLAY?: 'BLOCK' | 'LINE';
  readonly BG_COLOR?: string;
  readonly TEXT_COLOR?: string;
}

export type PayloadProblemCode = 'ATTACH_ERROR' | 'ATTACH_OVERSIZE' | 'KEYBOARD_ERROR' | 'KEYBOARD_OVERSIZE';

export interface PayloadProblem {
  readonly field: 'ATTACH' | 'KEYBOARD';
  readonly code: PayloadProblemCode;
  /** What failed, for the developer (the user sees the code's plain words). */
  readonly detail: string;
}

const filled = (value: string | undefined): boolean => typeof value === 'string' && value.trim() !== '';

export function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** Why a block fails the documented rules, or '' when it passes. */
function blockProblem(block: AttachBlock): string {
  if ('MESSAGE' in block) return filled(block.MESSAGE) ? '' : 'MESSAGE block is empty';
  if ('USER' in block) return filled(block.USER.NAME) || block.USER.USER_ID ? '' : 'USER block has no NAME';
  if ('GRID' in block) {
    if (block.GRID.length === 0) return 'GRID block has no items';
    return block.GRID.every((item) => filled(item.NAME) || filled(item.VALUE)) ? '' : 'GRID item is empty';
  }
  if ('LINK' in block) return isHttpUrl(block.LINK.LINK) ? '' : 'LINK block has no http(s) LINK';
  return '';
}

export function byteSize(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}

export function checkAttach(attach: Attach): PayloadProblem | null {
  if (attach.BLOCKS.length === 0) return { field: 'ATTACH', code: 'ATTACH_ERROR', detail: 'no BLOCKS' };
  for (const block of attach.BLOCKS) {
    const detail = blockProblem(block);
    if (detail) return { field: 'ATTACH', code: 'ATTACH_ERROR', detail };
  }
  const size = byteSize(attach);
  if (size > payloadSizeLimit) {
    return { field: 'ATTACH', code: 'ATTACH_OVERSIZE', detail: `${size} bytes > ${payloadSizeLimit}` };
  }
  return null;
}

function buttonProblem(button: KeyboardButton): string {
  if (!filled(button.TEXT)) return 'button has no TEXT';
  if (button.LINK !== undefined) return isHttpUrl(button.LINK) ? '' : 'button LINK is not http(s)';
  if (button.ACTION !== undefined)
    return filled(button.ACTION_VALUE) ? '' : 'button ACTION has no ACTION_VALUE';
  return 'button needs LINK, COMMAND or ACTION';
}

export function checkKeyboard(buttons: readonly KeyboardButton[]): PayloadProblem | null {
  if (buttons.length === 0) return { field: 'KEYBOARD', code: 'KEYBOARD_ERROR', detail: 'no buttons' };
  for (const button of buttons) {
    const detail = buttonProblem(button);
    if (detail) return { field: 'KEYBOARD', code: 'KEYBOARD_ERROR', detail };
  }
  const size = byteSize(buttons);
  if (size > payloadSizeLimit) {
    return { field: 'KEYBOARD', code: 'KEYBOARD_OVERSIZE', detail: `${size} bytes > ${payloadSizeLimit}` };
  }
  return null;
}
