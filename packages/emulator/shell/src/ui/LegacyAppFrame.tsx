/** A legacy chat app (imbot.app.register IFRAME) opened above the input, as the old messenger did. */
import { useRef } from 'preact/hooks';
import type { OpenLegacyApp } from '../shell-store.js';
import { useController } from './shell-context.js';

export function LegacyAppFrame({ open }: { open: OpenLegacyApp }) {
  const controller = useController();
  const ref = useRef<HTMLIFrameElement>(null);
  return (
    <div class="popup legacy-popup" data-testid="legacy-popup">
      <div class="popup-head">
        <span>
          <span class="badge">old messenger</span> {open.app.title}
        </span>
        <button class="icon-button" title="Close" onClick={() => controller.closeLegacy()}>
          <i class="fa fa-times" />
        </button>
      </div>
      <iframe
        ref={ref}
        key={open.key}
        src={open.url}
        title={open.app.title}
        class="app-frame legacy-frame"
        style={{ width: `${Math.min(open.app.width, 640)}px`, height: `${Math.min(open.app.height, 480)}px` }}
        data-testid="legacy-frame"
        data-legacy-app-id={open.app.id}
        onLoad={() => ref.current && controller.legacyLoaded(open.app, open.url, ref.current)}
      />
    </div>
  );
}
