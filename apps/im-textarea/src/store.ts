/**
 * Quick replies' state and actions. The Frame is injected (tests pass a fake); components only read state
 * and call actions.
 */
import { type ErrorInfo, idle, type PlacementFrame, type Remote, track } from '@imkit/app-kit';
import { create } from 'zustand';
import { type DialogFacts, loadDialogFacts } from './dialog-facts.js';
import {
  checkNewTemplate,
  ownTemplatesOption,
  readOwnTemplates,
  writeOwnTemplates,
} from './own-templates.js';
import { fillTemplate, type Template } from './templates.js';
import { texts } from './texts.js';

export type InsertMode = 'insert' | 'replace';

export interface QuickRepliesState {
  /** Variables for the open dialog (one batch). */
  readonly facts: Remote<DialogFacts>;
  /** The user's own templates, as saved in the user option. */
  readonly own: readonly Template[];
  /** The chat input's text, when read. */
  readonly input: Remote<string>;
  readonly draftTitle: string;
  readonly draftText: string;
  /** The last save of the user's templates (ready = saved). */
  readonly saving: Remote<true>;
  /** The last insert into the chat input (ready = the template's title). */
  readonly inserting: Remote<string>;
  load(): Promise<void>;
  readInput(): Promise<void>;
  fill(template: Template): string;
  insert(template: Template, mode: InsertMode): Promise<void>;
  setDraft(patch: { title?: string; text?: string }): void;
  draftFromInput(): void;
  saveDraft(): Promise<void>;
  remove(id: string): Promise<void>;
}

export type QuickRepliesFrame = Pick<
  PlacementFrame<'IM_TEXTAREA'>,
  'rest' | 'context' | 'textarea' | 'userOptions'
>;

const refused = (code: string, description: string): Remote<never> => ({
  status: 'error',
  error: { code, description } satisfies ErrorInfo,
});

export function createQuickRepliesStore(frame: QuickRepliesFrame, now: () => Date = () => new Date()) {
  const { lang } = frame.context;
  const t = texts(lang);
  let nextId = Date.now();

  return create<QuickRepliesState>()((set, get) => {
    /** Stores the list in the host; on failure the previous list comes back and the error is shown. */
    const persist = async (own: readonly Template[]) => {
      const previous = get().own;
      set({ own });
      const saved = await track(
        async () => {
          await frame.userOptions.set(ownTemplatesOption, writeOwnTemplates(own));
          return true as const;
        },
        (saving) => set({ saving }),
      );
      if (!saved) set({ own: previous });
      return saved === true;
    };

    return {
      facts: idle,
      own: readOwnTemplates(frame.userOptions.get(ownTemplatesOption)),
      input: idle,
      draftTitle: '',
      draftText: '',
      saving: idle,
      inserting: idle,

      async load() {
        await track(
          () => loadDialogFacts(frame.rest, frame.context.options.dialogId, lang, now()),
          (facts) => set({ facts }),
        );
      },

      async readInput() {
        await track(
          () => frame.textarea.get(),
          (input) => set({ input }),
        );
      },

      fill(template) {
        const { facts } = get();
        return fillTemplate(template.text, facts.status === 'ready' ? facts.data.vars : {});
      },

      async insert(template, mode) {
        const text = get().fill(template);
        await track(
          async () => {
            await frame.textarea.insert(text, { replace: mode === 'replace' });
            return template.title;
          },
          (inserting) => set({ inserting }),
        );
      },

      setDraft: ({ title, text }) =>
        set((state) => ({ draftTitle: title ?? state.draftTitle, draftText: text ?? state.draftText })),

      draftFromInput() {
        const { input } = get();
        if (input.status === 'ready') set({ draftText: input.data });
      },

      async saveDraft() {
        const { draftTitle, draftText, own, saving } = get();
        if (saving.status === 'loading') return;
        const problem = checkNewTemplate(draftTitle, draftText, own);
        if (problem) return set({ saving: refused(problem, t(problem)) });
        nextId += 1;
        const template: Template = {
          id: `own-${nextId.toString(36)}`,
          title: draftTitle.trim(),
          text: draftText,
        };
        if (await persist([...own, template])) set({ draftTitle: '', draftText: '' });
      },

      async remove(id) {
        const { own } = get();
        if (!own.some((template) => template.id === id)) return;
        await persist(own.filter((template) => template.id !== id));
      },
    };
  });
}

export type QuickRepliesStore = ReturnType<typeof createQuickRepliesStore>;
