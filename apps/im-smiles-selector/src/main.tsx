/** Entry point: connect to the host, then render the sticker pack with links to the app's own stickers. */
import '@imkit/app-kit/base.css';
import { bootApp } from '@imkit/app-kit';
import { App } from './components/App.js';
import { stickerBaseUrl } from './sticker-message.js';

const stickerBase = stickerBaseUrl(document.baseURI, import.meta.env.DEV);

bootApp('IM_SMILES_SELECTOR', (frame) => <App frame={frame} stickerBase={stickerBase} />);
