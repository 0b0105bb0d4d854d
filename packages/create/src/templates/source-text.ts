/**
 * Writes user text (titles, descriptions) safely into generated sources: a TypeScript string literal
 * quoted the way Biome formats it (single quotes unless the text holds more single than double quotes),
 * and HTML text.
 */

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

export function tsString(text: string): string {
  const quote = count(text, "'") > count(text, '"') ? '"' : "'";
  const escaped = text
    .replaceAll('\\', '\\\\')
    .replaceAll(quote, `\\${quote}`)
    .replaceAll('\n', '\\n')
    .replaceAll('\r', '\\r')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
  return `${quote}${escaped}${quote}`;
}

export function htmlText(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
