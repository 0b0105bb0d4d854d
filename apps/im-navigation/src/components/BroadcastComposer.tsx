/** Writes one message and sends it to every selected chat in a single batch request. */
import { broadcastLimit } from '../broadcast.js';
import type { DashboardStore } from '../store.js';
import type { T } from '../texts.js';
import { BroadcastResults } from './BroadcastResults.js';

export interface BroadcastComposerProps {
  readonly store: DashboardStore;
  readonly t: T;
  readonly lang: string;
}

export function BroadcastComposer({ store, t, lang }: BroadcastComposerProps) {
  const { selected, draft, broadcast, chats, setDraft, send, clearSelection } = store();
  const sending = broadcast.status === 'loading';
  const titles = new Map(
    chats.status === 'ready' ? chats.data.map((chat) => [chat.dialogId, chat.title]) : [],
  );
  return (
    <section aria-labelledby="broadcast-title">
      <h2 id="broadcast-title" style={{ marginTop: '16px' }}>
        {t('composer')}
      </h2>
      <p class="ik-muted">{t('composerHint')}</p>
      <div class="ik-row">
        <span class="ik-grow">{t('selected', { count: selected.length, limit: broadcastLimit })}</span>
        <button onClick={clearSelection} disabled={selected.length === 0 || sending}>
          {t('clear')}
        </button>
      </div>
      <textarea
        rows={3}
        aria-label={t('message')}
        placeholder={t('message')}
        value={draft}
        onInput={(event) => setDraft(event.currentTarget.value)}
      />
      <div class="ik-row">
        <button
          class="ik-primary"
          onClick={() => void send()}
          disabled={sending || selected.length === 0 || draft.trim() === ''}
        >
          {sending ? t('sending') : t('send', { count: selected.length })}
        </button>
      </div>
      <BroadcastResults broadcast={broadcast} titles={titles} t={t} lang={lang} />
    </section>
  );
}
