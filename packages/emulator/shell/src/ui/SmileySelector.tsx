/** The smiley selector with one tab per IM_SMILES_SELECTOR app, and the catalogue's deprecation note. */
import { placementCatalog } from '@imkit/frame/placements';
import { shownBindings } from '../portal/shown-apps.js';
import { AppFrame } from './AppFrame.js';
import { useController, useModel } from './shell-context.js';

const smileys = ['😀', '😂', '😍', '👍', '🎉', '🙏', '😎', '🤔', '😢', '🔥', '✅', '❤️'];

export function SmileySelector() {
  const controller = useController();
  const { portal, dialogId, apps, draft } = useModel();
  if (!portal || !dialogId) return null;
  const tabs = shownBindings(portal, 'IM_SMILES_SELECTOR', dialogId);
  const open = apps.find((app) => app.surface === 'selector-tab');
  const deprecated = placementCatalog.IM_SMILES_SELECTOR.deprecated;
  return (
    <div class="popup smileys" data-testid="smiley-selector">
      <div class="tabs">
        <button class={open ? 'tab' : 'tab active'} onClick={() => open && controller.closeApp(open.key)}>
          Smileys
        </button>
        {tabs.map((binding) => (
          <button
            key={binding.id}
            class={open?.bindingId === binding.id ? 'tab active' : 'tab'}
            data-testid="smiles-app"
            data-binding-id={binding.id}
            onClick={() => void controller.openPlacement(binding)}
          >
            {binding.title}
          </button>
        ))}
      </div>
      {deprecated && tabs.length > 0 && (
        <p class="deprecation">⚠ {deprecated} The emulator still opens it.</p>
      )}
      {open ? (
        <AppFrame key={open.key} app={open} />
      ) : (
        <div class="smiley-grid">
          {smileys.map((smiley) => (
            <button
              key={smiley}
              class="smiley"
              onClick={() => controller.store.update({ draft: `${draft}${smiley}`, smileysOpen: false })}
            >
              {smiley}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
