/** One recent chat: pick for broadcast, title, last message, unread counter, open in the messenger. */
import type { RecentChat } from '@imkit/app-kit';
import type { T } from '../texts.js';

export interface ChatRowProps {
  readonly chat: RecentChat;
  readonly checked: boolean;
  readonly t: T;
  readonly onToggle: (dialogId: string) => void;
  readonly onOpen: (dialogId: string) => void;
}

export function ChatRow({ chat, checked, t, onToggle, onOpen }: ChatRowProps) {
  return (
    <li data-dialog-id={chat.dialogId}>
      <input
        type="checkbox"
        style={{ width: 'auto' }}
        checked={checked}
        aria-label={t('select', { title: chat.title })}
        onChange={() => onToggle(chat.dialogId)}
      />
      <div class="ik-grow">
        <strong style={{ color: chat.color || undefined }}>{chat.title}</strong>
        <div class="ik-muted ik-grow">{chat.lastMessage || t('noMessages')}</div>
      </div>
      {chat.unread > 0 && (
        <span class="ik-badge" title={t('unread', { count: chat.unread })}>
          {chat.unread}
        </span>
      )}
      <button onClick={() => onOpen(chat.dialogId)} aria-label={`${t('open')}: ${chat.title}`}>
        {t('open')}
      </button>
    </li>
  );
}
