/** Messages per author as a list with proportional bars. */
import { Empty } from '@imkit/app-kit';
import type { AuthorStat } from '../insights.js';
import type { SidebarTranslate } from '../texts.js';

export function AuthorStats({ authors, t }: { authors: readonly AuthorStat[]; t: SidebarTranslate }) {
  const most = authors[0]?.messages ?? 0;
  return (
    <section aria-labelledby="authors">
      <h2 id="authors">{t('messagesPerAuthor')}</h2>
      {authors.length === 0 ? (
        <Empty>{t('noAuthors')}</Empty>
      ) : (
        <ul class="ik-list">
          {authors.map((a) => (
            <li key={a.userId} data-author={a.userId}>
              <span class="ik-grow">
                {a.name}
                <span
                  class="sb-bar"
                  style={{ width: `${most ? Math.round((a.messages / most) * 100) : 0}%` }}
                />
              </span>
              <span class="ik-badge">{a.messages}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
