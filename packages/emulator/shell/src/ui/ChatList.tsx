/** The recent-chats list of the current user. */
import { useController, useModel } from './shell-context.js';

const typeIcons = { USER: 'fa-user', CHAT: 'fa-users', LINES: 'fa-comments', CRM: 'fa-briefcase' } as const;

export function ChatList() {
  const controller = useController();
  const { portal, dialogId } = useModel();
  return (
    <aside class="chat-list" data-testid="chat-list">
      <h2>Chats</h2>
      {portal?.chats.length === 0 && <p class="muted">No chats</p>}
      {portal?.chats.map((chat) => (
        <button
          key={chat.dialogId}
          class={chat.dialogId === dialogId ? 'chat-item active' : 'chat-item'}
          data-testid="chat-item"
          data-dialog-id={chat.dialogId}
          onClick={() => void controller.openChat(chat.dialogId)}
        >
          <i class={`fa ${chat.chatType ? typeIcons[chat.chatType] : 'fa-android'}`} />
          <span class="chat-title">{chat.title}</span>
          <span class="chat-type">{chat.chatType ?? 'BOT'}</span>
        </button>
      ))}
    </aside>
  );
}
