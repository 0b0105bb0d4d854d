/** Errors of the legacy chat-app client (`@imkit/frame/legacy`). */

export type ChatAppErrorCode =
  /** The launch query is missing a field or has a malformed one (`field` names it). */
  | 'BAD_LAUNCH'
  /** A call was made with a bad argument (`field` names it). */
  | 'INVALID_ARGUMENT'
  /** The host's `init` message did not come in time, so a queued call was dropped. */
  | 'INIT_TIMEOUT'
  /** Too many calls were queued before `init`. */
  | 'QUEUE_FULL'
  /** The client was disposed. */
  | 'DISPOSED';

export class ChatAppError extends Error {
  override readonly name = 'ChatAppError';
  constructor(
    readonly code: ChatAppErrorCode,
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
