/**
 * The conformance probes: read-only or self-cleaning REST calls whose answers show how a portal behaves.
 * Each records status, error code and the shape of the answer (never values). Write probes (a throwaway
 * placement bound, bound again, then unbound) run only with `allowWrites`, and clean up in `finally`.
 */
import { randomBytes } from 'node:crypto';
import { type Shape, shapeOf } from './shape.js';
import type { ConformanceTarget, RestAnswer } from './target.js';

export interface Observation {
  readonly status: number;
  /** The host's error code, compared by value. */
  readonly error?: string;
  readonly shape: Shape;
  /** Later calls of the same probe, by name. */
  readonly steps?: Readonly<Record<string, Observation>>;
}

export type ProbeResult = Observation | { readonly skipped: string };

export interface ProbeContext {
  readonly target: ConformanceTarget;
  /** A credential of the same portal without one scope, and a method of that scope. */
  readonly narrow: { readonly target: ConformanceTarget; readonly method: string } | null;
  readonly allowWrites: boolean;
}

export interface Probe {
  readonly id: string;
  readonly what: string;
  readonly writes: boolean;
  run(context: ProbeContext): Promise<ProbeResult>;
}

/** Status, error code and shape of one answer; `time` is kept (its keys are part of the host's shape). */
export function observe(answer: RestAnswer, pick?: (body: Record<string, unknown>) => unknown): Observation {
  const body = (typeof answer.body === 'object' && answer.body !== null ? answer.body : {}) as Record<
    string,
    unknown
  >;
  const error = typeof body.error === 'string' ? body.error : undefined;
  return {
    status: answer.status,
    ...(error === undefined ? {} : { error }),
    shape: shapeOf(pick === undefined ? body : pick(body)),
  };
}

const call = (context: ProbeContext, method: string, params?: Record<string, unknown>) =>
  context.target.call(method, params);

function withoutKey(body: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _dropped, ...rest } = body;
  return rest;
}

export const probes: readonly Probe[] = [
  {
    id: 'user.current',
    what: 'the calling user',
    writes: false,
    run: async (context) => observe(await call(context, 'user.current')),
  },
  {
    id: 'placement.get',
    what: "the app's bound placements (application token; a webhook is refused)",
    writes: false,
    run: async (context) => observe(await call(context, 'placement.get')),
  },
  {
    id: 'batch.reference',
    what: 'batch with halt and a $result[…] reference to an earlier answer',
    writes: false,
    run: async (context) =>
      observe(
        await call(context, 'batch', {
          halt: 1,
          cmd: { me: 'user.current', byId: 'user.get?ID=$result[me][ID]' },
        }),
      ),
  },
  {
    id: 'batch.halt',
    what: 'batch with halt stopping at an unknown method',
    writes: false,
    run: async (context) =>
      observe(
        await call(context, 'batch', {
          halt: 1,
          cmd: { first: 'user.current', broken: 'imkit.conformance.nothing', after: 'user.current' },
        }),
      ),
  },
  {
    id: 'batch.oversized',
    what: 'batch of 51 commands',
    writes: false,
    run: async (context) =>
      observe(
        await call(context, 'batch', {
          cmd: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`c${i}`, 'user.current'])),
        }),
      ),
  },
  {
    id: 'list.paging',
    what: 'a list method: its first page (without `next`, which depends on the data) and a page past the end',
    writes: false,
    run: async (context) => {
      const first = await call(context, 'user.get', { start: 0 });
      const past = await call(context, 'user.get', { start: 1_000_000 });
      return { ...observe(first, (body) => withoutKey(body, 'next')), steps: { pastTheEnd: observe(past) } };
    },
  },
  {
    id: 'error.unknown-method',
    what: 'a method that does not exist',
    writes: false,
    run: async (context) => observe(await call(context, 'imkit.conformance.nothing')),
  },
  {
    id: 'error.bad-auth',
    what: 'a credential the portal does not know',
    writes: false,
    run: async (context) => observe(await context.target.withBadAuth().call('user.current')),
  },
  {
    id: 'error.missing-scope',
    what: 'a method outside the credential’s scopes',
    writes: false,
    run: async (context) =>
      context.narrow === null
        ? { skipped: 'no --missing-scope-method given (a method of a scope your token lacks)' }
        : observe(await context.narrow.target.call(context.narrow.method)),
  },
  {
    id: 'error.bad-argument',
    what: 'placement.bind without PLACEMENT (refused before anything is written)',
    writes: false,
    run: async (context) =>
      observe(await call(context, 'placement.bind', { HANDLER: 'https://example.com/' })),
  },
  {
    id: 'placement.bind-twice',
    what: 'a throwaway IM_SIDEBAR handler bound, bound again (duplicate), then unbound (count)',
    writes: true,
    run: async (context) => {
      const handler = `https://conformance.imkit.invalid/${randomBytes(6).toString('hex')}/`;
      const params = {
        PLACEMENT: 'IM_SIDEBAR',
        HANDLER: handler,
        TITLE: 'imkit conformance probe',
        OPTIONS: { iconName: 'fa-flask' },
      };
      try {
        const bound = observe(await call(context, 'placement.bind', params));
        const duplicate = observe(await call(context, 'placement.bind', params));
        const unbind = observe(
          await call(context, 'placement.unbind', { PLACEMENT: 'IM_SIDEBAR', HANDLER: handler }),
        );
        return { ...bound, steps: { duplicate, unbind } };
      } finally {
        await call(context, 'placement.unbind', { PLACEMENT: 'IM_SIDEBAR', HANDLER: handler }).catch(
          () => undefined,
        );
      }
    },
  },
];
