/**
 * The follow-up app's state and actions. Components read this store and call its actions; the Frame is
 * injected, so unit tests hand in a fake one.
 *
 * load(): the chosen message (`im.dialog.messages.get`), the recent chats (`im.recent.list`) and the
 * current user (`user.current`, needed as USER_ID for CRM posting), in parallel.
 * send(): checks the form and the ATTACH / KEYBOARD limits, posts with `im.message.add` — or with
 * `imopenlines.crm.message.add` into a CRM-bound open line — and closes the slider on success. The
 * slider cannot resize (IM_CONTEXT_MENU: canResize false), so the app never asks to.
 */
import {
  asId,
  asRecord,
  type ErrorInfo,
  formatDate,
  idle,
  loadRecentChats,
  type PlacementFrame,
  type RecentChat,
  type Remote,
  readId,
  toErrorInfo,
  track,
} from '@imkit/app-kit';
import { checkAttach, checkKeyboard, type MessagePayloadProblem } from '@imkit/frame/messages';
import { create } from 'zustand';
import { type ChosenMessage, loadChosenMessage } from './chosen-message.js';
import { buildCrmMessageAdd, buildMessageAdd, type FollowUpInput, maxNoteLength } from './follow-up.js';
import { followUpTexts } from './texts.js';

/** A problem with the form, found before calling the host. */
export interface FormProblem {
  readonly field: 'target' | 'note' | 'viaCrm' | 'message';
  readonly code: 'REQUIRED' | 'TOO_LONG' | 'NOT_AVAILABLE';
}

export type SendState =
  | { readonly status: 'idle' }
  | { readonly status: 'sending' }
  | { readonly status: 'invalid'; readonly problem: FormProblem | MessagePayloadProblem }
  | { readonly status: 'failed'; readonly error: ErrorInfo }
  | { readonly status: 'sent'; readonly messageId: number };

export interface FollowUpState {
  readonly message: Remote<ChosenMessage>;
  readonly chats: Remote<readonly RecentChat[]>;
  /** The current user's id (0 until known); CRM posting needs it. */
  readonly userId: number;
  readonly targetDialogId: string;
  readonly note: string;
  readonly viaCrm: boolean;
  readonly send: SendState;
  load(): Promise<void>;
  chooseTarget(dialogId: string): void;
  setNote(note: string): void;
  setViaCrm(on: boolean): void;
  post(): Promise<void>;
}

export type FollowUpFrame = Pick<PlacementFrame<'IM_CONTEXT_MENU'>, 'rest' | 'context' | 'closeApplication'>;

/** The chosen target, when it is in the loaded list. */
export function selectedTarget(state: Pick<FollowUpState, 'chats' | 'targetDialogId'>): RecentChat | null {
  if (state.chats.status !== 'ready') return null;
  return state.chats.data.find((c) => c.dialogId === state.targetDialogId) ?? null;
}

export function createFollowUpStore(frame: FollowUpFrame) {
  const { rest, context } = frame;
  const { dialogId, messageId } = context.options;
  const t = followUpTexts(context.lang);

  return create<FollowUpState>()((set, get) => {
    const input = (message: ChosenMessage): FollowUpInput => ({
      message,
      note: get().note,
      portalOrigin: context.origin,
      when: formatDate(message.date, context.lang),
      labels: {
        defaultNote: t('defaultNote'),
        sentAt: t('sentAt'),
        openMessage: t('openMessage'),
        openChat: t('openChat'),
        system: t('systemAuthor'),
      },
    });

    const invalid = (problem: FormProblem | MessagePayloadProblem) =>
      set({ send: { status: 'invalid', problem } });

    return {
      message: idle,
      chats: idle,
      userId: 0,
      targetDialogId: '',
      note: '',
      viaCrm: false,
      send: { status: 'idle' },

      async load() {
        set({ send: { status: 'idle' }, viaCrm: false });
        /** The chosen target stays when still listed, else the source chat, else the first one. */
        const withTarget = (chats: Remote<readonly RecentChat[]>) => {
          if (chats.status !== 'ready') return { chats };
          const list = chats.data;
          const current = get().targetDialogId;
          const target =
            list.find((c) => c.dialogId === current) ?? list.find((c) => c.dialogId === dialogId) ?? list[0];
          return { chats, targetDialogId: target?.dialogId ?? '' };
        };
        await Promise.all([
          track(
            () => loadChosenMessage(rest, dialogId, messageId),
            (message) => set({ message }),
          ),
          track(
            () => loadRecentChats(rest),
            (chats) => set(withTarget(chats)),
          ),
          rest.call('user.current', {}).then(
            (me) => set({ userId: readId(asRecord(me), 'ID') }),
            () => set({ userId: 0 }),
          ),
        ]);
      },

      chooseTarget(targetDialogId) {
        set({ targetDialogId, viaCrm: false, send: { status: 'idle' } });
      },

      setNote(note) {
        set({ note });
      },

      setViaCrm(on) {
        set({ viaCrm: on });
      },

      async post() {
        const state = get();
        if (state.send.status === 'sending' || state.send.status === 'sent') return;
        if (state.message.status !== 'ready') return invalid({ field: 'message', code: 'REQUIRED' });
        const target = selectedTarget(state);
        if (!target) return invalid({ field: 'target', code: 'REQUIRED' });
        if (state.note.trim().length > maxNoteLength) return invalid({ field: 'note', code: 'TOO_LONG' });
        const followUp = input(state.message.data);

        let call: () => Promise<unknown>;
        if (state.viaCrm) {
          const crm = target.crm;
          if (!crm || target.chatId <= 0 || state.userId <= 0) {
            return invalid({ field: 'viaCrm', code: 'NOT_AVAILABLE' });
          }
          const params = buildCrmMessageAdd({ chatId: target.chatId, crm }, state.userId, followUp);
          call = () => rest.call('imopenlines.crm.message.add', { ...params });
        } else {
          const params = buildMessageAdd(target.dialogId, followUp);
          const problem = checkAttach(params.ATTACH) ?? checkKeyboard(params.KEYBOARD);
          if (problem) return invalid(problem);
          call = () => rest.call('im.message.add', { ...params });
        }

        set({ send: { status: 'sending' } });
        let result: unknown;
        try {
          result = await call();
        } catch (error) {
          set({ send: { status: 'failed', error: toErrorInfo(error) } });
          return;
        }
        set({ send: { status: 'sent', messageId: asId(result) } });
        try {
          await frame.closeApplication();
        } catch {
          // The follow-up is posted; if the host does not close the slider the "posted" state stays.
        }
      },
    };
  });
}

export type FollowUpStore = ReturnType<typeof createFollowUpStore>;
