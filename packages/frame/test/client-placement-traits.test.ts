import { describe, expect, it } from 'vitest';
import { canResizeIn, contextFieldsOf } from '../src/client/placement-traits.js';
import { placementCatalog, placementCodes } from '../src/placements/catalog.js';

describe('the browser client’s placement traits', () => {
  it.each(placementCodes)('%s agrees with the placement catalogue', (code) => {
    expect(contextFieldsOf(code)).toEqual(placementCatalog[code].contextFields);
    expect(canResizeIn(code)).toBe(placementCatalog[code].canResize);
  });

  it('other placements (such as the install page’s DEFAULT) keep whatever options they get', () => {
    expect(contextFieldsOf('DEFAULT')).toBeUndefined();
    expect(canResizeIn('DEFAULT')).toBe(true);
  });
});
