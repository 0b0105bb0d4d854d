/** Short, localised date and time of an ATOM date string; the raw text when it cannot be read. */
export function formatDate(iso: string, lang: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  try {
    return new Intl.DateTimeFormat(lang || 'en', { dateStyle: 'short', timeStyle: 'short' }).format(time);
  } catch {
    return new Date(time).toISOString().slice(0, 16).replace('T', ' ');
  }
}
