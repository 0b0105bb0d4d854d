/**
 * PHP-style request parameters: `OPTIONS[iconName]=x&cmd[a]=user.get?ID=1&list[]=1` becomes nested
 * objects the way PHP fills `$_REQUEST`. Numeric keys stay object keys (PHP arrays); read lists with
 * `asList`. Keys that could reach an object's prototype are dropped; nesting is capped.
 */

const maxDepth = 16;
const forbidden = new Set(['__proto__', 'constructor', 'prototype']);

export type ParamTree = Record<string, unknown>;

function isTree(value: unknown): value is ParamTree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `a[b][]` → `['a', 'b', '']`; null for keys PHP would not accept. */
function splitKey(key: string): string[] | null {
  const open = key.indexOf('[');
  if (open <= 0) return key === '' ? null : [key];
  const parts = [key.slice(0, open)];
  const rest = key.slice(open);
  const pattern = /\[([^\]]*)\]/g;
  let consumed = 0;
  for (let match = pattern.exec(rest); match !== null; match = pattern.exec(rest)) {
    if (match.index !== consumed) break;
    parts.push(match[1]!);
    consumed = pattern.lastIndex;
  }
  if (consumed === 0) return [key];
  return parts.length > maxDepth ? null : parts;
}

function nextIndex(node: ParamTree): string {
  const numeric = Object.keys(node)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n >= 0);
  return String(numeric.length === 0 ? 0 : Math.max(...numeric) + 1);
}

/** Adds one `key=value` pair to a parameter tree. */
export function addParam(tree: ParamTree, key: string, value: string): void {
  const parts = splitKey(key);
  if (parts === null || parts.some((part) => forbidden.has(part))) return;
  let node = tree;
  parts.forEach((rawPart, index) => {
    const part = rawPart === '' && index > 0 ? nextIndex(node) : rawPart;
    if (index === parts.length - 1) {
      node[part] = value;
      return;
    }
    const child = node[part];
    if (isTree(child)) node = child;
    else {
      const created: ParamTree = {};
      node[part] = created;
      node = created;
    }
  });
}

export function parseParamPairs(pairs: Iterable<readonly [string, string]>): ParamTree {
  const tree: ParamTree = {};
  for (const [key, value] of pairs) addParam(tree, key, value);
  return tree;
}

/** Parses a query string (`a=1&b[c]=2`) into a parameter tree. */
export function parseQueryString(query: string): ParamTree {
  return parseParamPairs(new URLSearchParams(query));
}

/** A PHP array read as a list: a JS array, or an object's values in key order; null otherwise. */
export function asList(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (isTree(value)) return Object.values(value);
  return null;
}

export { isTree };
