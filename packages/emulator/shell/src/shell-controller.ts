/**
 * Wires the shell together: portal state and the SSE stream, opening placements (form POST launches),
 * the frame host and the legacy host on the window's `message` event, and the traffic inspector.
 */
import { type PlacementSpec, placementCatalog } from '@imkit/frame/placements';
import { defaultDevAids } from '../../src/portal/dev-aids.js';
import type {
  BindingView,
  DevAids,
  Faults,
  LegacyAppView,
  MessageEventData,
} from '../../src/private-api/contract.js';
import { FrameHost, type HostUi, type PickedUser } from './host/frame-host.js';
import { FrameRegistry, type FrameSurface, type OpenedFrame, originOf } from './host/opened-frame.js';
import type { TextareaTarget } from './host/textarea-commands.js';
import { TrafficLog } from './inspector/traffic-log.js';
import type { LegacyAction } from './legacy/legacy-host.js';
import { LegacySession } from './legacy/legacy-session.js';
import { portalApi } from './portal/portal-api.js';
import { readMessageEvent, readTrafficEvent } from './portal/portal-events.js';
import { type OpenApp, ShellStore } from './shell-store.js';

const toastMs = 5000;

/** The width a panel gives its children (its padding taken off); 0 when there is no panel. */
function contentWidth(panel: HTMLElement | null): number {
  if (panel === null) return 0;
  const style = getComputedStyle(panel);
  return panel.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
}
let nextKey = 1;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class ShellController {
  readonly store = new ShellStore();
  readonly registry = new FrameRegistry();
  readonly traffic = new TrafficLog();
  readonly host: FrameHost;
  /** The open chat's message input (the real `<textarea>`). */
  input: HTMLTextAreaElement | null = null;
  readonly #legacy = new LegacySession(
    (entry) => this.traffic.add(entry),
    (action) => this.#onLegacyAction(action),
  );
  #events: EventSource | null = null;

  constructor() {
    this.host = new FrameHost(this.registry, this.#hostUi(), (entry) => this.traffic.add(entry));
  }

  start(): () => void {
    const onMessage = (event: MessageEvent) => this.#onMessage(event);
    window.addEventListener('message', onMessage);
    this.#connectEvents();
    void this.refresh();
    return () => {
      window.removeEventListener('message', onMessage);
      this.#events?.close();
    };
  }

  async refresh(): Promise<void> {
    try {
      const portal = await portalApi.state();
      const install = this.store.get().apps.find((app) => app.surface === 'install');
      this.store.update({ portal, error: null });
      if (portal.portal.installed && install) this.closeApp(install.key);
      const { dialogId } = this.store.get();
      if (dialogId === null && portal.chats[0]) await this.openChat(portal.chats[0].dialogId);
    } catch (error) {
      this.store.update({ error: errorText(error) });
    }
  }

  async openChat(dialogId: string): Promise<void> {
    this.store.update((model) => ({
      dialogId,
      messages: [],
      draft: model.dialogId === dialogId ? model.draft : '',
      contextMenu: null,
      smileysOpen: false,
      // Opening a chat leaves a navigation app, as the messenger does; only the install page stays.
      apps: model.apps.filter((app) => app.surface === 'install'),
      legacy: null,
    }));
    this.#dropClosedFrames();
    try {
      const messages = await portalApi.messages(dialogId);
      if (this.store.get().dialogId !== dialogId) return;
      this.store.update({ messages });
      // A dialog the recent list did not have yet (the messages call opened it): read its apps.
      if (!this.store.get().portal?.chats.some((chat) => chat.dialogId === dialogId)) await this.refresh();
    } catch (error) {
      this.notify(`Messages of ${dialogId}: ${errorText(error)}`);
    }
  }

  async switchUser(userId: number): Promise<void> {
    try {
      await portalApi.switchUser(userId);
      this.store.update({ apps: [], legacy: null, dialogId: null, messages: [] });
      this.#dropClosedFrames();
      await this.refresh();
    } catch (error) {
      this.notify(`Switch user: ${errorText(error)}`);
    }
  }

  /**
   * `POST reset`: the portal goes back to its seed. Every open frame and legacy app is closed (their
   * tokens and sessions are gone), a pending user picker is cancelled, and the state is read again.
   */
  async resetPortal(): Promise<void> {
    try {
      await portalApi.reset();
    } catch (error) {
      this.notify(`Reset: ${errorText(error)}`);
      return;
    }
    this.store.get().picker?.resolve(null);
    this.#legacy.forget();
    this.store.update({
      apps: [],
      legacy: null,
      dialogId: null,
      messages: [],
      draft: '',
      contextMenu: null,
      smileysOpen: false,
    });
    this.#dropClosedFrames();
    await this.refresh();
    this.notify('The portal was reset to its seed');
  }

  /** `POST dev-aids`; resolves with an error text, or null once applied. */
  async setDevAids(change: Partial<DevAids>): Promise<string | null> {
    try {
      await portalApi.setDevAids(change);
      await this.refresh();
      return null;
    } catch (error) {
      return errorText(error);
    }
  }

  /** `POST faults`; resolves with an error text for the Faults panel, or null once applied. */
  async setFaults(change: Partial<Faults>): Promise<string | null> {
    try {
      await portalApi.setFaults(change);
      await this.refresh();
      return null;
    } catch (error) {
      return errorText(error);
    }
  }

  async sendMessage(text: string): Promise<void> {
    const { dialogId } = this.store.get();
    if (!dialogId || text.trim() === '') return;
    try {
      await portalApi.sendMessage(dialogId, text);
      this.store.update({ draft: '' });
    } catch (error) {
      this.notify(`Send: ${errorText(error)}`);
    }
  }

  async openPlacement(binding: BindingView, messageId?: number): Promise<void> {
    const spec: PlacementSpec = placementCatalog[binding.placement];
    const dialogId = spec.contextFields.includes('dialogId') ? this.store.get().dialogId : null;
    try {
      const launch = await portalApi.launch(binding.id, dialogId ?? undefined, messageId?.toString());
      const surface: FrameSurface = spec.opensIn;
      // IM_TEXTAREA's width/height options size the frame in the legacy design only; the new chat's popup has its own size.
      this.#showApp({
        placement: binding.placement,
        bindingId: binding.id,
        title: binding.title,
        launch,
        dialogId,
        surface,
        size: null,
      });
    } catch (error) {
      this.notify(`Open ${binding.title}: ${errorText(error)}`);
    }
  }

  async openInstall(): Promise<void> {
    try {
      const launch = await portalApi.installLaunch();
      const title = `Install ${this.store.get().portal?.portal.appName ?? 'app'}`;
      this.#showApp({
        placement: 'DEFAULT',
        bindingId: null,
        title,
        launch,
        dialogId: null,
        surface: 'install',
        size: null,
      });
    } catch (error) {
      this.notify(`Install: ${errorText(error)}`);
    }
  }

  closeApp(key: string): void {
    this.host.forget(key);
    this.store.update((model) => ({ apps: model.apps.filter((app) => app.key !== key) }));
  }

  async openLegacy(app: LegacyAppView): Promise<void> {
    const { dialogId } = this.store.get();
    if (!dialogId) return;
    try {
      const url = await portalApi.legacyLaunch(app.id, dialogId, 'textarea');
      this.#legacy.forget();
      this.store.update({ legacy: { key: `legacy-${nextKey++}`, app, url } });
    } catch (error) {
      this.notify(`Open ${app.title}: ${errorText(error)}`);
    }
  }

  closeLegacy(): void {
    this.#legacy.forget();
    this.store.update({ legacy: null });
  }

  /** Called by the legacy iframe's `load` event: posts the init string with a new uniqueLoadId. */
  legacyLoaded(app: LegacyAppView, url: string, element: HTMLIFrameElement): void {
    const portal = this.store.get().portal;
    if (portal) this.#legacy.loaded(app, url, portal.portal.origin, element);
  }

  registerFrame(app: OpenApp, element: () => HTMLIFrameElement | null): OpenedFrame | null {
    const handlerOrigin = originOf(app.launch.action);
    if (!handlerOrigin) {
      this.notify(`${app.title}: the handler URL ${app.launch.action} is not http(s)`);
      return null;
    }
    const frame: OpenedFrame = {
      key: app.key,
      placement: app.placement,
      surface: app.surface,
      bindingId: app.bindingId,
      title: app.title,
      appSid: app.launch.appSid,
      handlerOrigin,
      dialogId: app.dialogId,
      element,
    };
    this.registry.add(frame);
    return frame;
  }

  notify(text: string): void {
    const id = nextKey++;
    this.store.update((model) => ({ toasts: [...model.toasts, { id, text }] }));
    setTimeout(
      () => this.store.update((model) => ({ toasts: model.toasts.filter((t) => t.id !== id) })),
      toastMs,
    );
  }

  #showApp(app: Omit<OpenApp, 'key'>): void {
    const key = `app-${nextKey++}`;
    this.store.update((model) => {
      const replaced = model.apps.filter((open) => open.surface === app.surface);
      for (const old of replaced) this.host.forget(old.key);
      return {
        apps: [...model.apps.filter((open) => open.surface !== app.surface), { ...app, key }],
        contextMenu: null,
        smileysOpen: app.surface === 'selector-tab' ? true : model.smileysOpen,
      };
    });
  }

  #dropClosedFrames(): void {
    const open = new Set(this.store.get().apps.map((app) => app.key));
    for (const frame of this.registry.all()) if (!open.has(frame.key)) this.host.forget(frame.key);
  }

  #onMessage(event: MessageEvent): void {
    const message = { source: event.source, origin: event.origin, data: event.data };
    if (!this.#legacy.receive(message)) this.host.receive(message);
  }

  #onLegacyAction(action: LegacyAction): void {
    switch (action.action) {
      case 'send': {
        const { dialogId } = this.store.get();
        if (dialogId)
          void portalApi
            .sendMessage(dialogId, action.message)
            .catch((error) => this.notify(`send: ${errorText(error)}`));
        return;
      }
      case 'put':
        this.#writeInput(`${this.#readInput()}${action.message}`);
        return;
      case 'call':
        this.notify(`Phone call to ${action.number} (emulated)`);
        return;
      case 'support':
      case 'restriction':
      case 'helpdesk':
        this.notify(`${action.action} ${action.code} (emulated)`);
        return;
      case 'openDialog':
        this.closeLegacy();
        void this.openChat(action.dialogId);
        return;
      case 'close':
        this.closeLegacy();
        return;
    }
  }

  #readInput(): string {
    return this.input?.value ?? this.store.get().draft;
  }

  #writeInput(text: string): void {
    if (this.input) this.input.value = text;
    this.store.update({ draft: text });
  }

  #connectEvents(): void {
    const source = new EventSource('/emulator/api/events');
    this.#events = source;
    source.addEventListener('state', () => void this.refresh());
    source.addEventListener('message', (event) => this.#onChatMessage(event.data));
    source.addEventListener('traffic', (event) => this.traffic.add(readTrafficEvent(event.data)));
  }

  #onChatMessage(data: string): void {
    let event: MessageEventData;
    try {
      event = readMessageEvent(data);
    } catch (error) {
      this.notify(errorText(error));
      return;
    }
    void this.refresh();
    const { message } = event;
    const { dialogId, messages } = this.store.get();
    if (event.dialogId !== dialogId || messages.some((m) => m.id === message.id)) return;
    this.store.update({ messages: [...messages, message] });
    this.host.emit('message', {
      dialogId: event.dialogId,
      messageId: String(message.id),
      authorId: String(message.authorId),
      text: message.text,
    });
  }

  #hostUi(): HostUi {
    return {
      portalCommand: (appSid, method, params) => portalApi.frameCommand(appSid, method, params),
      resize: (frame, width, height) => this.#resize(frame, width, height),
      openDialog: (dialogId) => void this.openChat(dialogId),
      notify: (text) => this.notify(text),
      closeFrame: (frame) => this.closeApp(frame.key),
      openPath: (path) => {
        const match = /[?&]IM_DIALOG=([^&]+)/.exec(path);
        if (!match?.[1]) return false;
        void this.openChat(decodeURIComponent(match[1]));
        return true;
      },
      pickUsers: (multiple) => this.#pickUsers(multiple),
      devAids: () => this.store.get().portal?.devAids ?? defaultDevAids,
      textarea: () => this.#textareaTarget(),
    };
  }

  #textareaTarget(): TextareaTarget {
    const { dialogId } = this.store.get();
    return {
      dialogId,
      input: this.input ? { read: () => this.#readInput(), write: (text) => this.#writeInput(text) } : null,
    };
  }

  #pickUsers(multiple: boolean): Promise<PickedUser[] | null> {
    return new Promise((resolve) => {
      this.store.get().picker?.resolve(null);
      this.store.update({
        picker: {
          multiple,
          resolve: (users) => {
            this.store.update({ picker: null });
            resolve(users);
          },
        },
      });
    });
  }

  /** Popups above the input grow upwards: keep their title bar inside the workspace. */
  #spaceAbove(element: HTMLIFrameElement): number {
    const anchor = element.closest('.input-area');
    const workspace = document.querySelector('.workspace');
    if (!anchor || !workspace) return Number.POSITIVE_INFINITY;
    const popupChrome = 56;
    return Math.max(
      120,
      anchor.getBoundingClientRect().top - workspace.getBoundingClientRect().top - popupChrome,
    );
  }

  #resize(
    frame: OpenedFrame,
    width: number | null,
    height: number | null,
  ): { width: number; height: number } {
    const element = frame.element();
    if (!element) return { width: 0, height: 0 };
    // No size caps of our own (no reference states the host's): the frame takes the requested size
    // within what the layout gives it — its panel's width, and above the input for the popup.
    const panelWidth = frame.surface === 'sidebar' ? contentWidth(element.parentElement) : 0;
    if (width !== null) element.style.width = `${panelWidth > 0 ? Math.min(width, panelWidth) : width}px`;
    if (height !== null)
      element.style.height = `${frame.surface === 'popup' ? Math.min(height, this.#spaceAbove(element)) : height}px`;
    const box = element.getBoundingClientRect();
    const measured = { width: Math.round(box.width), height: Math.round(box.height) };
    this.store.update((model) => ({
      apps: model.apps.map((app) => (app.key === frame.key ? { ...app, size: measured } : app)),
    }));
    return measured;
  }
}
