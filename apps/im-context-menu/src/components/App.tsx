/**
 * The follow-up slider: the chosen message, the target chat, the note and the post button. It
 * subscribes to the store and forwards user actions to it; it holds no logic of its own.
 */
import { useEffect } from 'preact/hooks';
import { type FollowUpStore, selectedTarget } from '../store.js';
import type { FollowUpTranslate } from '../texts.js';
import { ChosenMessageCard } from './ChosenMessageCard.js';
import { FollowUpForm } from './FollowUpForm.js';
import { TargetPicker } from './TargetPicker.js';

export interface AppProps {
  readonly useStore: FollowUpStore;
  readonly sourceDialogId: string;
  readonly t: FollowUpTranslate;
  readonly lang: string;
}

export function App({ useStore, sourceDialogId, t, lang }: AppProps) {
  const state = useStore();
  useEffect(() => {
    void useStore.getState().load();
  }, [useStore]);
  const target = selectedTarget(state);

  return (
    <main>
      <h1>{t('title')}</h1>
      <ChosenMessageCard message={state.message} t={t} lang={lang} onRetry={state.load} />
      <TargetPicker
        chats={state.chats}
        selected={state.targetDialogId}
        sourceDialogId={sourceDialogId}
        t={t}
        lang={lang}
        onChoose={state.chooseTarget}
        onRetry={state.load}
      />
      <FollowUpForm
        target={target}
        note={state.note}
        viaCrm={state.viaCrm}
        send={state.send}
        canPost={state.message.status === 'ready' && target !== null}
        t={t}
        lang={lang}
        onNote={state.setNote}
        onViaCrm={state.setViaCrm}
        onPost={state.post}
      />
    </main>
  );
}
