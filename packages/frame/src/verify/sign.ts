/**
 * `signChatAppLaunch`: the signed launch URL of a legacy chat app exactly as the host builds it
 * (HOST-PROTOCOL.md §5), key by key in the launch query table's order (`chatAppLaunchQuery`). The
 * emulator's legacy launch and the bench use it; the verifier checks what it writes.
 */
import type { ChatAppLaunch } from '../chat-app-launch.js';
import {
  type ChatAppQueryKey,
  type ChatAppQueryKeySpec,
  chatAppLaunchQuery,
  chatAppQueryKeys,
} from '../host-model/chat-app-query.js';
import { domainHash, userHash } from './hashes.js';

/**
 * What `signChatAppLaunch` needs: the typed launch, with the fields the host may leave out optional and
 * a real opening context.
 */
export type ChatAppLaunchInput = Pick<
  ChatAppLaunch,
  'botId' | 'botCode' | 'appId' | 'appCode' | 'domain' | 'userId' | 'dialogId' | 'lang'
> &
  Partial<
    Pick<
      ChatAppLaunch,
      'dialogContext' | 'dialogEntityId' | 'dialogEntityData1' | 'isChrome' | 'darkMode' | 'buttonParams'
    >
  > & {
    readonly context: Exclude<ChatAppLaunch['context'], ''>;
    readonly messageId?: number;
  };

type SignatureKey = {
  [K in ChatAppQueryKey]: (typeof chatAppLaunchQuery)[K]['proof'] extends 'signature' ? K : never;
}[ChatAppQueryKey];

/** How each signature of the table is computed. */
const signatures: {
  readonly [K in SignatureKey]: (input: ChatAppLaunchInput, secret: string) => string;
} = {
  DOMAIN_HASH: (input, secret) => domainHash(input.domain, secret),
  USER_HASH: (input, secret) => userHash(input.userId, secret),
};

type Spec = (typeof chatAppLaunchQuery)[ChatAppQueryKey];
/** Every launch field the table names is an input field too (a new one fails to compile here). */
type InputField = keyof ChatAppLaunch & keyof ChatAppLaunchInput;

/** A value as the host writes it; undefined for a button-only key the input leaves out. */
function written(
  spec: ChatAppQueryKeySpec & { field: InputField },
  input: ChatAppLaunchInput,
): string | undefined {
  const value: unknown = input[spec.field];
  if (value === undefined) return spec.sent === 'button' ? undefined : (spec.absent ?? '');
  if (spec.value === 'flag') return value ? 'Y' : 'N';
  return String(value);
}

/** The launch URL exactly as the host builds it: each field `KEY=encodeURIComponent(value)&`. */
export function signChatAppLaunch(iframeUrl: string, input: ChatAppLaunchInput, secret: string): string {
  let query = '';
  for (const key of chatAppQueryKeys) {
    const spec: Spec = chatAppLaunchQuery[key];
    const value = spec.field === null ? signatures[key as SignatureKey](input, secret) : written(spec, input);
    if (value !== undefined) query += `${key}=${encodeURIComponent(value)}&`;
  }
  return `${iframeUrl}${iframeUrl.includes('?') ? '&' : '?'}${query}`;
}
