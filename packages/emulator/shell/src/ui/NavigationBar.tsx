/** The left navigation: the chat entry plus IM_NAVIGATION apps (Font Awesome 4 icons). */
import { shownBindings } from '../portal/shown-apps.js';
import { useController, useModel } from './shell-context.js';

export function NavigationBar() {
  const controller = useController();
  const { portal, apps } = useModel();
  const content = apps.find((app) => app.surface === 'content');
  const bindings = portal ? shownBindings(portal, 'IM_NAVIGATION', null) : [];
  return (
    <nav class="navigation" data-testid="navigation">
      <button
        class={content ? 'nav-item' : 'nav-item active'}
        title="Chats"
        onClick={() => content && controller.closeApp(content.key)}
      >
        <i class="fa fa-comments-o" />
        <span>Chats</span>
      </button>
      {bindings.map((binding) => (
        <button
          key={binding.id}
          class={content?.bindingId === binding.id ? 'nav-item active' : 'nav-item'}
          title={binding.title}
          data-testid="nav-app"
          data-binding-id={binding.id}
          onClick={() => void controller.openPlacement(binding)}
        >
          <i class={`fa ${binding.options.iconName ?? 'fa-cube'}`} />
          <span>{binding.title}</span>
        </button>
      ))}
    </nav>
  );
}
