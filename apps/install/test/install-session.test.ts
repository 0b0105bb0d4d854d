import { describe, expect, it } from 'vitest';
import { createInstallSession, type InstallState } from '../src/install-session.js';
import { declarations, handlerBase } from './declarations.fixture.js';
import { createFakeInstallFrame } from './fake-install-frame.js';

function session(flags: { install: boolean; isAdmin: boolean }) {
  const frame = createFakeInstallFrame(flags);
  const states: InstallState[] = [];
  const s = createInstallSession(frame, declarations, handlerBase, (state) => states.push(state));
  return { frame, states, s };
}

describe('install session', () => {
  it('applies the placements, then calls installFinish exactly once', async () => {
    const { frame, states, s } = session({ install: true, isAdmin: true });
    const final = await s.run();
    expect(final).toMatchObject({ step: 'done', finished: true });
    expect(frame.finishCalls).toBe(1);
    expect(frame.requests).toEqual(['placement.get', 'batch']);
    expect(frame.rows.map((r) => r.handler)).toEqual([
      'https://apps.example.com/im-context-menu/',
      'https://apps.example.com/im-sidebar/',
    ]);
    expect(states.map((st) => st.step)).toEqual(['applying', 'applying', 'applying', 'applying', 'done']);
    await s.run();
    expect(frame.finishCalls).toBe(1);
  });

  it('never calls installFinish when the page is not the install launch; an admin still re-applies', async () => {
    const { frame, s } = session({ install: false, isAdmin: true });
    expect(await s.run()).toMatchObject({ step: 'done', finished: false });
    expect(frame.finishCalls).toBe(0);
    expect(frame.rows).toHaveLength(2);
  });

  it('does nothing for a non-admin outside the install', async () => {
    const { frame, s } = session({ install: false, isAdmin: false });
    expect(await s.run()).toEqual({ step: 'skipped' });
    expect(frame.requests).toEqual([]);
    expect(frame.finishCalls).toBe(0);
  });

  it('does not finish while an item fails; a retry that succeeds finishes once', async () => {
    const { frame, s } = session({ install: true, isAdmin: true });
    frame.fail = (method, params) =>
      method === 'placement.bind' && params.PLACEMENT === 'IM_SIDEBAR'
        ? { code: 'INVALID_ERROR_COLOR', description: 'Field color is invalid.', status: 200, method }
        : null;
    const failed = await s.run();
    expect(failed.step).toBe('failed');
    if (failed.step !== 'failed') return;
    expect(failed.result?.items.find((i) => i.placement === 'IM_SIDEBAR')?.error?.code).toBe(
      'INVALID_ERROR_COLOR',
    );
    expect(frame.finishCalls).toBe(0);
    frame.fail = null;
    expect(await s.run()).toMatchObject({ step: 'done', finished: true });
    expect(frame.finishCalls).toBe(1);
  });

  it('reports a refused read (not an admin application token) without finishing', async () => {
    const { frame, s } = session({ install: true, isAdmin: false });
    frame.fail = (method) => ({ code: 'ACCESS_DENIED', description: 'Access denied!', status: 403, method });
    const failed = await s.run();
    expect(failed).toMatchObject({ step: 'failed', result: null });
    if (failed.step === 'failed')
      expect(String((failed.error as Error).message)).toMatch(/ACCESS_DENIED.*admin/);
    expect(frame.finishCalls).toBe(0);
  });

  it('does not start a second apply while one is running', async () => {
    const { frame, s } = session({ install: true, isAdmin: true });
    const [a, b] = await Promise.all([s.run(), s.run()]);
    expect(a).toBe(b);
    expect(frame.requests).toEqual(['placement.get', 'batch']);
    expect(frame.finishCalls).toBe(1);
  });
});
