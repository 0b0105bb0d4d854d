/**
 * Errors of a whole installer run. Item-level failures (one bind refused) are not thrown: they are
 * entries of the apply result. These are thrown when nothing can be planned or sent at all.
 */

/** One problem with one declaration, found offline before any request. */
export interface DeclarationProblem {
  /** The app (folder name) or file the declaration came from. */
  readonly app: string;
  readonly placement: string;
  readonly handler: string;
  /** The field at fault: `OPTIONS.color`, `handler`, `title.en`, `PLACEMENT`… */
  readonly field: string;
  /** The rule the field breaks. */
  readonly rule: string;
  /** The error code the host would answer with (`INVALID_ERROR_COLOR`), or `INVALID_DECLARATION`. */
  readonly code: string;
  readonly description: string;
}

export type InstallerErrorCode =
  /** One or more declarations are invalid; `problems` lists every one. */
  | 'INVALID_DECLARATIONS'
  /** The portal's current bindings could not be read (`placement.get` failed). */
  | 'READ_FAILED'
  /** The portal URL is a webhook URL; placements need an application token. */
  | 'WEBHOOK_URL'
  /** Options of the installer itself are wrong (handler base, portal URL, credentials). */
  | 'INVALID_OPTIONS';

export class InstallerError extends Error {
  override readonly name = 'InstallerError';
  readonly code: InstallerErrorCode;
  readonly problems: readonly DeclarationProblem[];
  constructor(
    code: InstallerErrorCode,
    message: string,
    problems: readonly DeclarationProblem[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.code = code;
    this.problems = problems;
  }
}

/** One line per problem: `im-sidebar: IM_SIDEBAR im-sidebar/ OPTIONS.color — must be … (INVALID_ERROR_COLOR)`. */
export function describeProblems(problems: readonly DeclarationProblem[]): string {
  return problems
    .map(
      (p) =>
        `${p.app}: ${p.placement || '?'} ${p.handler || '?'} ${p.field} — must be ${p.rule} (${p.code}: ${p.description})`,
    )
    .join('\n');
}
