/**
 * Files shared by the flavors whose frame is opened for a chat (PLACEMENT_OPTIONS.dialogId): reading the
 * dialogId safely and reading `im.dialog.get` into the chat's title and member count.
 */

export const openDialogFile = `/**
 * The chat this frame was opened for: PLACEMENT_OPTIONS.dialogId (\`chat12\` for a group chat, a user id
 * for a private dialog), checked before any REST call is made with it.
 */
import { parseDialogId } from '@imkit/app-kit';

export function openDialogId(options: { readonly dialogId: string }): string {
  if (parseDialogId(options.dialogId) === null) {
    throw Object.assign(new Error(\`dialogId "\${options.dialogId}" is not a chat\`), {
      code: 'DIALOG_ID_EMPTY',
    });
  }
  return options.dialogId;
}
`;

export const chatInfoFile = `/** Reads an \`im.dialog.get\` answer into what the app shows: the chat's title and member count. */

export interface ChatInfo {
  readonly title: string;
  readonly memberCount: number;
}

export function readChatInfo(answer: unknown): ChatInfo {
  const chat = (typeof answer === 'object' && answer !== null ? answer : {}) as Record<string, unknown>;
  if (typeof chat.name !== 'string') {
    throw Object.assign(new Error('im.dialog.get returned no chat name'), { code: 'BAD_RESPONSE' });
  }
  return { title: chat.name, memberCount: typeof chat.user_counter === 'number' ? chat.user_counter : 0 };
}
`;
