/**
 * `CreateError`: every refusal of the scaffolder, with a code and the field it concerns (a flag name such
 * as `--icon`, or `name`), so the CLI can print one clear line and tests can assert the reason.
 */

export type CreateErrorCode =
  /** A flag or argument the CLI does not understand. */
  | 'USAGE'
  /** A value that fails its rule (name, placement, title, an option). */
  | 'INVALID_VALUE'
  /** The target folder or file already exists. */
  | 'EXISTS'
  /** No pnpm workspace with an `apps/` folder was found. */
  | 'NO_WORKSPACE'
  /** The interactive session ended (input closed or timed out) before every answer was given. */
  | 'ABORTED'
  /** Writing the app failed; nothing was left behind. */
  | 'WRITE_FAILED';

export class CreateError extends Error {
  override readonly name = 'CreateError';
  readonly code: CreateErrorCode;
  /** The field the error is about (`name`, `placement`, `title`, `iconName`…), or '' for none. */
  readonly field: string;
  constructor(code: CreateErrorCode, field: string, message: string) {
    super(message);
    this.code = code;
    this.field = field;
  }
}
