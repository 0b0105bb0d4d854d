/**
 * Entry point: `bootApp` connects to the host (showing connecting / error states), checks the frame is
 * an IM_SIDEBAR and keeps its height fitted (IM_SIDEBAR can resize). Then the store gets the frame and
 * the app renders in the host's language.
 */
import '@imkit/app-kit/base.css';
import './app.css';
import { bootApp } from '@imkit/app-kit';
import { App } from './components/App.js';
import { createSidebarStore } from './store.js';
import { sidebarTexts } from './texts.js';

bootApp('IM_SIDEBAR', (frame) => (
  <App useStore={createSidebarStore(frame)} t={sidebarTexts(frame.context.lang)} lang={frame.context.lang} />
));
