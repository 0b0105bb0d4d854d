/**
 * The sidebar's state and everything it does. Components read this store and call its actions; the
 * Frame is injected, so unit tests hand in a fake one.
 *
 * load(): one `batch` asks for the chat (`im.dialog.get`) and its newest messages
 * (`im.dialog.messages.get`), older pages follow, insights are computed; for an open-line chat the
 * session panel loads `imopenlines.dialog.get`. Session actions check their input first, then call.
 */
import {
  type ErrorInfo,
  idle,
  type PlacementFrame,
  parseDialogId,
  parseMessagePage,
  type Remote,
  toErrorInfo,
  track,
} from '@imkit/app-kit';
import { create } from 'zustand';
import { type ChatInfo, parseChatInfo } from './chat-info.js';
import { computeInsights, type Insights } from './insights.js';
import { loadHistory } from './message-history.js';
import {
  type AutoMessageName,
  checkAutoMessage,
  checkTransferTarget,
  finishSession,
  type InputProblem,
  loadOpenLineSession,
  type OpenLineSession,
  sendAutoMessage,
  type TransferTarget,
  transferSession,
} from './open-line-session.js';

export type SessionAction = 'message' | 'transfer' | 'finish';

export type ActionState =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly action: SessionAction }
  | { readonly status: 'done'; readonly action: SessionAction }
  | { readonly status: 'invalid'; readonly action: SessionAction; readonly problem: InputProblem }
  | { readonly status: 'failed'; readonly action: SessionAction; readonly error: ErrorInfo };

export interface SidebarState {
  readonly dialogId: string;
  readonly chat: Remote<ChatInfo>;
  readonly insights: Remote<Insights>;
  /** Null unless the chat is an open-line chat. */
  readonly session: Remote<OpenLineSession> | null;
  readonly action: ActionState;
  /** The transfer form: to an operator (user id) or a queue (open line id), the id as typed. */
  readonly transferKind: TransferTarget['kind'];
  readonly transferId: string;
  load(): Promise<void>;
  loadSession(): Promise<void>;
  sendAutoMessage(name: AutoMessageName, text: string): Promise<void>;
  setTransferKind(kind: TransferTarget['kind']): void;
  setTransferId(idText: string): void;
  /** Opens the host's user picker and fills the operator id with the chosen user. */
  pickOperator(): Promise<void>;
  transfer(): Promise<void>;
  finish(): Promise<void>;
}

export interface SidebarStoreOptions {
  /** Messages per `im.dialog.messages.get` page (default 50). */
  readonly pageSize?: number;
  /** Pages of history analysed at most (default 4). */
  readonly maxPages?: number;
}

export type SidebarFrame = Pick<PlacementFrame<'IM_SIDEBAR'>, 'rest' | 'context' | 'selectUser'>;

export function createSidebarStore(
  frame: SidebarFrame,
  { pageSize = 50, maxPages = 4 }: SidebarStoreOptions = {},
) {
  const { rest } = frame;
  const loading = { status: 'loading' } as const;
  const dialogId = frame.context.options.dialogId;
  let generation = 0;

  return create<SidebarState>()((set, get) => {
    const chatIdOfSession = (): number => {
      const session = get().session;
      return session?.status === 'ready' ? session.data.chatId : 0;
    };

    const runAction = async (action: SessionAction, call: (chatId: number) => Promise<void>) => {
      if (get().action.status === 'running') return;
      const chatId = chatIdOfSession();
      if (chatId <= 0) {
        set({ action: { status: 'invalid', action, problem: { field: 'chatId', code: 'REQUIRED' } } });
        return;
      }
      set({ action: { status: 'running', action } });
      try {
        await call(chatId);
        set({ action: { status: 'done', action } });
      } catch (error) {
        set({ action: { status: 'failed', action, error: toErrorInfo(error) } });
      }
      if (action !== 'message') await get().loadSession();
    };

    return {
      dialogId,
      chat: idle,
      insights: idle,
      session: null,
      action: { status: 'idle' },
      transferKind: 'operator',
      transferId: '',

      async load() {
        const mine = ++generation;
        /** Stores a step only while this load is the latest one. */
        const latest = (patch: Partial<SidebarState>) => {
          if (mine === generation) set(patch);
        };
        set({ chat: loading, insights: loading, session: null, action: { status: 'idle' } });
        const answers = await track(
          async () => {
            if (!parseDialogId(dialogId)) {
              const problem = new Error(`dialogId "${dialogId}" is not a chat`);
              throw Object.assign(problem, { code: 'DIALOG_ID_EMPTY' });
            }
            return rest.batch({
              chat: { method: 'im.dialog.get', params: { DIALOG_ID: dialogId } },
              messages: {
                method: 'im.dialog.messages.get',
                params: { DIALOG_ID: dialogId, LIMIT: pageSize },
              },
            });
          },
          (remote) => {
            if (remote.status === 'error') latest({ chat: remote, insights: remote });
          },
        );
        if (!answers || mine !== generation) return;
        const { chat: chatAnswer, messages: messagesAnswer } = answers;
        const chat: Remote<ChatInfo> =
          chatAnswer?.ok === true
            ? { status: 'ready', data: parseChatInfo(dialogId, chatAnswer.result) }
            : { status: 'error', error: toErrorInfo(chatAnswer?.error ?? 'BAD_RESPONSE') };
        set({ chat });
        if (chat.status === 'ready' && chat.data.kind === 'LINES') void get().loadSession();

        await track(
          async () => {
            if (messagesAnswer?.ok !== true) throw messagesAnswer?.error ?? 'BAD_RESPONSE';
            const first = parseMessagePage(messagesAnswer.result);
            const history = await loadHistory(rest, dialogId, first, { pageSize, maxPages });
            return computeInsights(history.messages, history.users);
          },
          (insights) => latest({ insights }),
        );
      },

      async loadSession() {
        const chat = get().chat;
        if (chat.status !== 'ready' || chat.data.kind !== 'LINES') return;
        const current = get().session;
        if (current?.status !== 'ready') set({ session: loading });
        try {
          const session = await loadOpenLineSession(rest, chat.data.chatId);
          set({ session: { status: 'ready', data: session } });
        } catch (error) {
          set({ session: { status: 'error', error: toErrorInfo(error) } });
        }
      },

      async sendAutoMessage(name, text) {
        const checked = checkAutoMessage(text);
        if (!checked.ok) {
          set({ action: { status: 'invalid', action: 'message', problem: checked.problem } });
          return;
        }
        await runAction('message', (chatId) => sendAutoMessage(rest, chatId, name, checked.value));
      },

      setTransferKind(transferKind) {
        set({ transferKind });
      },

      setTransferId(transferId) {
        set({ transferId });
      },

      async pickOperator() {
        try {
          const user = await frame.selectUser();
          set({ transferKind: 'operator', transferId: user.id });
        } catch (error) {
          const info = toErrorInfo(error);
          // HOST_ERROR here means the picker was closed without a choice: nothing to report.
          if (info.code !== 'HOST_ERROR')
            set({ action: { status: 'failed', action: 'transfer', error: info } });
        }
      },

      async transfer() {
        const checked = checkTransferTarget(get().transferKind, get().transferId);
        if (!checked.ok) {
          set({ action: { status: 'invalid', action: 'transfer', problem: checked.problem } });
          return;
        }
        await runAction('transfer', (chatId) => transferSession(rest, chatId, checked.value));
      },

      async finish() {
        await runAction('finish', (chatId) => finishSession(rest, chatId));
      },
    };
  });
}

export type SidebarStore = ReturnType<typeof createSidebarStore>;
