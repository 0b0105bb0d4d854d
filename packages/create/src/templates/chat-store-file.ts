/**
 * The generated store of a flavor opened for one chat that reads the chat on start (`im.dialog.get`
 * with PLACEMENT_OPTIONS.dialogId) and has one action on it; the flavor gives the action.
 */
import type { PlacementCode } from '@imkit/frame/placements';
import { storeFile } from './store-file.js';

export interface ChatAction {
  readonly placement: PlacementCode;
  /** What the action does, ending the doc comment's sentence: `posts a hello message to it`. */
  readonly does: string;
  /** The Frame members used besides `rest`, as a union of string literals (`'textarea'`), if any. */
  readonly frameCommands?: string;
  /** The action's result in the state: name, type and doc comment. */
  readonly result: { readonly name: string; readonly type: string; readonly doc: string };
  readonly name: string;
  /** The action's statements, indented for the method body. */
  readonly body: string;
}

export function chatStoreFile(action: ChatAction): string {
  const { name, result } = action;
  const commands = action.frameCommands ? `'rest' | ${action.frameCommands}` : `'rest'`;
  return storeFile({
    about: `${action.placement} is opened for one chat: the app reads it
 * (\`im.dialog.get\` with PLACEMENT_OPTIONS.dialogId) and ${action.does}.`,
    imports: `import { type ChatInfo, readChatInfo } from './chat-info.js';
import { openDialogId } from './open-dialog.js';
import { texts } from './texts.js';
`,
    body: `export interface AppState {
  readonly chat: Remote<ChatInfo>;
  /** ${result.doc} */
  readonly ${result.name}: Remote<${result.type}>;
  load(): Promise<void>;
  ${name}(): Promise<void>;
}

export type AppFrame = Pick<Frame, ${commands}> & {
  readonly context: { readonly lang: string; readonly options: { readonly dialogId: string } };
};

export function createAppStore(frame: AppFrame) {
  const t = texts(frame.context.lang);
  return create<AppState>()((set, get) => ({
    chat: idle,
    ${result.name}: idle,

    async load() {
      await track(
        async () => {
          const dialogId = openDialogId(frame.context.options);
          return readChatInfo(await frame.rest.call('im.dialog.get', { DIALOG_ID: dialogId }));
        },
        (chat) => set({ chat }),
      );
    },

    async ${name}() {
${action.body}    },
  }));
}
`,
  });
}
