/** Whether the last sticker went out or the emoji went in, in plain words with the error code if not. */
import { ErrorNotice } from '@imkit/app-kit';
import type { ViewProps } from './props.js';

export function PickStatus({ store, t, lang }: ViewProps) {
  const { outcome, pending, recentError } = store();
  return (
    <div>
      {outcome.status === 'loading' && (
        <p class="ik-muted" role="status" aria-busy="true">
          {t('sending', { name: pending })}
        </p>
      )}
      {outcome.status === 'ready' && (
        <p class="ik-ok" role="status">
          {outcome.data.kind === 'sticker'
            ? t('sent', { name: outcome.data.name })
            : t('inserted', { char: outcome.data.char })}
        </p>
      )}
      {outcome.status === 'error' && <ErrorNotice error={outcome.error} lang={lang} />}
      {recentError && <ErrorNotice error={recentError} lang={lang} />}
    </div>
  );
}
