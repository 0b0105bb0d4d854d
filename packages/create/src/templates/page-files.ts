/** The generated `index.html` and `src/main.tsx`: the page and the entry point that boots the app. */
import type { AppSpec } from '../app-spec.js';
import { htmlText } from './source-text.js';

export function indexHtmlFile(spec: AppSpec): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${htmlText(spec.title)}</title>
  </head>
  <body>
    <div id="app"></div>
    <script type="module" src="./src/main.tsx"></script>
  </body>
</html>
`;
}

export function mainFile(spec: AppSpec): string {
  return `/**
 * Entry point: \`bootApp\` connects to the host (showing connecting / error states), checks the frame was
 * launched as ${spec.placement} and keeps its height fitted where the placement can resize.
 */
import '@imkit/app-kit/base.css';
import { bootApp } from '@imkit/app-kit';
import { App } from './components/App.js';

bootApp('${spec.placement}', (frame) => <App frame={frame} />);
`;
}
