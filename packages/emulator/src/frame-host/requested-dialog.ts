/** The dialog a launch request names (`dialogId`), opened for the current user; 400/404 otherwise. */
import { openDialog } from '../portal/state/portal-queries.js';
import type { PortalChat, PortalState } from '../portal/state/portal-state.js';
import { PrivateApiError } from './private-api-error.js';

export function requestedDialog(
  state: PortalState,
  userId: number,
  dialogId: unknown,
  missing: string,
): { readonly dialogId: string; readonly chat: PortalChat } {
  if (typeof dialogId !== 'string' && typeof dialogId !== 'number')
    throw new PrivateApiError(400, 'BAD_FIELD', missing, 'dialogId');
  const chat = openDialog(state, userId, dialogId);
  if (chat === undefined)
    throw new PrivateApiError(
      404,
      'DIALOG_NOT_FOUND',
      `The current user has no dialog ${dialogId}`,
      'dialogId',
    );
  return { dialogId: String(dialogId), chat };
}
