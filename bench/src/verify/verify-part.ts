/**
 * Part 3, verification throughput on one core: `verifyChatAppLaunch` (parse the launch query, check
 * DOMAIN_HASH and USER_HASH in constant time, check the Referer) per second, against the raw cost of the
 * two md5 digests it cannot avoid (`crypto.hash('md5', …)`) — the physical limit. Both run in this
 * process on one thread, in alternating rounds, so they share the machine's noise; each side's figure is
 * its median round.
 */
import { hash } from 'node:crypto';
import { signChatAppLaunch, verifyChatAppLaunch } from '@imkit/frame/verify';
import type { Figure } from '../figure.js';
import { median } from '../stats.js';
import { opsPerSecond } from './throughput.js';

const rounds = 12;
const roundMs = 150;
const secret = '0f8e2d4c6b1a39587d6e5f4a3b2c1d0e';
const portal = 'https://test.bitrix24.com';

function signedLaunchQuery(): string {
  const url = signChatAppLaunch(
    'https://apps.example.com/legacy-chat-app/',
    {
      botId: 39,
      botCode: 'bot39',
      appId: 7,
      appCode: 'legacy-chat-app',
      domain: portal,
      userId: 1,
      dialogId: 'chat12',
      lang: 'en',
      context: 'textarea',
    },
    secret,
  );
  return url.slice(url.indexOf('?') + 1);
}

export async function runVerifyPart(log: (line: string) => void): Promise<Figure[]> {
  const query = signedLaunchQuery();
  const options = { secret, referer: `${portal}/online/` };
  const check = verifyChatAppLaunch(query, options);
  if (!check.ok)
    throw new Error(`verify: the signed launch does not verify (${check.reason} ${check.field ?? ''})`);
  const host = new URL(portal).hostname;
  const verify = () => verifyChatAppLaunch(query, options);
  const digests = () => hash('md5', host + secret, 'hex').length + hash('md5', `1${secret}`, 'hex').length;
  opsPerSecond(verify, roundMs);
  opsPerSecond(digests, roundMs);
  const ours: number[] = [];
  const limit: number[] = [];
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      ours.push(opsPerSecond(verify, roundMs));
      limit.push(opsPerSecond(digests, roundMs));
    } else {
      limit.push(opsPerSecond(digests, roundMs));
      ours.push(opsPerSecond(verify, roundMs));
    }
  }
  log(`${rounds} alternating rounds of ${roundMs} ms each`);
  return [
    {
      part: 'verify',
      figure: 'verifyChatAppLaunch per second (1 core)',
      unit: '/s',
      ours: median(ours),
      reference: median(limit),
      referenceName: 'two md5 digests',
      goal: { kind: 'minRatio', value: 0.5, text: 'ratio ≥ 0.50' },
      note: 'a valid signed launch query string with Referer; reference = crypto.hash md5 × 2 of the same inputs',
    },
  ];
}
