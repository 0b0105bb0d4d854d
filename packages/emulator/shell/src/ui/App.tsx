/** The emulated new-chat layout. */
import { ChatList } from './ChatList.js';
import { DialogView } from './DialogView.js';
import { Inspector } from './Inspector.js';
import { NavigationBar } from './NavigationBar.js';
import { InstallOverlay, NavigationContent, SliderOverlay } from './Overlays.js';
import { Sidebar } from './Sidebar.js';
import { useModel } from './shell-context.js';
import { Toasts } from './Toasts.js';
import { TopBar } from './TopBar.js';
import { UserPicker } from './UserPicker.js';

export function App() {
  const { error, apps, portal } = useModel();
  const content = apps.some((app) => app.surface === 'content');
  return (
    <div class="shell" data-testid="shell" data-ready={portal ? 'true' : 'false'}>
      <TopBar />
      {error && (
        <div class="error-bar" data-testid="shell-error">
          {error}
        </div>
      )}
      <div class="workspace">
        <NavigationBar />
        {content ? (
          <NavigationContent />
        ) : (
          <>
            <ChatList />
            <DialogView />
            <Sidebar />
          </>
        )}
      </div>
      <Inspector />
      <SliderOverlay />
      <InstallOverlay />
      <UserPicker />
      <Toasts />
    </div>
  );
}
