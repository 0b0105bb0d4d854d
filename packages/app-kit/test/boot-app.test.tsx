import { waitFor } from '@testing-library/preact';
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { bootApp } from '../src/boot-app.js';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('bootApp', () => {
  it('with the real connect(), a page opened outside a placement frame says where to open it', async () => {
    const root = document.createElement('div');
    root.id = 'app';
    document.body.append(root);
    bootApp('IM_NAVIGATION', () => <p>app</p>);
    await waitFor(() => expect(root.textContent).toContain('Open this app from Bitrix24 or the emulator.'));
    render(null, root);
  });

  it('names the missing root element', () => {
    expect(() => bootApp('IM_SIDEBAR', () => null)).toThrow('no element with id "app"');
  });
});
