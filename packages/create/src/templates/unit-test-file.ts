/**
 * The generated `test/app.test.tsx` around a flavor's test cases: the imports the cases use (Testing
 * Library helpers, `RestError`), the App and store imports and the DOM cleanup after each test.
 */

const testingHelpers = ['fireEvent', 'render', 'screen', 'waitFor'] as const;

export function unitTestFile(body: string): string {
  const helpers = testingHelpers.filter((name) => new RegExp(`\\b${name}\\b`).test(body));
  const restError = /\bRestError\b/.test(body) ? "import { RestError } from '@imkit/frame';\n" : '';
  return `import { createFakeFrame, type RestHandler } from '@imkit/app-kit/testing';
${restError}import { cleanup, ${helpers.join(', ')} } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../src/components/App.js';
import { createAppStore } from '../src/store.js';

afterEach(cleanup);

${body}`;
}
