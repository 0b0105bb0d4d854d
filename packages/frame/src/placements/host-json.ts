/**
 * JSON written the way the host writes PLACEMENT_OPTIONS (PHP json_encode with HEX_TAG, HEX_AMP, HEX_APOS,
 * HEX_QUOT): `/` as `\/` and `< > & ' "` inside strings as `\u003C`-style escapes.
 */
const hex: Record<string, string> = {
  '<': '\\u003C',
  '>': '\\u003E',
  '&': '\\u0026',
  "'": '\\u0027',
  '"': '\\u0022',
  '/': '\\/',
};

function hostString(value: string): string {
  const json = JSON.stringify(value);
  const inner = json
    .slice(1, -1)
    .replace(/\\"|[<>&'/]/g, (match) => (match === '\\"' ? hex['"']! : hex[match]!));
  return `"${inner}"`;
}

export function hostJson(value: unknown): string {
  if (typeof value === 'string') return hostString(value);
  if (Array.isArray(value)) return `[${value.map(hostJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const parts = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${hostString(k)}:${hostJson(v)}`);
    return `{${parts.join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
