/** Entry point: connect to the host, then render quick replies. */
import '@imkit/app-kit/base.css';
import { bootApp } from '@imkit/app-kit';
import { App } from './components/App.js';

bootApp('IM_TEXTAREA', (frame) => <App frame={frame} />);
