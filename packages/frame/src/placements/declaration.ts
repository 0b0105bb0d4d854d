/**
 * A placement declaration: the one typed file (`apps/<name>/placement.ts`) in which an app says which
 * placement it binds, where its handler lives and with which options. The emulator and the installer
 * both read these files; nothing else lists an app's placements.
 */
import type { PlacementCode, PlacementOptionsByCode } from './catalog.js';
import { type BindProblem, checkPlacementBind } from './validate.js';

/** Texts per interface language; `en` is required and is the fallback. */
export type LangText = { readonly en: string } & Readonly<Record<string, string>>;

export interface PlacementDeclaration<C extends PlacementCode = PlacementCode> {
  readonly placement: C;
  /** Handler path relative to the handler base URL, such as `im-sidebar/` (no leading slash). */
  readonly handler: string;
  readonly title: LangText;
  readonly description?: LangText;
  readonly groupName?: LangText;
  readonly options: PlacementOptionsByCode[C];
}

export type AnyPlacementDeclaration = { [C in PlacementCode]: PlacementDeclaration<C> }[PlacementCode];

/** Identity with types: `export default definePlacement({ placement: 'IM_SIDEBAR', … })`. */
export function definePlacement<C extends PlacementCode>(
  declaration: PlacementDeclaration<C>,
): PlacementDeclaration<C> {
  return declaration;
}

/** The `placement.bind` parameters of a declaration once its handler is resolved against a base URL. */
export interface BindParams {
  readonly PLACEMENT: PlacementCode;
  readonly HANDLER: string;
  readonly TITLE: string;
  readonly DESCRIPTION: string;
  readonly GROUP_NAME: string;
  readonly LANG_ALL: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly OPTIONS: Readonly<Record<string, string | number>>;
}

/** Joins a handler path to a base URL (`http://127.0.0.1:5173/` + `im-sidebar/`). */
export function resolveHandler(handlerBase: string, handler: string): string {
  const base = handlerBase.endsWith('/') ? handlerBase : `${handlerBase}/`;
  return new URL(handler, base).toString();
}

export function toBindParams(declaration: PlacementDeclaration, handlerBase: string): BindParams {
  const langs = new Set([
    ...Object.keys(declaration.title),
    ...Object.keys(declaration.description ?? {}),
    ...Object.keys(declaration.groupName ?? {}),
  ]);
  const langAll: Record<string, Record<string, string>> = {};
  for (const lang of langs) {
    langAll[lang] = {
      TITLE: declaration.title[lang] ?? declaration.title.en,
      DESCRIPTION: declaration.description?.[lang] ?? declaration.description?.en ?? '',
      GROUP_NAME: declaration.groupName?.[lang] ?? declaration.groupName?.en ?? '',
    };
  }
  return {
    PLACEMENT: declaration.placement,
    HANDLER: resolveHandler(handlerBase, declaration.handler),
    TITLE: declaration.title.en,
    DESCRIPTION: declaration.description?.en ?? '',
    GROUP_NAME: declaration.groupName?.en ?? '',
    LANG_ALL: langAll,
    OPTIONS: { ...(declaration.options as Record<string, string | number>) },
  };
}

/**
 * Every problem of a declaration, checked offline with the host's own rules; an empty list means
 * `placement.bind` will accept it. `handlerBase` defaults to a base the host accepts.
 */
export function checkDeclaration(
  declaration: unknown,
  handlerBase = 'https://app.example.com/',
): BindProblem[] {
  if (typeof declaration !== 'object' || declaration === null) {
    return [
      declarationProblem(
        'declaration',
        'an object made with definePlacement()',
        'The declaration is not an object',
      ),
    ];
  }
  const d = declaration as Partial<PlacementDeclaration>;
  const problems: BindProblem[] = [];
  const handler = typeof d.handler === 'string' ? d.handler : '';
  const handlerIsRelative =
    handler !== '' && !handler.startsWith('/') && !/^[a-z][a-z0-9+.-]*:/i.test(handler);
  if (handler === '') problems.push(declarationProblem('handler', 'a non-empty path', 'handler is missing'));
  else if (!handlerIsRelative)
    problems.push(
      declarationProblem(
        'handler',
        'a path relative to the handler base',
        `handler "${handler}" must be relative, like "my-app/"`,
      ),
    );
  if (typeof d.title !== 'object' || d.title === null || typeof d.title.en !== 'string' || d.title.en === '')
    problems.push(declarationProblem('title.en', 'a non-empty English title', 'title.en is missing'));
  // The host's own chain, on what toBindParams would send; a bad handler path is already reported
  // above, so the base alone stands in for it and the base's own problems still show.
  const checked = checkPlacementBind({
    PLACEMENT: d.placement,
    HANDLER: handlerIsRelative ? resolveHandlerOrRaw(handlerBase, handler) : handlerBase,
    OPTIONS: d.options,
  });
  if (!checked.ok) problems.push(...checked.problems);
  return problems;
}

function declarationProblem(field: string, rule: string, description: string): BindProblem {
  return { field, rule, error: { status: 0, error: 'INVALID_DECLARATION', error_description: description } };
}

/** The resolved handler URL, or the plain concatenation when the base is no URL (the chain reports it). */
function resolveHandlerOrRaw(handlerBase: string, handler: string): string {
  try {
    return resolveHandler(handlerBase, handler);
  } catch {
    return `${handlerBase}${handler}`;
  }
}
