/** The placement catalogue against the table of HOST-PROTOCOL.md §1. */
import { describe, expect, it } from 'vitest';
import {
  isPlacementCode,
  type PlacementSpec,
  placementCatalog,
  placementCodes,
} from '../src/placements/index.js';

describe('placementCatalog', () => {
  it('lists the five new-chat placements, each under its own code', () => {
    expect(placementCodes).toEqual([
      'IM_NAVIGATION',
      'IM_TEXTAREA',
      'IM_SIDEBAR',
      'IM_CONTEXT_MENU',
      'IM_SMILES_SELECTOR',
    ]);
    for (const code of placementCodes) expect(placementCatalog[code].code).toBe(code);
  });

  it('needs iconName exactly where the host does', () => {
    const withIcon = placementCodes.filter((code) => placementCatalog[code].requiresIcon);
    expect(withIcon).toEqual(['IM_NAVIGATION', 'IM_TEXTAREA', 'IM_SIDEBAR']);
    for (const code of placementCodes) {
      const spec: PlacementSpec = placementCatalog[code];
      expect(spec.options.includes('iconName')).toBe(spec.requiresIcon);
    }
  });

  it('sends the PLACEMENT_OPTIONS fields of the table', () => {
    const fields = Object.fromEntries(
      placementCodes.map((code) => [code, placementCatalog[code].contextFields]),
    );
    expect(fields).toEqual({
      IM_NAVIGATION: [],
      IM_TEXTAREA: ['dialogId'],
      IM_SIDEBAR: ['dialogId'],
      IM_CONTEXT_MENU: ['dialogId', 'messageId'],
      IM_SMILES_SELECTOR: ['dialogId'],
    });
  });

  it('refuses resizeWindow only in the context-menu slider, and marks the smiles selector deprecated', () => {
    expect(placementCodes.filter((code) => !placementCatalog[code].canResize)).toEqual(['IM_CONTEXT_MENU']);
    expect(placementCodes.filter((code) => placementCatalog[code].deprecated !== null)).toEqual([
      'IM_SMILES_SELECTOR',
    ]);
  });

  it('has a default for every option except iconName', () => {
    for (const code of placementCodes) {
      const spec = placementCatalog[code];
      expect(Object.keys(spec.defaults).sort()).toEqual(
        spec.options.filter((name) => name !== 'iconName').sort(),
      );
    }
  });

  it('recognises codes exactly', () => {
    expect(isPlacementCode('IM_SIDEBAR')).toBe(true);
    for (const value of ['im_sidebar', 'IM_SIDEBAR ', '', 'DEFAULT', null, 1])
      expect(isPlacementCode(value)).toBe(false);
  });
});
