/** A placement iframe the shell opened, and the registry the message listener checks against. */

/** Where an opened frame lives in the shell. `install` is the full-size install page. */
export type FrameSurface = 'content' | 'popup' | 'sidebar' | 'slider' | 'selector-tab' | 'install';

export interface OpenedFrame {
  /** Stable key of this opening (one per launch). */
  readonly key: string;
  /** `IM_*`, or `DEFAULT` for the install page. */
  readonly placement: string;
  readonly surface: FrameSurface;
  readonly bindingId: number | null;
  readonly title: string;
  readonly appSid: string;
  /** Origin of the handler URL the form was posted to: the only origin accepted from this frame. */
  readonly handlerOrigin: string;
  readonly dialogId: string | null;
  /** The iframe element the shell created (its `contentWindow` is the only accepted `event.source`). */
  readonly element: () => HTMLIFrameElement | null;
}

export class FrameRegistry {
  readonly #frames = new Map<string, OpenedFrame>();

  add(frame: OpenedFrame): void {
    this.#frames.set(frame.key, frame);
  }

  remove(key: string): void {
    this.#frames.delete(key);
  }

  get(key: string): OpenedFrame | undefined {
    return this.#frames.get(key);
  }

  all(): OpenedFrame[] {
    return [...this.#frames.values()];
  }

  /** The frame whose iframe's contentWindow is `source`, if the shell opened one. */
  bySource(source: unknown): OpenedFrame | undefined {
    if (source === null || source === undefined) return undefined;
    for (const frame of this.#frames.values()) {
      const window = frame.element()?.contentWindow;
      if (window && window === source) return frame;
    }
    return undefined;
  }
}

/** The origin of a handler URL, or null when it is not an absolute http(s) URL. */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}
