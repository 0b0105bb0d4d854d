/**
 * The shape of a REST answer: keys and JSON types, never values (ids, names and times differ between
 * portals). Lists take the shape of their first item; an empty list is `[]`. Two shapes are compared
 * exactly (two live targets), or with `covers` (a documented reference: every key it shows must be
 * there with its type, more keys are allowed because the docs show a subset of fields).
 */
export type Shape = string | readonly Shape[] | { readonly [key: string]: Shape };

export function shapeOf(value: unknown): Shape {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? [] : [shapeOf(value[0])];
  if (typeof value === 'object') {
    const out: Record<string, Shape> = {};
    for (const key of Object.keys(value).sort()) out[key] = shapeOf((value as Record<string, unknown>)[key]);
    return out;
  }
  return typeof value;
}

export interface ShapeDifference {
  readonly path: string;
  readonly left: string;
  readonly right: string;
}

function label(shape: Shape | undefined): string {
  if (shape === undefined) return '(absent)';
  if (typeof shape === 'string') return shape;
  if (Array.isArray(shape)) return shape.length === 0 ? 'empty list' : 'list';
  return 'object';
}

/** Where `left` and `right` differ; with `covers`, keys only `right` has are not differences. */
export function diffShapes(
  left: Shape | undefined,
  right: Shape | undefined,
  mode: 'exact' | 'covers' = 'exact',
  path = '',
): ShapeDifference[] {
  const here = path === '' ? '.' : path;
  if (left === undefined || right === undefined || label(left) !== label(right)) {
    if (left === undefined && mode === 'covers') return [];
    // An empty list and a list of items are the same kind of answer with other data.
    if (Array.isArray(left) && Array.isArray(right)) return [];
    return label(left) === label(right) ? [] : [{ path: here, left: label(left), right: label(right) }];
  }
  if (Array.isArray(left) && Array.isArray(right))
    return left.length === 0 || right.length === 0 ? [] : diffShapes(left[0], right[0], mode, `${path}[0]`);
  if (typeof left === 'object' && typeof right === 'object') {
    const l = left as Record<string, Shape>;
    const r = right as Record<string, Shape>;
    const keys = [...new Set([...Object.keys(l), ...Object.keys(r)])].sort();
    return keys.flatMap((key) => diffShapes(l[key], r[key], mode, `${path}.${key}`));
  }
  return [];
}
