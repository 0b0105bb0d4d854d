/** The chat sidebar with its "Applications" panel of IM_SIDEBAR apps; an opened app fills the panel. */
import { shownBindings } from '../portal/shown-apps.js';
import { AppFrame } from './AppFrame.js';
import { placementColor } from './placement-colors.js';
import { useController, useModel } from './shell-context.js';

export function Sidebar() {
  const controller = useController();
  const { portal, dialogId, apps } = useModel();
  if (!portal || !dialogId) return <aside class="sidebar" />;
  const open = apps.find((app) => app.surface === 'sidebar');
  const bindings = shownBindings(portal, 'IM_SIDEBAR', dialogId);
  return (
    <aside class="sidebar" data-testid="sidebar">
      {open ? (
        <>
          <div class="panel-head">
            <button class="icon-button" title="Back" onClick={() => controller.closeApp(open.key)}>
              <i class="fa fa-arrow-left" />
            </button>
            <strong>{open.title}</strong>
          </div>
          <AppFrame key={open.key} app={open} className="sidebar-frame" />
        </>
      ) : (
        <>
          <h2>Applications</h2>
          {bindings.length === 0 && <p class="muted">No sidebar apps for this chat</p>}
          {bindings.map((binding) => (
            <button
              key={binding.id}
              class="sidebar-app"
              data-testid="sidebar-app"
              data-binding-id={binding.id}
              onClick={() => void controller.openPlacement(binding)}
            >
              <span
                class="app-icon"
                style={{ background: placementColor(binding.options.color, binding.id) }}
              >
                <i class={`fa ${binding.options.iconName ?? 'fa-cube'}`} />
              </span>
              {binding.title}
            </button>
          ))}
        </>
      )}
    </aside>
  );
}
