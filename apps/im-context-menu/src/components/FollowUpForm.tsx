/**
 * The note, the CRM option (only for a CRM-bound open line) and the post button, with the outcome:
 * a form problem naming its field, the host's error code in plain words, or "posted".
 */
import { ErrorNotice, type RecentChat } from '@imkit/app-kit';
import { maxNoteLength } from '../follow-up.js';
import type { SendState } from '../store.js';
import type { FollowUpTranslate } from '../texts.js';

export interface FollowUpFormProps {
  readonly target: RecentChat | null;
  readonly note: string;
  readonly viaCrm: boolean;
  readonly send: SendState;
  readonly canPost: boolean;
  readonly t: FollowUpTranslate;
  readonly lang: string;
  readonly onNote: (note: string) => void;
  readonly onViaCrm: (on: boolean) => void;
  readonly onPost: () => void;
}

function Outcome({ send, t, lang }: { send: SendState; t: FollowUpTranslate; lang: string }) {
  if (send.status === 'sent')
    return (
      <p class="ik-ok" role="status">
        {t('sent')}
      </p>
    );
  if (send.status === 'failed') return <ErrorNotice error={send.error} lang={lang} />;
  if (send.status !== 'invalid') return null;
  const { problem } = send;
  if ('detail' in problem) {
    return <ErrorNotice error={{ code: problem.code, description: problem.detail }} lang={lang} />;
  }
  return (
    <p class="ik-bad" role="alert">
      {t(`problem${problem.code}`, { field: t(`field${problem.field}`), max: maxNoteLength })}
    </p>
  );
}

export function FollowUpForm(props: FollowUpFormProps) {
  const { target, note, viaCrm, send, t, lang } = props;
  const busy = send.status === 'sending' || send.status === 'sent';
  return (
    <form
      class="cm-form"
      onSubmit={(event) => {
        event.preventDefault();
        props.onPost();
      }}
    >
      <label>
        {t('note')}
        <textarea
          rows={3}
          maxLength={maxNoteLength}
          placeholder={t('notePlaceholder')}
          value={note}
          onInput={(e) => props.onNote(e.currentTarget.value)}
        />
      </label>
      {target?.crm && (
        <label class="cm-choice">
          <input type="checkbox" checked={viaCrm} onClick={() => props.onViaCrm(!viaCrm)} />
          <span>{t('viaCrm', { entity: `${target.crm.entityType} #${target.crm.entityId}` })}</span>
        </label>
      )}
      <div class="ik-row">
        <button type="submit" class="ik-primary" disabled={busy || !props.canPost}>
          {send.status === 'sending' ? t('sending') : t('send')}
        </button>
      </div>
      <Outcome send={send} t={t} lang={lang} />
    </form>
  );
}
