/** Adds a template of the user's own; it is saved in the host's user options. */
import { ErrorNotice } from '@imkit/app-kit';
import type { ViewProps } from './props.js';

export function TemplateEditor({ store, t, lang }: ViewProps) {
  const { draftTitle, draftText, saving, setDraft, saveDraft } = store();
  return (
    <section aria-label={t('newTemplate')}>
      <h2>{t('newTemplate')}</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void saveDraft();
        }}
      >
        <input
          aria-label={t('templateTitle')}
          placeholder={t('templateTitle')}
          value={draftTitle}
          maxLength={60}
          onInput={(event) => setDraft({ title: event.currentTarget.value })}
        />
        <textarea
          rows={3}
          style={{ marginTop: '6px' }}
          aria-label={t('templateText')}
          placeholder={t('templateText')}
          value={draftText}
          onInput={(event) => setDraft({ text: event.currentTarget.value })}
        />
        <div class="ik-row">
          <button type="submit" class="ik-primary" disabled={saving.status === 'loading'}>
            {saving.status === 'loading' ? t('saving') : t('save')}
          </button>
        </div>
      </form>
      {saving.status === 'ready' && (
        <p class="ik-ok" role="status">
          {t('saved')}
        </p>
      )}
      {saving.status === 'error' && <ErrorNotice error={saving.error} lang={lang} />}
    </section>
  );
}
