/** Frames launched by the shell, by APP_SID: who opened which placement with which token. */
import type { PortalToken } from './state/portal-state.js';

export interface FrameSession {
  readonly appSid: string;
  readonly userId: number;
  /** Upper-case placement code, `DEFAULT` for the install page. */
  readonly placement: string;
  readonly placementOptions: Readonly<Record<string, string>>;
  readonly bindingId: number | null;
  readonly install: boolean;
  /** The handler's origin: the only origin the shell accepts this frame's messages from. */
  readonly handlerOrigin: string;
  token: PortalToken;
}

const maxSessions = 500;

export class FrameSessions {
  private readonly sessions = new Map<string, FrameSession>();

  add(session: FrameSession): void {
    this.sessions.set(session.appSid, session);
    if (this.sessions.size > maxSessions) {
      const oldest = this.sessions.keys().next().value;
      if (oldest !== undefined) this.sessions.delete(oldest);
    }
  }

  get(appSid: string): FrameSession | undefined {
    return this.sessions.get(appSid);
  }

  clear(): void {
    this.sessions.clear();
  }
}
