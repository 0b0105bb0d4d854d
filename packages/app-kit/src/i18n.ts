/**
 * A tiny translator: `createI18n({ en: {...}, ru: {...} })` gives a function that picks the dictionary for
 * a host language (`context.lang`: `ru`, `ru-RU`, `RU`…), falls back to English per key and fills `{name}`
 * placeholders.
 */

export type Vars = Readonly<Record<string, string | number>>;

/** Translates one key; `vars` fill `{name}` placeholders (unknown placeholders are kept as written). */
export type Translate<K extends string> = (key: K, vars?: Vars) => string;

/** English is required and defines the keys; other languages may leave keys out. */
export type Messages<K extends string> = { readonly en: Readonly<Record<K, string>> } & Readonly<
  Record<string, Readonly<Partial<Record<K, string>>>>
>;

/** `ru-RU`, `RU`, `ru_ru` → `ru`; empty or unreadable → `en`. */
export function baseLanguage(lang: unknown): string {
  if (typeof lang !== 'string') return 'en';
  const base = lang.trim().toLowerCase().split(/[-_]/)[0];
  return base ? base : 'en';
}

export function interpolate(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : whole,
  );
}

export function createI18n<K extends string>(messages: Messages<K>): (lang: unknown) => Translate<K> {
  return (lang) => {
    const code = baseLanguage(lang);
    const chosen = Object.hasOwn(messages, code) ? messages[code] : undefined;
    return (key, vars) => interpolate(chosen?.[key] ?? messages.en[key] ?? key, vars);
  };
}
