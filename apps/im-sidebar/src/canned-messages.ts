/** The automatic messages the session panel offers, with the NAME each is sent as. */
import type { AutoMessageName } from './open-line-session.js';
import type { TextKey } from './texts.js';

export interface CannedMessage {
  readonly id: string;
  readonly name: AutoMessageName;
  readonly text: TextKey;
}

export const cannedMessages: readonly CannedMessage[] = [
  { id: 'greeting', name: 'WELCOME', text: 'cannedGreeting' },
  { id: 'wait', name: 'DEFAULT', text: 'cannedWait' },
  { id: 'anything-else', name: 'DEFAULT', text: 'cannedAnythingElse' },
];
