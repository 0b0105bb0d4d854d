import { connect, FrameError } from '@imkit/frame';
import { greeting } from './greeting.js';

const root = document.getElementById('app');

async function start(): Promise<void> {
  if (root === null) return;
  try {
    const frame = await connect();
    const me = await frame.rest.call<{ ID: string }>('user.current');
    root.textContent = greeting({ placement: frame.context.placement, userId: Number(me.ID) || null });
    frame.autoResize();
  } catch (error) {
    root.textContent =
      error instanceof FrameError && error.code === 'NOT_FRAMED'
        ? 'Open this page from the Bitrix24 chat (npm run dev).'
        : `Something went wrong: ${error instanceof Error ? error.message : String(error)}`;
  }
}

void start();
