/**
 * The message input of the open chat, with the IM_TEXTAREA app buttons above it (in their `color`), the
 * legacy chat apps under an "old messenger" label, the smiley selector and the textarea app popup.
 */
import { shownBindings, shownLegacyApps } from '../portal/shown-apps.js';
import { AppFrame } from './AppFrame.js';
import { LegacyAppFrame } from './LegacyAppFrame.js';
import { placementColor } from './placement-colors.js';
import { SmileySelector } from './SmileySelector.js';
import { useController, useModel } from './shell-context.js';

export function MessageInput() {
  const controller = useController();
  const { portal, dialogId, draft, apps, legacy, smileysOpen } = useModel();
  if (!portal || !dialogId) return null;
  const textareaApps = shownBindings(portal, 'IM_TEXTAREA', dialogId);
  const legacyApps = shownLegacyApps(portal, dialogId);
  const popup = apps.find((app) => app.surface === 'popup');
  const send = () => void controller.sendMessage(controller.input?.value ?? draft);
  return (
    <div class="input-area">
      {popup && (
        <div class="popup" data-testid="textarea-popup">
          <div class="popup-head">
            <span>{popup.title}</span>
            <button class="icon-button" title="Close" onClick={() => controller.closeApp(popup.key)}>
              <i class="fa fa-times" />
            </button>
          </div>
          <AppFrame key={popup.key} app={popup} />
        </div>
      )}
      {legacy && <LegacyAppFrame open={legacy} />}
      {smileysOpen && <SmileySelector />}
      <div class="app-bar" data-testid="textarea-apps">
        {textareaApps.map((binding) => (
          <button
            key={binding.id}
            class="app-button"
            style={{ background: placementColor(binding.options.color, binding.id) }}
            title={binding.title}
            data-testid="textarea-app"
            data-binding-id={binding.id}
            onClick={() => void controller.openPlacement(binding)}
          >
            <i class={`fa ${binding.options.iconName ?? 'fa-cube'}`} /> {binding.title}
          </button>
        ))}
        {legacyApps.length > 0 && (
          <span class="legacy-apps" data-testid="legacy-apps">
            <span class="badge">old messenger</span>
            {legacyApps.map((app) => (
              <button
                key={app.id}
                class="app-button legacy"
                title={`${app.title} — legacy chat app (imbot.app.register); the new chat does not show these`}
                data-testid="legacy-app"
                data-legacy-app-id={app.id}
                onClick={() => void controller.openLegacy(app)}
              >
                <i class="fa fa-puzzle-piece" /> {app.title}
              </button>
            ))}
          </span>
        )}
      </div>
      <div class="input-row">
        <button
          class="icon-button"
          title="Smileys"
          data-testid="smileys-button"
          onClick={() => controller.store.update({ smileysOpen: !smileysOpen })}
        >
          <i class="fa fa-smile-o" />
        </button>
        <textarea
          ref={(element) => {
            controller.input = element;
          }}
          data-testid="message-input"
          placeholder="Write a message…"
          value={draft}
          onInput={(event) => controller.store.update({ draft: event.currentTarget.value })}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey) {
              event.preventDefault();
              send();
            }
          }}
        />
        <button class="primary" data-testid="send-button" onClick={send}>
          <i class="fa fa-paper-plane" />
        </button>
      </div>
    </div>
  );
}
