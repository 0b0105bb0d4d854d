/**
 * The follow-up slider: the chosen message, the target chat, the note and the post button. It
 * subscribes to the store and forwards user actions to it; it holds no logic of its own.
 */
import { useAppStore } from '@imkit/app-kit';
import { createFollowUpStore, type FollowUpFrame, selectedTarget } from '../store.js';
import { followUpTexts } from '../texts.js';
import { ChosenMessageCard } from './ChosenMessageCard.js';
import { FollowUpForm } from './FollowUpForm.js';
import { TargetPicker } from './TargetPicker.js';

export function App({ frame }: { frame: FollowUpFrame }) {
  const store = useAppStore(() => createFollowUpStore(frame));
  const state = store();
  const lang = frame.context.lang;
  const t = followUpTexts(lang);
  const target = selectedTarget(state);

  return (
    <main>
      <h1>{t('title')}</h1>
      <ChosenMessageCard message={state.message} t={t} lang={lang} onRetry={state.load} />
      <TargetPicker
        chats={state.chats}
        selected={state.targetDialogId}
        sourceDialogId={frame.context.options.dialogId}
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
