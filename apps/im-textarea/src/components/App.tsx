/** The app root: one store per launched frame; dialog facts are read on start. */
import { useAppStore } from '@imkit/app-kit';
import { createQuickRepliesStore, type QuickRepliesFrame } from '../store.js';
import { builtInTemplates } from '../templates.js';
import { texts } from '../texts.js';
import { InputPanel } from './InputPanel.js';
import { InsertStatus } from './InsertStatus.js';
import { TemplateEditor } from './TemplateEditor.js';
import { TemplateList } from './TemplateList.js';

export function App({ frame }: { frame: QuickRepliesFrame }) {
  const store = useAppStore(() => createQuickRepliesStore(frame));
  const lang = frame.context.lang;
  const t = texts(lang);
  const own = store((state) => state.own);
  return (
    <main>
      <h1>{t('title')}</h1>
      <InsertStatus store={store} t={t} lang={lang} />
      <TemplateList
        store={store}
        t={t}
        lang={lang}
        heading={t('library')}
        templates={builtInTemplates(lang)}
      />
      <TemplateList store={store} t={t} lang={lang} heading={t('own')} templates={own} removable />
      <InputPanel store={store} t={t} lang={lang} />
      <TemplateEditor store={store} t={t} lang={lang} />
    </main>
  );
}
