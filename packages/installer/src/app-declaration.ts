/** The rule tying a declaration to its app folder: `handler` is the folder name plus `/` (docs/architecture.md). */
import type { DeclarationProblem } from './errors.js';

export function appHandlerProblem(app: string, declaration: unknown): DeclarationProblem | null {
  if (typeof declaration !== 'object' || declaration === null) return null;
  const { placement, handler } = declaration as { placement?: unknown; handler?: unknown };
  if (typeof handler !== 'string' || handler === `${app}/`) return null;
  return {
    app,
    placement: typeof placement === 'string' ? placement : '',
    handler,
    field: 'handler',
    rule: `the app's folder name plus "/" ("${app}/")`,
    code: 'INVALID_DECLARATION',
    description: `handler "${handler}" does not point at the app folder ${app}/`,
  };
}
