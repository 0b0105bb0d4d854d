/** A list of templates, each previewed with the dialog's variables filled in. */
import { Empty } from '@imkit/app-kit';
import type { Template } from '../templates.js';
import type { ViewProps } from './props.js';

export interface TemplateListProps extends ViewProps {
  readonly heading: string;
  readonly templates: readonly Template[];
  /** The user's own templates can be deleted. */
  readonly removable?: boolean;
}

export function TemplateList({ store, t, heading, templates, removable = false }: TemplateListProps) {
  const { fill, insert, remove, saving } = store();
  return (
    <section aria-label={heading}>
      <h2>{heading}</h2>
      {templates.length === 0 && removable && <Empty>{t('noOwn')}</Empty>}
      <ul class="ik-list">
        {templates.map((template) => (
          <li key={template.id} style={{ flexWrap: 'wrap' }}>
            <div class="ik-grow">
              <strong>{template.title}</strong>
              <div class="ik-muted">{fill(template)}</div>
            </div>
            <button
              onClick={() => void insert(template, 'insert')}
              aria-label={t('insertTitle', { title: template.title })}
            >
              {t('insert')}
            </button>
            <button
              onClick={() => void insert(template, 'replace')}
              aria-label={t('replaceTitle', { title: template.title })}
            >
              {t('replace')}
            </button>
            {removable && (
              <button
                onClick={() => void remove(template.id)}
                disabled={saving.status === 'loading'}
                aria-label={t('removeTitle', { title: template.title })}
              >
                {t('remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
