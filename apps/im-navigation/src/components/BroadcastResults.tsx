/** The per-chat outcome of the last broadcast, or why it could not be sent at all. */
import { describeRestError, ErrorNotice, type Remote } from '@imkit/app-kit';
import type { BroadcastResult } from '../broadcast.js';
import type { T } from '../texts.js';

export interface BroadcastResultsProps {
  readonly broadcast: Remote<BroadcastResult[]>;
  readonly titles: ReadonlyMap<string, string>;
  readonly t: T;
  readonly lang: string;
}

export function BroadcastResults({ broadcast, titles, t, lang }: BroadcastResultsProps) {
  if (broadcast.status === 'error') return <ErrorNotice error={broadcast.error} lang={lang} />;
  if (broadcast.status !== 'ready') return null;
  const sent = broadcast.data.filter((result) => result.ok).length;
  return (
    <section aria-label={t('results', { ok: sent, total: broadcast.data.length })} role="status">
      <p>
        <strong>{t('results', { ok: sent, total: broadcast.data.length })}</strong>
      </p>
      <ul class="ik-list">
        {broadcast.data.map((result) => (
          <li key={result.dialogId} data-dialog-id={result.dialogId}>
            <span class="ik-grow">{titles.get(result.dialogId) ?? result.dialogId}</span>
            {result.ok ? (
              <span class="ik-ok">{t('sentAs', { id: result.messageId })}</span>
            ) : (
              <span class="ik-bad">{describeRestError(result.error, lang)}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
