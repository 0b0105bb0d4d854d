/**
 * The three states every REST-backed view shows: loading, empty and error (the error in plain words with
 * its code, and a retry button when the app can retry).
 */
import type { ComponentChildren } from 'preact';
import { kitTexts } from './kit-texts.js';
import { describeRestError } from './rest-error-text.js';

export function Loading({ lang, children }: { lang: unknown; children?: ComponentChildren }) {
  return (
    <p class="ik-state" role="status" aria-busy="true">
      {children ?? kitTexts(lang)('loading')}
    </p>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="ik-state ik-empty">{children}</p>;
}

export interface ErrorNoticeProps {
  readonly error: unknown;
  readonly lang: unknown;
  readonly onRetry?: () => void;
}

export function ErrorNotice({ error, lang, onRetry }: ErrorNoticeProps) {
  return (
    <div class="ik-state ik-error" role="alert">
      <p>{describeRestError(error, lang)}</p>
      {onRetry && <button onClick={onRetry}>{kitTexts(lang)('retry')}</button>}
    </div>
  );
}
