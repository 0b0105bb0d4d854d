/**
 * The page the portal opens while installing the app (placement DEFAULT, `install: true`): connects,
 * applies every app's placements with the frame's token, shows each item's progress and result, and
 * finishes the install once everything is in place.
 */
import { describeRestError } from '@imkit/app-kit';
import type { AppDeclaration, ItemResult, PlanItem } from '@imkit/installer';
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  createInstallSession,
  type InstallFrame,
  type InstallSession,
  type InstallState,
  itemKey,
} from './install-session.js';

export interface InstallPageProps {
  /** `connect` from `@imkit/frame` (tests pass a fake). */
  readonly connect: () => Promise<InstallFrame>;
  /** The apps' declarations; may throw when a placement file is broken. */
  readonly declarations: () => readonly AppDeclaration[];
  readonly handlerBase: string;
}

type PageState =
  | { readonly step: 'connecting' }
  | { readonly step: 'unavailable'; readonly error: unknown; readonly lang: string }
  | { readonly step: 'session'; readonly state: InstallState; readonly lang: string };

const doneLabels: Readonly<Record<PlanItem['action'], string>> = {
  bind: 'bound',
  rebind: 'updated',
  unbind: 'removed',
  keep: 'up to date',
  stale: 'kept (no longer declared)',
};

function statusText(item: PlanItem, result: ItemResult | undefined): string {
  if (result === undefined) return 'pending';
  if (result.status === 'failed') return `failed: ${result.error?.code ?? ''}`;
  return doneLabels[item.action];
}

function ItemRows({ plan, items }: { plan: readonly PlanItem[]; items: readonly ItemResult[] }) {
  const byKey = new Map(items.map((item) => [itemKey(item), item]));
  return (
    <ul class="ik-list install-items">
      {plan.map((item) => {
        const result = byKey.get(itemKey(item));
        const state = result?.status ?? 'pending';
        return (
          <li key={itemKey(item)} data-status={state}>
            <div class="ik-grow">
              <strong>{item.app ?? item.placement}</strong> <span class="ik-muted">{item.placement}</span>
              <div class="ik-muted">{item.handler}</div>
              {result?.error && <p class="install-error">{result.error.message}</p>}
            </div>
            <span class="install-status">{statusText(item, result)}</span>
          </li>
        );
      })}
    </ul>
  );
}

function SessionView({ state, lang, onRetry }: { state: InstallState; lang: string; onRetry: () => void }) {
  if (state.step === 'skipped') {
    return (
      <p class="ik-state">The chat apps are installed. Only a portal admin can update their placements.</p>
    );
  }
  if (state.step === 'applying') {
    return (
      <>
        <p class="ik-state" role="status" aria-busy="true">
          {state.plan ? 'Registering the chat apps…' : 'Reading the portal’s current placements…'}
        </p>
        {state.retry && <p class="ik-muted">{state.retry}</p>}
        {state.plan && <ItemRows plan={state.plan.items} items={state.items} />}
      </>
    );
  }
  const result = state.result;
  return (
    <>
      {result && <ItemRows plan={result.items} items={result.items} />}
      {result?.mismatches.map((m) => (
        <p class="install-error" key={itemKey(m)}>
          {m.placement} {m.handler} is {m.problem} on the portal after installing.
        </p>
      ))}
      {state.step === 'done' ? (
        <p class="ik-state install-ok" role="status">
          {state.finished
            ? 'All chat apps are installed. You can close this page.'
            : 'All chat apps are up to date.'}
        </p>
      ) : (
        <div class="ik-state ik-error" role="alert">
          {result?.ok && (
            <p>The chat apps are registered, but Bitrix24 did not confirm the end of the install.</p>
          )}
          {state.error !== null && <p>{describeInstallError(state.error, lang)}</p>}
          {result && !result.ok && (
            <p>Some placements could not be registered; the install is not finished.</p>
          )}
          <button class="ik-primary" onClick={onRetry}>
            Try again
          </button>
        </div>
      )}
    </>
  );
}

function describeInstallError(error: unknown, lang: string): string {
  if (error instanceof Error && error.name === 'InstallerError') return error.message;
  return describeRestError(error, lang);
}

export function InstallPage({ connect, declarations, handlerBase }: InstallPageProps) {
  const [page, setPage] = useState<PageState>({ step: 'connecting' });
  const session = useRef<InstallSession | null>(null);

  useEffect(() => {
    let live = true;
    connect().then(
      (frame) => {
        if (!live) return;
        const lang = frame.context.lang;
        let list: readonly AppDeclaration[];
        try {
          list = declarations();
        } catch (error) {
          setPage({ step: 'unavailable', error, lang });
          return;
        }
        session.current = createInstallSession(frame, list, handlerBase, (state) => {
          if (live) setPage({ step: 'session', state, lang });
        });
        void session.current.run();
      },
      (error: unknown) => {
        if (live) setPage({ step: 'unavailable', error, lang: navigator.language });
      },
    );
    return () => {
      live = false;
    };
  }, [connect, declarations, handlerBase]);

  return (
    <main class="install">
      <h1>Chat apps</h1>
      {page.step === 'connecting' && (
        <p class="ik-state" role="status" aria-busy="true">
          Connecting to Bitrix24…
        </p>
      )}
      {page.step === 'unavailable' && (
        <div class="ik-state ik-error" role="alert">
          <p>{describeInstallError(page.error, page.lang)}</p>
          <p class="ik-muted">
            This page registers the chat apps; Bitrix24 opens it while installing the app.
          </p>
        </div>
      )}
      {page.step === 'session' && (
        <SessionView state={page.state} lang={page.lang} onRetry={() => void session.current?.run()} />
      )}
    </main>
  );
}
