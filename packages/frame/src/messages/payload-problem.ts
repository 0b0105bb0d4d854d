/**
 * The host's errors for ATTACH, KEYBOARD and MENU (im-message-add.txt, bot-platform-docs.txt
 * "imbot.message.add"): `<FIELD>_ERROR` when the object does not validate, `<FIELD>_OVERSIZE` beyond
 * 30 KB. A problem carries the host's code and description plus what exactly failed.
 */

export type MessagePayloadField = 'ATTACH' | 'KEYBOARD' | 'MENU';

export type MessagePayloadErrorCode = `${MessagePayloadField}_ERROR` | `${MessagePayloadField}_OVERSIZE`;

export interface MessagePayloadProblem {
  readonly field: MessagePayloadField;
  readonly code: MessagePayloadErrorCode;
  /** The host's `error_description` for the code. */
  readonly description: string;
  /** What failed, naming the part (`BLOCKS[2].LINK: LINK is not an http(s) URL`), for the developer. */
  readonly detail: string;
}

const invalidDescriptions: Readonly<Record<MessagePayloadField, string>> = {
  ATTACH: 'Complete transmitted object was not validated.',
  KEYBOARD: 'Complete transmitted keyboard object was not validated.',
  MENU: 'Complete transmitted menu object was not validated.',
};

const nouns: Readonly<Record<MessagePayloadField, string>> = {
  ATTACH: 'attachment',
  KEYBOARD: 'keyboard',
  MENU: 'menu',
};

export function invalidPayload(field: MessagePayloadField, detail: string): MessagePayloadProblem {
  return { field, code: `${field}_ERROR`, description: invalidDescriptions[field], detail };
}

export function oversizePayload(field: MessagePayloadField, detail: string): MessagePayloadProblem {
  return {
    field,
    code: `${field}_OVERSIZE`,
    description: `Maximum permissible ${nouns[field]} size was exceeded (30 Kb).`,
    detail,
  };
}
