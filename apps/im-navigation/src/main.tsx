/** Entry point: connect to the host, then render the dashboard. */
import '@imkit/app-kit/base.css';
import { bootApp } from '@imkit/app-kit';
import { App } from './components/App.js';

bootApp('IM_NAVIGATION', (frame) => <App frame={frame} />);
