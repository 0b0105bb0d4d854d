/**
 * The placement catalogue: every new-chat placement, the options it stores, their defaults, the
 * PLACEMENT_OPTIONS it receives and how the host shows it. Types, validation, the emulator and the
 * installer all read this one table (HOST-PROTOCOL.md §1): `placementCatalog` is declared
 * `as const satisfies …`, and `PlacementOptionsByCode` / `PlacementContextByCode` are mapped from it, so
 * a new option or context field is one edit in the table (see CONTRIBUTING.md).
 */

export const placementCodes = [
  'IM_NAVIGATION',
  'IM_TEXTAREA',
  'IM_SIDEBAR',
  'IM_CONTEXT_MENU',
  'IM_SMILES_SELECTOR',
] as const;
export type PlacementCode = (typeof placementCodes)[number];

/** Values of the `context` option; a binding may list several, separated by `;`. */
export const chatContexts = ['ALL', 'USER', 'CHAT', 'LINES', 'CRM'] as const;
export type ChatContext = (typeof chatContexts)[number];
/** The type of an open chat, as matched against `context` (never `ALL`). */
export type ChatType = Exclude<ChatContext, 'ALL'>;

export const placementColors = [
  'RED',
  'GREEN',
  'MINT',
  'LIGHT_BLUE',
  'DARK_BLUE',
  'PURPLE',
  'AQUA',
  'PINK',
  'LIME',
  'BROWN',
  'AZURE',
  'KHAKI',
  'SAND',
  'ORANGE',
  'MARENGO',
  'GRAY',
  'GRAPHITE',
] as const;
export type PlacementColor = (typeof placementColors)[number];

export type YesNo = 'Y' | 'N';
export type PlacementRole = 'USER' | 'ADMIN';
/** `ALL`, one context, or several joined with `;` such as `USER;CHAT`. */
export type ContextList = ChatContext | `${ChatContext};${string}`;

/**
 * The value an app declares for each option key a placement may store, named exactly as the host names
 * them (case-sensitive). `OptionName` and the per-placement option types below are derived from it.
 */
export interface OptionValues {
  iconName: string;
  extranet: YesNo;
  context: ContextList;
  role: PlacementRole;
  color: PlacementColor | '';
  width: number;
  height: number;
}
export type OptionName = keyof OptionValues;

/** The PLACEMENT_OPTIONS keys a frame may receive (values are always strings). */
export type ContextField = 'dialogId' | 'messageId';

export interface PlacementSpec {
  readonly code: PlacementCode;
  /** Where the host shows the entry and opens the frame. */
  readonly openedFrom: string;
  readonly opensIn: 'content' | 'popup' | 'sidebar' | 'slider' | 'selector-tab';
  /** Option keys in the host's validation chain order. */
  readonly options: readonly OptionName[];
  /** Defaults the host stores for options left out. */
  readonly defaults: Readonly<Partial<Record<OptionName, string>>>;
  /** Whether `iconName` must be given. */
  readonly requiresIcon: boolean;
  /** PLACEMENT_OPTIONS keys the frame receives. */
  readonly contextFields: readonly ContextField[];
  /** Whether the host honours `resizeWindow` in this placement. */
  readonly canResize: boolean;
  /** Set when the official docs mark the placement deprecated. */
  readonly deprecated: string | null;
}

const common = { extranet: 'N', role: 'USER' } as const;

export const placementCatalog = {
  IM_NAVIGATION: {
    code: 'IM_NAVIGATION',
    openedFrom: 'left navigation menu; the app fills the content area',
    opensIn: 'content',
    options: ['iconName', 'extranet', 'role'],
    defaults: { ...common },
    requiresIcon: true,
    contextFields: [],
    canResize: true,
    deprecated: null,
  },
  IM_TEXTAREA: {
    code: 'IM_TEXTAREA',
    openedFrom: 'a button on the panel above the message input; opens a popup',
    opensIn: 'popup',
    options: ['iconName', 'extranet', 'context', 'role', 'color', 'height', 'width'],
    defaults: { ...common, context: 'ALL', color: '', width: '100', height: '100' },
    requiresIcon: true,
    contextFields: ['dialogId'],
    canResize: true,
    deprecated: null,
  },
  IM_SIDEBAR: {
    code: 'IM_SIDEBAR',
    openedFrom: 'the chat sidebar, "applications" panel',
    opensIn: 'sidebar',
    options: ['iconName', 'extranet', 'context', 'role', 'color'],
    defaults: { ...common, context: 'ALL', color: '' },
    requiresIcon: true,
    contextFields: ['dialogId'],
    canResize: true,
    deprecated: null,
  },
  IM_CONTEXT_MENU: {
    code: 'IM_CONTEXT_MENU',
    openedFrom: 'the message context menu, "Create using…" item; opens in a side slider',
    opensIn: 'slider',
    options: ['extranet', 'context', 'role'],
    defaults: { ...common, context: 'ALL' },
    requiresIcon: false,
    contextFields: ['dialogId', 'messageId'],
    canResize: false,
    deprecated: null,
  },
  IM_SMILES_SELECTOR: {
    code: 'IM_SMILES_SELECTOR',
    openedFrom: 'a tab of the smiley/GIF selector',
    opensIn: 'selector-tab',
    options: ['extranet', 'context', 'role'],
    defaults: { ...common, context: 'ALL' },
    requiresIcon: false,
    contextFields: ['dialogId'],
    canResize: true,
    deprecated:
      'The official docs mark IM_SMILES_SELECTOR deprecated in recent im versions: it still binds, but the new chat no longer opens it.',
  },
} as const satisfies { readonly [C in PlacementCode]: PlacementSpec & { readonly code: C } };

type Spec<C extends PlacementCode> = (typeof placementCatalog)[C];
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/**
 * Options stored by `placement.bind`, per placement (what an app declares): the catalogue's `options`,
 * each typed by `OptionValues`; `iconName` is required where `requiresIcon`, everything else optional.
 */
export type PlacementOptionsByCode = {
  [C in PlacementCode]: Simplify<
    { [K in Spec<C>['options'][number] & RequiredOption<Spec<C>>]: OptionValues[K] } & {
      [K in Exclude<Spec<C>['options'][number], RequiredOption<Spec<C>>>]?: OptionValues[K];
    }
  >;
};
type RequiredOption<S extends PlacementSpec> = S['requiresIcon'] extends true ? 'iconName' : never;

/** PLACEMENT_OPTIONS an opened frame receives, per placement: the catalogue's `contextFields`, as strings. */
export type PlacementContextByCode = {
  [C in PlacementCode]: Spec<C>['contextFields'] extends readonly []
    ? Record<string, never>
    : { [K in Spec<C>['contextFields'][number]]: string };
};

export function isPlacementCode(value: unknown): value is PlacementCode {
  return typeof value === 'string' && (placementCodes as readonly string[]).includes(value);
}
