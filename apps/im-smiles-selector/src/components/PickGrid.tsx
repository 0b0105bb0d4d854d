/** The stickers and emoji of the current view; a click sends a sticker or inserts an emoji. */
import { Empty } from '@imkit/app-kit';
import { stickerName } from '../catalog.js';
import { stickerUrl } from '../sticker-message.js';
import { visibleItems } from '../visible-items.js';
import type { ViewProps } from './props.js';

const grid = { display: 'flex', flexWrap: 'wrap', gap: '6px', margin: '8px 0' } as const;

export function PickGrid({ store, t, lang, stickerBase }: ViewProps & { readonly stickerBase: string }) {
  const { tab, query, recent, outcome, sendSticker, insertEmoji } = store();
  const items = visibleItems(tab, query, recent);
  const busy = outcome.status === 'loading';
  if (items.stickers.length === 0 && items.emojis.length === 0) {
    return <Empty>{query.trim() ? t('noMatches', { query: query.trim() }) : t('noRecent')}</Empty>;
  }
  return (
    <div>
      <div style={grid}>
        {items.stickers.map((sticker) => {
          const name = stickerName(sticker, lang);
          return (
            <button
              key={sticker.id}
              style={{ padding: '4px' }}
              disabled={busy}
              title={name}
              aria-label={t('sendSticker', { name })}
              onClick={() => void sendSticker(sticker)}
            >
              <img src={stickerUrl(stickerBase, sticker)} alt="" width={56} height={56} />
            </button>
          );
        })}
      </div>
      <div style={grid}>
        {items.emojis.map((emoji) => {
          const name = lang === 'ru' ? emoji.names.ru : emoji.names.en;
          return (
            <button
              key={emoji.char}
              style={{ fontSize: '22px', padding: '2px 6px' }}
              disabled={busy}
              title={name}
              aria-label={t('insertEmoji', { name })}
              onClick={() => void insertEmoji(emoji)}
            >
              {emoji.char}
            </button>
          );
        })}
      </div>
    </div>
  );
}
