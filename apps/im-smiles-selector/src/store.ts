/**
 * The sticker pack's state and actions. The Frame and the stickers' base URL are injected, so tests run
 * with a fake frame; components only read state and call actions.
 */
import {
  asId,
  type ErrorInfo,
  idle,
  type PlacementFrame,
  type Remote,
  toErrorInfo,
  track,
} from '@imkit/app-kit';
import { create } from 'zustand';
import { type CategoryId, type Emoji, type Sticker, stickerName } from './catalog.js';
import { pushRecent, type RecentKey, readRecent, recentOption } from './recent.js';
import { stickerMessage } from './sticker-message.js';

export type Tab = 'recent' | CategoryId | 'emoji';

/** What the last pick did: a sticker sent (with its message id) or an emoji inserted. */
export type Outcome =
  | { readonly kind: 'sticker'; readonly name: string; readonly messageId: number }
  | { readonly kind: 'emoji'; readonly char: string };

export interface StickerState {
  readonly tab: Tab;
  readonly query: string;
  readonly recent: readonly RecentKey[];
  /** The last pick; `loading` carries nothing, so `pending` names what is on its way. */
  readonly outcome: Remote<Outcome>;
  readonly pending: string;
  /** Set when the recent list could not be saved (the pick itself still happened). */
  readonly recentError: ErrorInfo | null;
  setTab(tab: Tab): void;
  setQuery(query: string): void;
  sendSticker(sticker: Sticker): Promise<void>;
  insertEmoji(emoji: Emoji): Promise<void>;
}

export type StickerFrame = Pick<
  PlacementFrame<'IM_SMILES_SELECTOR'>,
  'rest' | 'context' | 'textarea' | 'userOptions'
>;

export function createStickerStore(frame: StickerFrame, stickerBase: string) {
  const { lang } = frame.context;

  return create<StickerState>()((set, get) => {
    const remember = async (key: RecentKey) => {
      const recent = pushRecent(get().recent, key);
      set({ recent, recentError: null });
      try {
        await frame.userOptions.set(recentOption, JSON.stringify(recent));
      } catch (error) {
        set({ recentError: toErrorInfo(error) });
      }
    };
    const busy = () => get().outcome.status === 'loading';

    const initial = readRecent(frame.userOptions.get(recentOption));
    return {
      tab: initial.length > 0 ? 'recent' : 'faces',
      query: '',
      recent: initial,
      outcome: idle,
      pending: '',
      recentError: null,

      setTab: (tab) => set({ tab, query: '' }),
      setQuery: (query) => set({ query }),

      async sendSticker(sticker) {
        if (busy()) return;
        const name = stickerName(sticker, lang);
        set({ pending: name });
        const params = stickerMessage(frame.context.options.dialogId, sticker, name, stickerBase);
        const sent = await track(
          async (): Promise<Outcome> => ({
            kind: 'sticker',
            name,
            messageId: asId(await frame.rest.call('im.message.add', params)),
          }),
          (outcome) => set({ outcome }),
        );
        if (sent) await remember(`s:${sticker.id}`);
      },

      async insertEmoji(emoji) {
        if (busy()) return;
        set({ pending: emoji.char });
        const inserted = await track(
          async (): Promise<Outcome> => {
            await frame.textarea.insert(emoji.char);
            return { kind: 'emoji', char: emoji.char };
          },
          (outcome) => set({ outcome }),
        );
        if (inserted) await remember(`e:${emoji.char}`);
      },
    };
  });
}

export type StickerStore = ReturnType<typeof createStickerStore>;
