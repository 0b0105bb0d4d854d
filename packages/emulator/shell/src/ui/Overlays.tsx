/** Frames that cover the chat: IM_CONTEXT_MENU's side slider and the full-size install page. */
import { AppFrame } from './AppFrame.js';
import { useController, useModel } from './shell-context.js';

export function SliderOverlay() {
  const controller = useController();
  const { apps } = useModel();
  const slider = apps.find((app) => app.surface === 'slider');
  if (!slider) return null;
  return (
    <div class="overlay" data-testid="slider">
      <div class="slider">
        <div class="panel-head">
          <button class="icon-button" title="Close" onClick={() => controller.closeApp(slider.key)}>
            <i class="fa fa-times" />
          </button>
          <strong>{slider.title}</strong>
          <span class="muted">slider — resizeWindow is refused here, as on the real host</span>
        </div>
        <AppFrame key={slider.key} app={slider} className="fill" />
      </div>
    </div>
  );
}

export function InstallOverlay() {
  const controller = useController();
  const { apps } = useModel();
  const install = apps.find((app) => app.surface === 'install');
  if (!install) return null;
  return (
    <div class="overlay install" data-testid="install-page">
      <div class="panel-head">
        <strong>{install.title}</strong>
        <span class="muted">the app's install page (placement DEFAULT); it must call installFinish</span>
        <span class="spacer" />
        <button class="icon-button" title="Close" onClick={() => controller.closeApp(install.key)}>
          <i class="fa fa-times" />
        </button>
      </div>
      <AppFrame key={install.key} app={install} className="fill" />
    </div>
  );
}

/** IM_NAVIGATION apps fill the content area instead of the chat. */
export function NavigationContent() {
  const { apps } = useModel();
  const content = apps.find((app) => app.surface === 'content');
  if (!content) return null;
  return (
    <section class="content-app" data-testid="navigation-content">
      <AppFrame key={content.key} app={content} className="fill" />
    </section>
  );
}
