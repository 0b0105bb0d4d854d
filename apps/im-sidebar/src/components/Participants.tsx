/** Who takes part in the chat, with how many of the analysed messages each wrote. */
import { Empty } from '@imkit/app-kit';
import type { AuthorStat } from '../insights.js';
import type { SidebarTranslate } from '../texts.js';

export interface ParticipantsProps {
  readonly participants: readonly AuthorStat[];
  /** Members the host counts in the chat; more than listed when some have not written recently. */
  readonly memberCount: number;
  readonly t: SidebarTranslate;
}

export function Participants({ participants, memberCount, t }: ParticipantsProps) {
  return (
    <section aria-labelledby="participants">
      <h2 id="participants">
        {t('participants')} <span class="ik-muted">{Math.max(memberCount, participants.length)}</span>
      </h2>
      {participants.length === 0 ? (
        <Empty>{t('noParticipants')}</Empty>
      ) : (
        <ul class="ik-list">
          {participants.map((p) => (
            <li key={p.userId}>
              <span class="ik-grow">{p.name}</span>
              {p.bot && <span class="ik-muted">{t('bot')}</span>}
            </li>
          ))}
        </ul>
      )}
      {memberCount > participants.length && (
        <p class="ik-muted">{t('moreMembers', { count: memberCount - participants.length })}</p>
      )}
    </section>
  );
}
