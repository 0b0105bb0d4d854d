/**
 * The one place this app's placement is declared; the installer and the emulator read it.
 * IM_SMILES_SELECTOR: a tab of the chat's smiley/GIF selector; the frame gets the open chat's `dialogId`.
 * This placement stores no icon (the tab shows the title). The official docs mark it deprecated in recent
 * `im` versions: it still binds, but the new chat no longer opens it (HOST-PROTOCOL.md §1) — see README.
 */
import { definePlacement } from '@imkit/frame/placements';

export default definePlacement({
  placement: 'IM_SMILES_SELECTOR',
  handler: 'im-smiles-selector/',
  title: { en: 'Sticker pack', ru: 'Стикеры' },
  description: {
    en: 'Stickers sent as image messages, and emoji for the message input.',
    ru: 'Стикеры — картинками в чат, эмодзи — в поле ввода.',
  },
  options: { context: 'ALL', role: 'USER', extranet: 'N' },
});
