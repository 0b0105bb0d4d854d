/** Reads what the user has typed in the chat input and offers it as the text of a new template. */
import { ErrorNotice, Loading } from '@imkit/app-kit';
import type { ViewProps } from './props.js';

export function InputPanel({ store, t, lang }: ViewProps) {
  const { input, readInput, draftFromInput } = store();
  return (
    <section aria-label={t('input')}>
      <h2>{t('input')}</h2>
      <div class="ik-row">
        <button onClick={() => void readInput()} disabled={input.status === 'loading'}>
          {t('readInput')}
        </button>
        {input.status === 'ready' && input.data !== '' && (
          <button onClick={draftFromInput}>{t('useInput')}</button>
        )}
      </div>
      {input.status === 'loading' && <Loading lang={lang} />}
      {input.status === 'error' && (
        <ErrorNotice error={input.error} lang={lang} onRetry={() => void readInput()} />
      )}
      {input.status === 'ready' && (
        <blockquote class="ik-state" data-testid="current-input">
          {input.data === '' ? t('inputEmpty') : input.data}
        </blockquote>
      )}
    </section>
  );
}
