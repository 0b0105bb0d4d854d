/**
 * `connect()`: reads `window.name`, asks the host for `getInitData` and resolves the `Frame`.
 */
import { parseFrameName } from '../protocol.js';
import type { ConnectOptions, Frame } from '../types.js';
import { createFrame } from './frame.js';
import { openFrameChannel } from './frame-channel.js';
import { frameFailure } from './frame-failure.js';
import { buildLaunchContext } from './launch-context.js';

export async function connect(options: ConnectOptions = {}): Promise<Frame> {
  const win = options.window ?? globalThis.window;
  const name = win?.parent && win.parent !== win ? parseFrameName(win.name) : null;
  if (!name) throw frameFailure('NOT_FRAMED', 'connect', 'not in a placement frame');
  const channel = openFrameChannel(win, name.origin, name.appSid, options.timeout || 5000);
  try {
    return createFrame(
      win,
      channel,
      buildLaunchContext(await channel.request('getInitData'), name, Date.now()),
      options,
    );
  } catch (error) {
    channel.dispose();
    throw error;
  }
}
