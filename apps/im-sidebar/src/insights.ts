/**
 * Chat insights computed from loaded messages: who takes part, how many messages each author wrote,
 * and which links were shared (how often, last by whom and when). Pure functions, no REST.
 */
import type { ChatMessage, ChatUser } from '@imkit/app-kit';
import { extractLinks } from './links.js';

export interface AuthorStat {
  readonly userId: number;
  readonly name: string;
  readonly bot: boolean;
  readonly messages: number;
}

export interface SharedLink {
  readonly url: string;
  readonly times: number;
  readonly lastSharedBy: string;
  readonly lastSharedAt: string;
}

export interface Insights {
  /** Every user the host described for this dialog, most active first. */
  readonly participants: readonly AuthorStat[];
  /** Authors of the loaded messages (system messages excluded), most active first. */
  readonly authors: readonly AuthorStat[];
  /** Links shared in the loaded messages, most recent first. */
  readonly links: readonly SharedLink[];
  readonly messagesAnalysed: number;
  /** Date of the oldest message analysed, '' when there are none. */
  readonly since: string;
}

const byActivity = (a: AuthorStat, b: AuthorStat): number =>
  b.messages - a.messages || a.name.localeCompare(b.name);

function nameOf(users: ReadonlyMap<number, ChatUser>, userId: number): string {
  return users.get(userId)?.name ?? `#${userId}`;
}

export function computeInsights(
  messages: readonly ChatMessage[],
  users: ReadonlyMap<number, ChatUser>,
): Insights {
  const counts = new Map<number, number>();
  const links = new Map<string, SharedLink>();
  const chronological = [...messages].sort((a, b) => a.id - b.id);
  for (const message of chronological) {
    if (message.authorId === 0) continue;
    counts.set(message.authorId, (counts.get(message.authorId) ?? 0) + 1);
    for (const url of extractLinks(message.text, message.params)) {
      const times = (links.get(url)?.times ?? 0) + 1;
      links.delete(url); // re-insert so the map stays ordered by last share
      links.set(url, {
        url,
        times,
        lastSharedBy: nameOf(users, message.authorId),
        lastSharedAt: message.date,
      });
    }
  }
  const stat = (userId: number): AuthorStat => ({
    userId,
    name: nameOf(users, userId),
    bot: users.get(userId)?.bot ?? false,
    messages: counts.get(userId) ?? 0,
  });
  const participantIds = new Set([...users.keys(), ...counts.keys()]);
  return {
    participants: [...participantIds].map(stat).sort(byActivity),
    authors: [...counts.keys()].map(stat).sort(byActivity),
    links: [...links.values()].reverse(),
    messagesAnalysed: chronological.length,
    since: chronological[0]?.date ?? '',
  };
}
