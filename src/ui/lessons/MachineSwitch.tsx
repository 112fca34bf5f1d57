/**
 * The header's way back: while a lesson runs on a machine of its own, the learner's own machine is kept, and
 * this button switches to it (and back). Switching saves the machine shown and reloads into the other one.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { defineMessages, useLocale, useMessages } from '../i18n.js';
import { machineStore } from '../persist/machines.js';
import { findEntry, lessonIn } from './catalog.js';
import type { LessonController } from './controller.js';

const messages = defineMessages({
  en: {
    own: 'Switch to your machine',
    lesson: 'Switch to the machine of lesson {lesson}',
    title: 'The machine shown now is kept too: switch back any time',
  },
  zh: {
    own: '切换到你的机器',
    lesson: '切换到第 {lesson} 课的机器',
    title: '现在这台机器也会保留：随时可以切换回来',
  },
});

export function MachineSwitch({ lessons }: { readonly lessons?: LessonController }): React.JSX.Element | null {
  const t = useMessages(messages);
  const locale = useLocale((s) => s.locale);
  const { kept, switchTo } = useStore(machineStore);
  const catalog = useStore(lessons?.store ?? emptyStore, (s) => s.catalog);
  if (!kept || !switchTo) return null;
  let label = t('own');
  if (kept.lesson !== null) {
    const e = catalog ? findEntry(catalog, kept.lesson) : undefined;
    label = t('lesson', { lesson: e ? `${e.section} ${lessonIn(e, locale).title}` : kept.lesson });
  }
  return (
    <button type="button" className="machine-switch" title={t('title')} onClick={switchTo}>
      {label}
    </button>
  );
}

const emptyStore = createStore<{ catalog: null }>()(() => ({ catalog: null }));
