/** The chat to post the follow-up to, from the user's recent chats. */
import { Empty, ErrorNotice, Loading, type RecentChat, type Remote } from '@imkit/app-kit';
import type { FollowUpTranslate } from '../texts.js';

export interface TargetPickerProps {
  readonly chats: Remote<readonly RecentChat[]>;
  readonly selected: string;
  /** The chat the message is in, marked "this chat". */
  readonly sourceDialogId: string;
  readonly t: FollowUpTranslate;
  readonly lang: string;
  readonly onChoose: (dialogId: string) => void;
  readonly onRetry: () => void;
}

export function TargetPicker({
  chats,
  selected,
  sourceDialogId,
  t,
  lang,
  onChoose,
  onRetry,
}: TargetPickerProps) {
  if (chats.status === 'error') return <ErrorNotice error={chats.error} lang={lang} onRetry={onRetry} />;
  if (chats.status !== 'ready') return <Loading lang={lang}>{t('loadingChats')}</Loading>;
  if (chats.data.length === 0) return <Empty>{t('noChats')}</Empty>;
  return (
    <fieldset class="cm-targets">
      <legend>{t('target')}</legend>
      <ul class="ik-list">
        {chats.data.map((chat) => (
          <li key={chat.dialogId}>
            <label class="cm-choice">
              <input
                type="radio"
                name="target"
                value={chat.dialogId}
                checked={chat.dialogId === selected}
                onClick={() => onChoose(chat.dialogId)}
              />
              <span class="ik-grow">{chat.title}</span>
              {chat.dialogId === sourceDialogId && <span class="ik-muted">{t('thisChat')}</span>}
              {chat.kind === 'LINES' && <span class="ik-muted">{t('openLine')}</span>}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
