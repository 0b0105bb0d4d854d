/** Dialog facts loading / partial failure, and the outcome of the last insert. */
import { ErrorNotice, Loading } from '@imkit/app-kit';
import { templateVariables } from '../templates.js';
import type { ViewProps } from './props.js';

export function InsertStatus({ store, t, lang }: ViewProps) {
  const { facts, inserting, load } = store();
  return (
    <div>
      {facts.status === 'loading' && <Loading lang={lang} />}
      {facts.status === 'error' && (
        <ErrorNotice error={facts.error} lang={lang} onRetry={() => void load()} />
      )}
      {facts.status === 'ready' && facts.data.problems.length > 0 && (
        <div class="ik-state ik-error" role="alert">
          <p>{t('factsPartial')}</p>
          {facts.data.problems.map((problem) => (
            <ErrorNotice key={problem.code} error={problem} lang={lang} />
          ))}
        </div>
      )}
      <p class="ik-muted">
        {t('variables', { list: templateVariables.map((name) => `{${name}}`).join(' ') })}
      </p>
      {inserting.status === 'ready' && (
        <p class="ik-ok" role="status">
          {t('inserted', { title: inserting.data })}
        </p>
      )}
      {inserting.status === 'error' && <ErrorNotice error={inserting.error} lang={lang} />}
    </div>
  );
}
