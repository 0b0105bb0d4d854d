/**
 * Entry point: `bootApp` connects to the host (showing connecting / error states), checks the frame is
 * an IM_SIDEBAR and keeps its height fitted (IM_SIDEBAR can resize). `<App>` makes its store from the
 * frame and renders in the host's language.
 */
import '@imkit/app-kit/base.css';
import './app.css';
import { bootApp } from '@imkit/app-kit';
import { App } from './components/App.js';

bootApp('IM_SIDEBAR', (frame) => <App frame={frame} />);
