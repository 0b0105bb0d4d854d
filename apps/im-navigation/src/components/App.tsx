/** The app root: one store per launched frame, the recent list loaded on start. */
import { useAppStore } from '@imkit/app-kit';
import { createDashboardStore, type DashboardFrame } from '../store.js';
import { texts } from '../texts.js';
import { BroadcastComposer } from './BroadcastComposer.js';
import { ChatList } from './ChatList.js';

export function App({ frame }: { frame: DashboardFrame }) {
  const store = useAppStore(() => createDashboardStore(frame));
  const lang = frame.context.lang;
  const t = texts(lang);
  return (
    <main>
      <ChatList store={store} t={t} lang={lang} />
      <BroadcastComposer store={store} t={t} lang={lang} />
    </main>
  );
}
