/** Links shared in the chat, newest first; they open in a new tab without access to this page. */
import { Empty, formatDate } from '@imkit/app-kit';
import type { SharedLink } from '../insights.js';
import type { SidebarTranslate } from '../texts.js';

export function SharedLinks({
  links,
  t,
  lang,
}: {
  links: readonly SharedLink[];
  t: SidebarTranslate;
  lang: string;
}) {
  return (
    <section aria-labelledby="links">
      <h2 id="links">
        {t('links')} <span class="ik-muted">{links.length}</span>
      </h2>
      {links.length === 0 ? (
        <Empty>{t('noLinks')}</Empty>
      ) : (
        <ul class="ik-list">
          {links.map((link) => (
            <li key={link.url}>
              <span class="ik-grow">
                <a href={link.url} target="_blank" rel="noopener noreferrer">
                  {link.url}
                </a>
                <br />
                <span class="ik-muted">
                  {t('sharedBy', { name: link.lastSharedBy, date: formatDate(link.lastSharedAt, lang) })}
                </span>
              </span>
              {link.times > 1 && <span class="ik-muted">{t('timesShared', { times: link.times })}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
