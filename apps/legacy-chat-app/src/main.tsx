/**
 * Entry point: reads the launch, connects to the old messenger host and renders the app. A page opened
 * without a valid launch query shows why instead.
 */
import { type ChatAppLaunch, connectChatApp, parseChatAppLaunch } from '@imkit/frame/legacy';
import { render } from 'preact';
import { App } from './App.js';
import { fetchWhoAmI, readSessionToken } from './session.js';

const root = document.getElementById('app')!;
let launch: ChatAppLaunch | null = null;
let problem = '';
try {
  launch = parseChatAppLaunch(location.search);
} catch (error) {
  problem = error instanceof Error ? error.message : String(error);
}

if (launch === null) {
  render(
    <main style={{ font: '14px system-ui, sans-serif', padding: '12px' }}>
      <p role="alert">This page must be opened by the messenger ({problem}).</p>
    </main>,
    root,
  );
} else {
  const actions = connectChatApp({ domain: launch.domain });
  render(
    <App
      actions={actions}
      launch={launch}
      session={readSessionToken(document)}
      whoAmI={(session) => fetchWhoAmI(session)}
    />,
    root,
  );
}
