/** The message the follow-up is about: author, time and text, as the user will see it quoted. */
import { ErrorNotice, formatDate, Loading, type Remote } from '@imkit/app-kit';
import type { ChosenMessage } from '../chosen-message.js';
import type { FollowUpTranslate } from '../texts.js';

export interface ChosenMessageCardProps {
  readonly message: Remote<ChosenMessage>;
  readonly t: FollowUpTranslate;
  readonly lang: string;
  readonly onRetry: () => void;
}

export function ChosenMessageCard({ message, t, lang, onRetry }: ChosenMessageCardProps) {
  if (message.status === 'error') return <ErrorNotice error={message.error} lang={lang} onRetry={onRetry} />;
  if (message.status !== 'ready') return <Loading lang={lang}>{t('loadingMessage')}</Loading>;
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
