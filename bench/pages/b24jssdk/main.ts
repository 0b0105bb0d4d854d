/**
 * The reference page: it only calls `initializeB24Frame()` from `@bitrix24/b24jssdk` and shows that the
 * context is ready (the launch bench watches `#app` change).
 */
import { initializeB24Frame } from '@bitrix24/b24jssdk';

const app = document.getElementById('app');
initializeB24Frame().then(
  (b24) => {
    if (app) app.textContent = `ready: ${b24.placement.placement}`;
  },
  (error: unknown) => {
    if (app) {
      app.dataset.failed = 'true';
      app.textContent = `failed: ${error instanceof Error ? error.message : String(error)}`;
    }
  },
);
