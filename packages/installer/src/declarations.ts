/**
 * Declarations in, desired bindings out: every declaration is checked offline with the host's own
 * `placement.bind` rules (`checkDeclaration`) and every problem is reported before any request.
 */
import {
  type AnyPlacementDeclaration,
  type BindParams,
  type CheckedBinding,
  checkDeclaration,
  checkPlacementBind,
  type PlacementDeclaration,
  toBindParams,
} from '@imkit/frame/placements';
import { type DeclarationProblem, describeProblems, InstallerError } from './errors.js';

/** A declaration together with the app it belongs to (the folder name in `apps/`). */
export interface AppDeclaration {
  readonly app: string;
  readonly declaration: AnyPlacementDeclaration | PlacementDeclaration;
}

/** What the installer accepts: named declarations, or bare ones (named after their handler path). */
export type DeclarationInput = AppDeclaration | AnyPlacementDeclaration | PlacementDeclaration;

/** A declaration resolved against the handler base: what `placement.bind` gets and what the host stores. */
export interface DesiredBinding {
  readonly app: string;
  readonly params: BindParams;
  readonly binding: CheckedBinding;
}

function isAppDeclaration(input: DeclarationInput): input is AppDeclaration {
  return typeof input === 'object' && input !== null && 'declaration' in input && 'app' in input;
}

function field(value: unknown, key: string): string {
  if (typeof value !== 'object' || value === null) return '';
  const v = (value as Record<string, unknown>)[key];
  return typeof v === 'string' ? v : '';
}

export function toAppDeclaration(input: DeclarationInput): AppDeclaration {
  if (isAppDeclaration(input)) return input;
  const handler = field(input, 'handler');
  return { app: handler.replace(/\/+$/, '') || '(unnamed)', declaration: input };
}

/** Checks the handler base URL itself: absolute http(s). */
export function checkHandlerBase(handlerBase: string): void {
  let url: URL | null = null;
  try {
    url = new URL(handlerBase);
  } catch {
    url = null;
  }
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new InstallerError(
      'INVALID_OPTIONS',
      `handlerBase "${handlerBase}" must be an absolute http(s) URL such as https://apps.example.com/`,
    );
  }
}

/** Every problem of every declaration, plus duplicates (the same placement + handler twice). */
export function findDeclarationProblems(
  inputs: readonly DeclarationInput[],
  handlerBase: string,
): DeclarationProblem[] {
  const problems: DeclarationProblem[] = [];
  const seen = new Map<string, string>();
  for (const input of inputs) {
    const { app, declaration } = toAppDeclaration(input);
    const placement = field(declaration, 'placement');
    const handler = field(declaration, 'handler');
    for (const problem of checkDeclaration(declaration, handlerBase)) {
      problems.push({
        app,
        placement,
        handler,
        field: problem.field,
        rule: problem.rule,
        code: problem.error.error,
        description: problem.error.error_description,
      });
    }
    const key = `${placement}\n${handler}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({
        app,
        placement,
        handler,
        field: 'handler',
        rule: `unique per placement (also declared by ${earlier})`,
        code: 'ERROR_CORE',
        description: 'Unable to set placement handler: Handler already binded',
      });
    } else seen.set(key, app);
  }
  return problems;
}

/**
 * Validates all declarations and resolves them against `handlerBase`. Throws `InstallerError`
 * (`INVALID_DECLARATIONS`, with every problem) when any declaration is invalid.
 */
export function resolveDeclarations(
  inputs: readonly DeclarationInput[],
  handlerBase: string,
): DesiredBinding[] {
  checkHandlerBase(handlerBase);
  const problems = findDeclarationProblems(inputs, handlerBase);
  if (problems.length > 0) {
    throw new InstallerError(
      'INVALID_DECLARATIONS',
      `${problems.length} problem(s) in the placement declarations:\n${describeProblems(problems)}`,
      problems,
    );
  }
  return inputs.map((input) => {
    const { app, declaration } = toAppDeclaration(input);
    const params = toBindParams(declaration as PlacementDeclaration, handlerBase);
    const checked = checkPlacementBind(params);
    if (!checked.ok)
      throw new Error(`unreachable: ${app} passed checkDeclaration but not checkPlacementBind`);
    return { app, params, binding: checked.binding };
  });
}
