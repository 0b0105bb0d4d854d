/** The message the follow-up is about: author, time and text, as the user will see it quoted. */
import { ErrorNotice, formatDate, Loading } from '@imkit/app-kit';
import type { ChosenMessage } from '../chosen-message.js';
import { explainError } from '../error-text.js';
import type { Remote } from '../remote.js';
import type { FollowUpTranslate } from '../texts.js';

export interface ChosenMessageCardProps {
  readonly message: Remote<ChosenMessage>;
  readonly t: FollowUpTranslate;
  readonly lang: string;
  readonly onRetry: () => void;
}

export function ChosenMessageCard({ message, t, lang, onRetry }: ChosenMessageCardProps) {
  if (message.status === 'loading') return <Loading lang={lang}>{t('loadingMessage')}</Loading>;
  if (message.status === 'error') {
    return <ErrorNotice error={explainError(message.error, lang)} lang={lang} onRetry={onRetry} />;
  }
  const { data } = message;
  return (
    <figure class="cm-quote" aria-label={t('chosenMessage')}>
      <figcaption>
        <strong>{data.authorName || t('systemAuthor')}</strong>{' '}
        <time class="ik-muted" dateTime={data.date}>
          {formatDate(data.date, lang)}
        </time>
      </figcaption>
      <blockquote>{data.text.trim() || t('emptyText')}</blockquote>
    </figure>
  );
}
