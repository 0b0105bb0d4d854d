/**
 * A fake install-page frame: the launch context (install / admin flags), `installFinish` counting its
 * calls, and `rest` backed by an in-memory portal that keeps bindings with the host's own bind rules.
 */
import {
  type BatchItemResult,
  type LaunchContext,
  type RestCommand,
  RestError,
  type RestErrorInfo,
  type RestParams,
} from '@imkit/frame';
import { checkPlacementBind } from '@imkit/frame/placements';
import type { InstallFrame } from '../src/install-session.js';

export interface FakeInstallFrame extends InstallFrame {
  readonly rows: Record<string, unknown>[];
  readonly requests: string[];
  finishCalls: number;
  /** Makes a command fail (HTTP-200 style per-command error) while it returns an error. */
  fail: ((method: string, params: RestParams) => RestErrorInfo | null) | null;
}

export function createFakeInstallFrame(flags: { install: boolean; isAdmin: boolean }): FakeInstallFrame {
  const context = {
    placement: 'DEFAULT',
    options: {},
    lang: 'en',
    domain: 'portal.example.com',
    protocol: 'https',
    origin: 'https://portal.example.com',
    memberId: 'm1',
    isAdmin: flags.isAdmin,
    auth: { accessToken: 'a', expiresAt: Date.now() + 3_600_000, refreshToken: 'r' },
    firstRun: true,
    install: flags.install,
    userOptions: {},
    appOptions: {},
    appSid: '0123456789abcdef0123456789abcdef',
  } as LaunchContext;
  const exec = (method: string, params: RestParams): BatchItemResult => {
    const injected = frame.fail?.(method, params);
    if (injected) return { ok: false, error: injected };
    if (method === 'placement.get') return { ok: true, result: structuredClone(frame.rows) };
    if (method === 'placement.bind') {
      const checked = checkPlacementBind(params);
      if (!checked.ok) {
        const { error, error_description, status } = checked.error;
        return { ok: false, error: { code: error, description: error_description, status, method } };
      }
      const b = checked.binding;
      frame.rows.push({
        placement: b.placement,
        userId: 0,
        handler: b.handler,
        options: b.options,
        title: b.title,
        description: b.description,
        langAll: b.langAll,
      });
      return { ok: true, result: true };
    }
    if (method === 'placement.unbind') {
      const index = frame.rows.findIndex(
        (r) => r.placement === params.PLACEMENT && r.handler === params.HANDLER,
      );
      if (index >= 0) frame.rows.splice(index, 1);
      return { ok: true, result: { count: index >= 0 ? 2 : 0 } };
    }
    return {
      ok: false,
      error: { code: 'ERROR_METHOD_NOT_FOUND', description: 'Method not found!', status: 404, method },
    };
  };
  const frame: FakeInstallFrame = {
    context,
    rows: [],
    requests: [],
    finishCalls: 0,
    fail: null,
    installFinish: async () => {
      frame.finishCalls++;
    },
    rest: {
      call: async <T>(method: string, params: RestParams = {}) => {
        frame.requests.push(method);
        const outcome = exec(method, params);
        if (!outcome.ok) throw new RestError(outcome.error);
        return outcome.result as T;
      },
      batch: async (commands: Readonly<Record<string, RestCommand>>) => {
        frame.requests.push('batch');
        const out: Record<string, BatchItemResult> = {};
        for (const [key, command] of Object.entries(commands))
          out[key] = exec(command.method, command.params ?? {});
        return out;
      },
    },
  };
  return frame;
}
