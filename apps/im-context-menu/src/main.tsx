/**
 * Entry point: `bootApp` connects to the host (showing connecting / error states) and checks the frame
 * is an IM_CONTEXT_MENU. That placement opens in a slider which refuses resizing, so the kit does not
 * auto-resize it and the app never calls `resize`. `<App>` makes its store from the frame and renders in
 * the host's language.
 */
import '@imkit/app-kit/base.css';
import './app.css';
import { bootApp } from '@imkit/app-kit';
import { App } from './components/App.js';

bootApp('IM_CONTEXT_MENU', (frame) => <App frame={frame} />);
