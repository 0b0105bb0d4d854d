/**
 * The structure rules of KEYBOARD and MENU (bot-platform-docs.txt "Using Keyboards", "Using Context
 * Menus"): a non-empty list (or `{BUTTONS: [...]}`) of buttons, `{TYPE: 'NEWLINE'}` between rows. A
 * button needs TEXT and something to do: LINK (an http(s) URL), COMMAND, APP_ID, or an ACTION with its
 * ACTION_VALUE. A keyboard button's DISPLAY is BLOCK or LINE. Each rule answers what is wrong, or null.
 */
import {
  asPayloadList,
  hasAnyFilled,
  isFilled,
  isPayloadRecord,
  isWebLink,
  type PayloadRecord,
} from './payload-values.js';

export type ButtonsField = 'KEYBOARD' | 'MENU';

export const buttonActions = ['PUT', 'SEND', 'COPY', 'CALL', 'DIALOG'] as const;

const keyboardDisplays = ['BLOCK', 'LINE'];

const isRowBreak = (button: unknown): boolean => isPayloadRecord(button) && button.TYPE === 'NEWLINE';

function buttonProblem(button: PayloadRecord, field: ButtonsField): string | null {
  if (!isFilled(button.TEXT)) return 'TEXT is empty';
  if (
    field === 'KEYBOARD' &&
    button.DISPLAY !== undefined &&
    !keyboardDisplays.includes(String(button.DISPLAY))
  ) {
    return 'DISPLAY must be BLOCK or LINE';
  }
  if (isFilled(button.LINK)) return isWebLink(button.LINK) ? null : 'LINK is not an http(s) URL';
  if (hasAnyFilled(button, ['COMMAND', 'APP_ID'])) return null;
  if (button.ACTION === undefined) return 'needs LINK, COMMAND, APP_ID or ACTION';
  if (!(buttonActions as readonly unknown[]).includes(button.ACTION)) {
    return `ACTION must be one of ${buttonActions.join(', ')}`;
  }
  return isFilled(button.ACTION_VALUE) ? null : 'ACTION has no ACTION_VALUE';
}

/** What is wrong with a KEYBOARD or MENU value (already decoded from JSON), or null when the host accepts it. */
export function buttonsProblem(value: unknown, field: ButtonsField): string | null {
  const source = isPayloadRecord(value) && 'BUTTONS' in value ? value.BUTTONS : value;
  const list = asPayloadList(source);
  if (list === null) return `${field} is not a list of buttons`;
  if (!list.some((button) => !isRowBreak(button))) return `${field} has no buttons`;
  for (const [index, button] of list.entries()) {
    if (isRowBreak(button)) continue;
    if (!isPayloadRecord(button)) return `[${index}] is not an object`;
    const problem = buttonProblem(button, field);
    if (problem !== null) return `[${index}]: ${problem}`;
  }
  return null;
}
