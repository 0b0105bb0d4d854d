import { FrameError } from '@imkit/frame';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { InstallPage } from '../src/InstallPage.js';
import { declarations, handlerBase } from './declarations.fixture.js';
import { createFakeInstallFrame } from './fake-install-frame.js';

afterEach(cleanup);

const list = () => declarations;

describe('InstallPage', () => {
  it('shows each item as it is registered, then finishes the install once', async () => {
    const frame = createFakeInstallFrame({ install: true, isAdmin: true });
    render(<InstallPage connect={async () => frame} declarations={list} handlerBase={handlerBase} />);
    expect(await screen.findByText('All chat apps are installed. You can close this page.')).toBeTruthy();
    const rows = document.querySelectorAll('.install-items > li');
    expect(
      [...rows].map((r) => [r.querySelector('strong')?.textContent, r.getAttribute('data-status')]),
    ).toEqual([
      ['im-context-menu', 'done'],
      ['im-sidebar', 'done'],
    ]);
    expect(screen.getAllByText('bound')).toHaveLength(2);
    expect(frame.finishCalls).toBe(1);
  });

  it('shows the failing item with the host error, does not finish, and retries on demand', async () => {
    const frame = createFakeInstallFrame({ install: true, isAdmin: true });
    frame.fail = (method, params) =>
      method === 'placement.bind' && params.PLACEMENT === 'IM_SIDEBAR'
        ? {
            code: 'ERROR_CORE',
            description: 'Unable to set placement handler: Handler already binded',
            status: 400,
            method,
          }
        : null;
    render(<InstallPage connect={async () => frame} declarations={list} handlerBase={handlerBase} />);
    expect(
      await screen.findByText(
        /IM_SIDEBAR https:\/\/apps\.example\.com\/im-sidebar\/: bind failed — ERROR_CORE/,
      ),
    ).toBeTruthy();
    expect(screen.getByText('failed: ERROR_CORE')).toBeTruthy();
    expect(frame.finishCalls).toBe(0);
    frame.fail = null;
    fireEvent.click(screen.getByText('Try again'));
    expect(await screen.findByText('All chat apps are installed. You can close this page.')).toBeTruthy();
    expect(frame.finishCalls).toBe(1);
  });

  it('says the apps are up to date when opened by an admin outside the install', async () => {
    const frame = createFakeInstallFrame({ install: false, isAdmin: true });
    render(<InstallPage connect={async () => frame} declarations={list} handlerBase={handlerBase} />);
    expect(await screen.findByText('All chat apps are up to date.')).toBeTruthy();
    expect(frame.finishCalls).toBe(0);
  });

  it('explains when the page is not opened by Bitrix24', async () => {
    const notFramed = async () => {
      throw new FrameError('NOT_FRAMED', 'connect', 'not inside a placement frame');
    };
    render(<InstallPage connect={notFramed} declarations={list} handlerBase={handlerBase} />);
    expect(await screen.findByText(/Bitrix24 opens it while installing the app/)).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('NOT_FRAMED');
  });

  it('shows a broken declaration instead of sending anything', async () => {
    const frame = createFakeInstallFrame({ install: true, isAdmin: true });
    const broken = () =>
      [{ app: 'x', declaration: { ...declarations[1]!.declaration, options: {} } }] as never;
    render(<InstallPage connect={async () => frame} declarations={broken} handlerBase={handlerBase} />);
    expect(await screen.findByText(/OPTIONS\.iconName/)).toBeTruthy();
    expect(frame.requests).toEqual([]);
    expect(frame.finishCalls).toBe(0);
  });
});
