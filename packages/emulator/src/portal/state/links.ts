/** http(s) links in a message text, in order, without duplicates (what URL_PREVIEW and the sidebar use). */
export function findLinks(text: string): string[] {
  const found = text.match(/https?:\/\/[^\s<>"'[\]]+/g) ?? [];
  const trimmed = found.map((link) => link.replace(/[.,;:!?)]+$/, ''));
  return [...new Set(trimmed)];
}
