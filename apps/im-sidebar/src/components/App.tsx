/**
 * The sidebar: the chat's title, its insights and, for open-line chats, the session panel. It subscribes
 * to the store and forwards user actions to it; it holds no logic of its own.
 */
import { ErrorNotice, Loading, useAppStore } from '@imkit/app-kit';
import { createSidebarStore, type SidebarFrame } from '../store.js';
import { sidebarTexts } from '../texts.js';
import { InsightsView } from './InsightsView.js';
import { SessionPanel } from './SessionPanel.js';

export function App({ frame }: { frame: SidebarFrame }) {
  const store = useAppStore(() => createSidebarStore(frame));
  const state = store();
  const lang = frame.context.lang;
  const t = sidebarTexts(lang);

  if (state.chat.status === 'idle' || state.chat.status === 'loading')
    return <Loading lang={lang}>{t('loadingChat')}</Loading>;
  return (
    <main>
      {state.chat.status === 'error' && (
        <ErrorNotice error={state.chat.error} lang={lang} onRetry={state.load} />
      )}
      <h1>{state.chat.status === 'ready' ? state.chat.data.title : t('title')}</h1>
      {state.session && (
        <SessionPanel
          session={state.session}
          action={state.action}
          t={t}
          lang={lang}
          onRetry={state.loadSession}
          onSend={state.sendAutoMessage}
          transferKind={state.transferKind}
          transferId={state.transferId}
          onTransferKind={state.setTransferKind}
          onTransferId={state.setTransferId}
          onPickOperator={state.pickOperator}
          onTransfer={state.transfer}
          onFinish={state.finish}
        />
      )}
      <InsightsView
        insights={state.insights}
        memberCount={state.chat.status === 'ready' ? state.chat.data.memberCount : 0}
        t={t}
        lang={lang}
        onRetry={state.load}
      />
    </main>
  );
}
