/** The app root: one store per launched frame, with the absolute base URL of the app's stickers. */
import { useAppStore } from '@imkit/app-kit';
import { createStickerStore, type StickerFrame } from '../store.js';
import { texts } from '../texts.js';
import { PackTabs } from './PackTabs.js';
import { PickGrid } from './PickGrid.js';
import { PickStatus } from './PickStatus.js';

export interface AppProps {
  readonly frame: StickerFrame;
  /** Absolute URL of the folder holding the sticker SVGs (see `stickerBaseUrl`). */
  readonly stickerBase: string;
}

export function App({ frame, stickerBase }: AppProps) {
  const store = useAppStore(() => createStickerStore(frame, stickerBase));
  const lang = frame.context.lang;
  const t = texts(lang);
  const { query, setQuery } = store();
  return (
    <main>
      <input
        type="search"
        placeholder={t('search')}
        aria-label={t('search')}
        value={query}
        onInput={(event) => setQuery(event.currentTarget.value)}
      />
      <PackTabs store={store} t={t} lang={lang} />
      <PickGrid store={store} t={t} lang={lang} stickerBase={stickerBase} />
      <PickStatus store={store} t={t} lang={lang} />
    </main>
  );
}
