/** The insights part of the sidebar: loading, error or the three lists. */
import { Empty, ErrorNotice, formatDate, Loading, type Remote } from '@imkit/app-kit';
import type { Insights } from '../insights.js';
import type { SidebarTranslate } from '../texts.js';
import { AuthorStats } from './AuthorStats.js';
import { Participants } from './Participants.js';
import { SharedLinks } from './SharedLinks.js';

export interface InsightsViewProps {
  readonly insights: Remote<Insights>;
  readonly memberCount: number;
  readonly t: SidebarTranslate;
  readonly lang: string;
  readonly onRetry: () => void;
}

export function InsightsView({ insights, memberCount, t, lang, onRetry }: InsightsViewProps) {
  if (insights.status === 'error')
    return <ErrorNotice error={insights.error} lang={lang} onRetry={onRetry} />;
  if (insights.status !== 'ready') return <Loading lang={lang} />;
  const data = insights.data;
  return (
    <>
      {data.messagesAnalysed === 0 ? (
        <Empty>{t('noMessages')}</Empty>
      ) : (
        <p class="ik-muted">
          {t('basedOn', { count: data.messagesAnalysed, since: formatDate(data.since, lang) })}
        </p>
      )}
      <Participants participants={data.participants} memberCount={memberCount} t={t} />
      <AuthorStats authors={data.authors} t={t} />
      <SharedLinks links={data.links} t={t} lang={lang} />
    </>
  );
}
