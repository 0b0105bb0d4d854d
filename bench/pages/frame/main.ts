/**
 * The same page as the reference, with imkit: it only calls `connect()` from `@imkit/frame` and shows that
 * the context is ready (the launch bench watches `#app` change).
 */
import { connect } from '@imkit/frame';

const app = document.getElementById('app');
connect().then(
  (frame) => {
    if (app) app.textContent = `ready: ${frame.context.placement}`;
  },
  (error: unknown) => {
    if (app) {
      app.dataset.failed = 'true';
      app.textContent = `failed: ${error instanceof Error ? error.message : String(error)}`;
    }
  },
);
