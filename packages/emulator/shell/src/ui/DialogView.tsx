/** The open dialog: header, messages (live through SSE) with their context menu, and the input. */
import { chatOf, shownBindings } from '../portal/shown-apps.js';
import { MessageInput } from './MessageInput.js';
import { useController, useModel } from './shell-context.js';

function MessageContextMenu() {
  const controller = useController();
  const { portal, dialogId, contextMenu } = useModel();
  if (!portal || !dialogId || !contextMenu) return null;
  const apps = shownBindings(portal, 'IM_CONTEXT_MENU', dialogId);
  return (
    <div
      class="context-menu"
      data-testid="message-menu"
      style={{ left: `${contextMenu.x}px`, top: `${contextMenu.y}px` }}
    >
      <div class="menu-item muted">Reply</div>
      <div class="menu-item muted">Copy</div>
      <div class="menu-group">
        <div class="menu-item">
          Create using… <i class="fa fa-caret-right" />
        </div>
        <div class="submenu">
          <div class="menu-item muted">Task (not emulated)</div>
          {apps.length === 0 && <div class="menu-item muted">No apps</div>}
          {apps.map((binding) => (
            <button
              key={binding.id}
              class="menu-item"
              data-testid="context-menu-app"
              data-binding-id={binding.id}
              onClick={() => void controller.openPlacement(binding, contextMenu.messageId)}
            >
              {binding.title}
            </button>
          ))}
        </div>
      </div>
      <button class="menu-item" onClick={() => controller.store.update({ contextMenu: null })}>
        Close
      </button>
    </div>
  );
}

export function DialogView() {
  const controller = useController();
  const { portal, dialogId, messages } = useModel();
  if (!portal || !dialogId) return <section class="dialog empty">Select a chat</section>;
  const chat = chatOf(portal, dialogId);
  const chatType = chat === undefined ? '' : (chat.chatType ?? 'BOT');
  const nameOf = (id: number) =>
    id === 0 ? 'System' : (portal.users.find((u) => u.id === id)?.name ?? `User ${id}`);
  return (
    <section class="dialog" data-testid="dialog" data-dialog-id={dialogId}>
      <header class="dialog-head">
        <strong data-testid="dialog-title">{chat?.title ?? dialogId}</strong>
        <span class="chat-type">{chatType}</span>
        <span class="muted">dialogId {dialogId}</span>
      </header>
      <ol class="messages" data-testid="messages">
        {messages.map((message) => (
          <li
            key={message.id}
            class={message.authorId === portal.currentUserId ? 'message own' : 'message'}
            data-testid="message"
            data-message-id={message.id}
            onContextMenu={(event) => {
              event.preventDefault();
              controller.store.update({
                contextMenu: { messageId: message.id, x: event.clientX, y: event.clientY },
              });
            }}
          >
            <div class="message-author">{nameOf(message.authorId)}</div>
            <div class="message-text">{message.text}</div>
            <button
              class="message-menu-button"
              title="Message menu"
              data-testid="message-menu-button"
              onClick={(event) => {
                const box = event.currentTarget.getBoundingClientRect();
                controller.store.update({
                  contextMenu: { messageId: message.id, x: Math.max(8, box.left - 180), y: box.bottom },
                });
              }}
            >
              <i class="fa fa-ellipsis-h" />
            </button>
          </li>
        ))}
      </ol>
      <MessageContextMenu />
      <MessageInput />
    </section>
  );
}
