/** Portal name, the install state, the current-user switcher, fault switches, reset and the inspector toggle. */
import { FaultsPanel } from './FaultsPanel.js';
import { ResetPortal } from './ResetPortal.js';
import { useController, useModel } from './shell-context.js';

export function TopBar() {
  const controller = useController();
  const { portal, inspectorOpen } = useModel();
  if (!portal) return <header class="top-bar">imkit emulator</header>;
  return (
    <header class="top-bar">
      <span class="portal-name">
        <i class="fa fa-comments" /> {portal.portal.domain}
      </span>
      <span
        class="emulator-note"
        title="Behaviour follows HOST-PROTOCOL.md; simplifications are flagged in the inspector"
      >
        imkit emulator — not a real Bitrix24
      </span>
      <span class="spacer" />
      {portal.portal.installed ? (
        <span class="install-state ok" data-testid="install-state">
          <i class="fa fa-check" /> {portal.portal.appName} installed
        </span>
      ) : (
        <button class="primary" data-testid="install-app" onClick={() => void controller.openInstall()}>
          <i class="fa fa-download" /> Install app
        </button>
      )}
      <label class="user-switcher">
        <i class="fa fa-user" />
        <select
          data-testid="user-switcher"
          value={String(portal.currentUserId)}
          onChange={(event) => void controller.switchUser(Number(event.currentTarget.value))}
        >
          {portal.users
            .filter((u) => !u.isBot)
            .map((u) => (
              <option key={u.id} value={String(u.id)}>
                {u.name} {u.isAdmin ? '(admin)' : u.isExtranet ? '(extranet)' : '(user)'}
              </option>
            ))}
        </select>
      </label>
      <span class="sr-only" data-testid="current-user">
        {portal.currentUserId}
      </span>
      <FaultsPanel />
      <ResetPortal />
      <button
        class={inspectorOpen ? 'toggle on' : 'toggle'}
        onClick={() => controller.store.update({ inspectorOpen: !inspectorOpen })}
      >
        <i class="fa fa-exchange" /> Inspector
      </button>
    </header>
  );
}
