/**
 * The generated `src/components/App.tsx` of a flavor that loads one value on start: the store made once
 * per launched frame (`useAppStore`), the title, the value's error (with retry), loading and ready views;
 * the flavor gives what differs.
 */

export interface LoadedApp {
  /** What is loaded on start, for the doc comment: `the chat`. */
  readonly loads: string;
  /** The store's `Remote` loaded on start. */
  readonly remote: string;
  /** The other state and actions the root takes from the store, `load` included. */
  readonly uses: string;
  /** The type of the `frame` prop. */
  readonly frameType?: string;
  /** The JSX shown once the value is ready, indented for inside a fragment; one element needs none. */
  readonly ready: string;
  /** JSX after the value's views, indented for inside `<main>`. */
  readonly after: string;
}

function readyView(remote: string, ready: string): string {
  const lines = ready.trimEnd().split('\n');
  if (lines.length === 1) return `      {${remote}.status === 'ready' && ${ready.trim()}}\n`;
  return `      {${remote}.status === 'ready' && (
        <>
${lines.join('\n')}
        </>
      )}
`;
}

export function loadedAppFile(app: LoadedApp): string {
  const { remote } = app;
  return `/** The app root: one store per launched frame, ${app.loads} loaded on start. */
import { ErrorNotice, Loading, useAppStore } from '@imkit/app-kit';
import { type AppFrame, createAppStore } from '../store.js';
import { texts } from '../texts.js';

export function App({ frame }: { frame: ${app.frameType ?? 'AppFrame'} }) {
  const store = useAppStore(() => createAppStore(frame));
  const { ${remote}, ${app.uses} } = store();
  const lang = frame.context.lang;
  const t = texts(lang);
  return (
    <main>
      <h1>{t('title')}</h1>
      {${remote}.status === 'error' && <ErrorNotice error={${remote}.error} lang={lang} onRetry={load} />}
      {(${remote}.status === 'idle' || ${remote}.status === 'loading') && <Loading lang={lang} />}
${readyView(remote, app.ready)}${app.after}    </main>
  );
}
`;
}
