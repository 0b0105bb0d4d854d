/** Tabs: recently used, each sticker category, emoji. Hidden while searching (search covers all). */
import { categories } from '../catalog.js';
import type { Tab } from '../store.js';
import type { ViewProps } from './props.js';

export function PackTabs({ store, t, lang }: ViewProps) {
  const { tab, query, setTab } = store();
  if (query.trim() !== '') return null;
  const tabs: { id: Tab; label: string }[] = [
    { id: 'recent', label: t('recent') },
    ...categories.map((c) => ({ id: c.id, label: lang === 'ru' ? c.names.ru : c.names.en })),
    { id: 'emoji', label: t('emoji') },
  ];
  return (
    <div class="ik-row" role="tablist">
      {tabs.map(({ id, label }) => (
        <button
          key={id}
          role="tab"
          aria-selected={tab === id}
          class={tab === id ? 'ik-primary' : undefined}
          onClick={() => setTab(id)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
