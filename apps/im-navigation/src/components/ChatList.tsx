/** Recent chats: search, unread counters, last message; a checkbox picks a chat for the broadcast. */
import { Empty, ErrorNotice, Loading } from '@imkit/app-kit';
import { filterChats } from '../recent-chats.js';
import type { DashboardStore } from '../store.js';
import type { T } from '../texts.js';
import { ChatRow } from './ChatRow.js';

export interface ChatListProps {
  readonly store: DashboardStore;
  readonly t: T;
  readonly lang: string;
}

export function ChatList({ store, t, lang }: ChatListProps) {
  const { chats, query, selected, openError, load, setQuery, toggle, open } = store();
  return (
    <section aria-labelledby="chats-title">
      <div class="ik-row">
        <h1 id="chats-title" class="ik-grow">
          {t('title')}
        </h1>
        <button onClick={() => void load()} disabled={chats.status === 'loading'}>
          {t('refresh')}
        </button>
      </div>
      <input
        type="search"
        placeholder={t('search')}
        aria-label={t('search')}
        value={query}
        onInput={(event) => setQuery(event.currentTarget.value)}
      />
      {openError && <ErrorNotice error={openError} lang={lang} />}
      {chats.status === 'loading' && <Loading lang={lang} />}
      {chats.status === 'error' && (
        <ErrorNotice error={chats.error} lang={lang} onRetry={() => void load()} />
      )}
      {chats.status === 'ready' && chats.data.length === 0 && <Empty>{t('noChats')}</Empty>}
      {chats.status === 'ready' && chats.data.length > 0 && (
        <ChatRows
          rows={filterChats(chats.data, query)}
          query={query}
          selected={selected}
          t={t}
          onToggle={toggle}
          onOpen={(dialogId) => void open(dialogId)}
        />
      )}
    </section>
  );
}

interface ChatRowsProps {
  readonly rows: ReturnType<typeof filterChats>;
  readonly query: string;
  readonly selected: readonly string[];
  readonly t: T;
  readonly onToggle: (dialogId: string) => void;
  readonly onOpen: (dialogId: string) => void;
}

function ChatRows({ rows, query, selected, t, onToggle, onOpen }: ChatRowsProps) {
  if (rows.length === 0) return <Empty>{t('noMatches', { query: query.trim() })}</Empty>;
  return (
    <ul class="ik-list">
      {rows.map((chat) => (
        <ChatRow
          key={chat.dialogId}
          chat={chat}
          checked={selected.includes(chat.dialogId)}
          t={t}
          onToggle={onToggle}
          onOpen={onOpen}
        />
      ))}
    </ul>
  );
}
