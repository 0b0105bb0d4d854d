/**
 * The dashboard's state and every action on it. The Frame is injected, so tests drive the store with a
 * fake frame and components only read state and call actions.
 */
import {
  type ErrorInfo,
  idle,
  loadRecentChats,
  type PlacementFrame,
  type RecentChat,
  type Remote,
  toErrorInfo,
  track,
} from '@imkit/app-kit';
import { create } from 'zustand';
import { type BroadcastResult, broadcastCommands, broadcastLimit, readBroadcast } from './broadcast.js';
import { texts } from './texts.js';

export interface DashboardState {
  readonly chats: Remote<RecentChat[]>;
  readonly query: string;
  /** Dialog ids chosen for the broadcast, in the order they were picked. */
  readonly selected: readonly string[];
  readonly draft: string;
  readonly broadcast: Remote<BroadcastResult[]>;
  /** Why the last "open chat" failed, if it did. */
  readonly openError: ErrorInfo | null;
  load(): Promise<void>;
  setQuery(query: string): void;
  toggle(dialogId: string): void;
  clearSelection(): void;
  setDraft(draft: string): void;
  send(): Promise<void>;
  open(dialogId: string): Promise<void>;
}

export type DashboardFrame = Pick<PlacementFrame<'IM_NAVIGATION'>, 'rest' | 'context' | 'openMessenger'>;

export function createDashboardStore(frame: DashboardFrame) {
  const t = texts(frame.context.lang);
  return create<DashboardState>()((set, get) => {
    /** Re-reads the list after a broadcast without blanking it; a failure keeps the list as it was. */
    const refreshQuietly = async () => {
      try {
        set({ chats: { status: 'ready', data: await loadRecentChats(frame.rest) } });
      } catch {
        // The broadcast results are what matters here; the old list stays until the next refresh.
      }
    };
    return {
      chats: idle,
      query: '',
      selected: [],
      draft: '',
      broadcast: idle,
      openError: null,

      async load() {
        await track(
          () => loadRecentChats(frame.rest),
          (chats) => set({ chats }),
        );
      },

      setQuery: (query) => set({ query }),

      toggle(dialogId) {
        const { selected } = get();
        if (selected.includes(dialogId)) return set({ selected: selected.filter((id) => id !== dialogId) });
        if (selected.length >= broadcastLimit) {
          return set({
            broadcast: {
              status: 'error',
              error: { code: 'TOO_MANY_CHATS', description: t('tooMany', { limit: broadcastLimit }) },
            },
          });
        }
        set({ selected: [...selected, dialogId] });
      },

      clearSelection: () => set({ selected: [] }),

      setDraft: (draft) => set({ draft }),

      async send() {
        const { selected, draft, broadcast } = get();
        if (broadcast.status === 'loading') return;
        const message = draft.trim();
        const refuse = (code: string, description: string) =>
          set({ broadcast: { status: 'error', error: { code, description } } });
        if (selected.length === 0) return refuse('NO_RECIPIENTS', t('noRecipients'));
        if (!message) return refuse('MESSAGE_EMPTY', t('emptyMessage'));
        const recipients = [...selected];
        const results = await track(
          async () =>
            readBroadcast(recipients, await frame.rest.batch(broadcastCommands(recipients, message))),
          (remote) => set({ broadcast: remote }),
        );
        if (results?.every((result) => result.ok)) set({ draft: '' });
        if (results) await refreshQuietly();
      },

      async open(dialogId) {
        set({ openError: null });
        try {
          await frame.openMessenger(dialogId);
        } catch (error) {
          set({ openError: toErrorInfo(error) });
        }
      },
    };
  });
}

export type DashboardStore = ReturnType<typeof createDashboardStore>;
