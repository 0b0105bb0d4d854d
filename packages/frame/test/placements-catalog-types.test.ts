/**
 * The per-placement option and context types are mapped from `placementCatalog`; these assertions pin
 * them to what apps were typed against before, so a change to the table that changes an app's types
 * shows up here (`expectTypeOf` is checked by `pnpm typecheck`, which includes test/).
 */
import { describe, expectTypeOf, it } from 'vitest';
import type {
  ContextList,
  PlacementColor,
  PlacementContextByCode,
  PlacementOptionsByCode,
  PlacementRole,
  YesNo,
} from '../src/placements/catalog.js';

describe('types derived from the placement catalogue', () => {
  it('PlacementOptionsByCode: iconName required where the catalogue says so, the rest optional', () => {
    expectTypeOf<PlacementOptionsByCode['IM_NAVIGATION']>().toEqualTypeOf<{
      iconName: string;
      extranet?: YesNo;
      role?: PlacementRole;
    }>();
    expectTypeOf<PlacementOptionsByCode['IM_TEXTAREA']>().toEqualTypeOf<{
      iconName: string;
      extranet?: YesNo;
      context?: ContextList;
      role?: PlacementRole;
      color?: PlacementColor | '';
      width?: number;
      height?: number;
    }>();
    expectTypeOf<PlacementOptionsByCode['IM_SIDEBAR']>().toEqualTypeOf<{
      iconName: string;
      extranet?: YesNo;
      context?: ContextList;
      role?: PlacementRole;
      color?: PlacementColor | '';
    }>();
    expectTypeOf<PlacementOptionsByCode['IM_CONTEXT_MENU']>().toEqualTypeOf<{
      extranet?: YesNo;
      context?: ContextList;
      role?: PlacementRole;
    }>();
    expectTypeOf<PlacementOptionsByCode['IM_SMILES_SELECTOR']>().toEqualTypeOf<{
      extranet?: YesNo;
      context?: ContextList;
      role?: PlacementRole;
    }>();
  });

  it('PlacementContextByCode: the catalogue’s contextFields as strings', () => {
    expectTypeOf<PlacementContextByCode['IM_NAVIGATION']>().toEqualTypeOf<Record<string, never>>();
    expectTypeOf<PlacementContextByCode['IM_TEXTAREA']>().toEqualTypeOf<{ dialogId: string }>();
    expectTypeOf<PlacementContextByCode['IM_SIDEBAR']>().toEqualTypeOf<{ dialogId: string }>();
    expectTypeOf<PlacementContextByCode['IM_CONTEXT_MENU']>().toEqualTypeOf<{
      dialogId: string;
      messageId: string;
    }>();
    expectTypeOf<PlacementContextByCode['IM_SMILES_SELECTOR']>().toEqualTypeOf<{ dialogId: string }>();
  });
});
