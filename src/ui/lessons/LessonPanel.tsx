/**
 * The lesson panel: the lesson list, or the open lesson beside the learner's terminal. Everything it shows
 * comes from the LessonController's store (controller.ts); clicking a command calls `typeIntoTerminal`, which
 * the page points at the terminal in focus (the text is typed, Enter is left to the learner).
 *
 * Load it with React.lazy: it brings markdown-it and the check descriptions, which the first screen does not need.
 */
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { defineMessages, useLocale, useMessages } from '../i18n.js';
import { findEntry, nextEntry, lessonIn } from './catalog.js';
import type { LessonController, LessonUiState } from './controller.js';
import { LessonList } from './LessonList.js';
import { LessonView } from './LessonView.js';
import { InlineMarkdown } from './Markdown.js';
import { parsePreviewHref, type PreviewTarget } from './previewLink.js';
import { openPreview } from '../preview/previewState.js';
import './lessons.css';

const messages = defineMessages({
  en: {
    label: 'Lesson',
    loading: 'Loading lessons…',
    starting: 'Preparing the lesson on the machine…',
    error: 'The lesson could not be run: {error}',
    back: 'Back to the lessons',
    stepDone: 'Step done: {title}',
    lessonDone: 'Lesson complete: {title}',
    freshTitle: 'This lesson starts on a fresh machine',
    freshKeeps: 'It is prepared with the lesson’s start state. Your current machine is kept: switch back to it any time with “Switch to your machine” at the top.',
    freshDropsKept: 'Only one machine is kept: your current machine takes the place of the kept machine of lesson {lesson}, which is then lost.',
    freshReplaces: 'It is prepared with the lesson’s start state and replaces the machine of lesson {lesson} (your own machine stays kept).',
    freshLoses: 'It is prepared with the lesson’s start state and replaces the current machine: everything on it is lost.',
    freshGo: 'Start the lesson',
    freshCancel: 'Cancel',
    unpublished: '`{container}` does not publish port {port} now: do the step that runs it first, then click the link again.',
    inside: 'The terminal is inside the container `{name}`, and `{command}` is a command for the host. Type `exit` first (or press `Ctrl-P` then `Ctrl-Q` to leave the container running), then click the command again.',
  },
  zh: {
    label: '课程',
    loading: '正在加载课程……',
    starting: '正在机器上准备本课……',
    error: '无法运行本课：{error}',
    back: '返回课程列表',
    stepDone: '这一步完成了：{title}',
    lessonDone: '本课完成：{title}',
    freshTitle: '本课在一台全新的机器上开始',
    freshKeeps: '这台机器会准备好本课的初始状态。你当前的机器会保留下来：随时可以用页面顶部的“切换到你的机器”回去。',
    freshDropsKept: '只能保留一台机器：你当前的机器会取代之前保留的第 {lesson} 课的机器，那台机器随之丢失。',
    freshReplaces: '这台机器会准备好本课的初始状态，并取代第 {lesson} 课的机器（你自己的机器仍然保留着）。',
    freshLoses: '这台机器会准备好本课的初始状态，并取代当前的机器：当前机器上的一切都会丢失。',
    freshGo: '开始本课',
    freshCancel: '取消',
    unpublished: '容器 `{container}` 现在没有发布端口 {port}：先完成运行它的那一步，再点一次这个链接。',
    inside: '终端现在在容器 `{name}` 里，而 `{command}` 要在宿主机上运行。先输入 `exit`（想让容器继续运行就按 `Ctrl-P` 再按 `Ctrl-Q`），再点一次这条命令。',
  },
});

export interface LessonPanelProps {
  readonly controller: LessonController;
  /** Types `text` into the terminal in focus, without Enter, and focuses it. */
  readonly typeIntoTerminal: (text: string) => void;
}

export function LessonPanel({ controller, typeIntoTerminal }: LessonPanelProps): React.JSX.Element {
  const t = useMessages(messages);
  const locale = useLocale((s) => s.locale);
  const state = useStore(controller.store);
  const [inside, setInside] = useState<{ name: string; command: string } | null>(null);
  const onType = (text: string): void => {
    const name = controller.insideContainer(text);
    setInside(name === undefined ? null : { name, command: text.split(/\s+/)[0] });
    if (name === undefined) typeIntoTerminal(text);
  };
  const [unpublished, setUnpublished] = useState<PreviewTarget | null>(null);
  const onPreview = (href: string): void => {
    const target = parsePreviewHref(href);
    if (!target) return;
    void controller.previewAddress(target).then((address) => {
      setUnpublished(address ? null : target);
      if (address) openPreview(address);
    });
  };
  useEffect(() => controller.setLocale(locale), [controller, locale]);
  // The list is the panel's first screen: loaded when the panel shows, not when the page does.
  useEffect(() => void controller.load().catch(() => {}), [controller]);

  return (
    <section className="lesson-panel" aria-label={t('label')}>
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {announce(state, t)}
      </div>
      {inside && state.status === 'running' && (
        <div className="lesson-message lesson-inside" role="alert">
          <InlineMarkdown text={t('inside', inside)} />
        </div>
      )}
      {unpublished && state.status === 'running' && (
        <div className="lesson-message lesson-inside" role="alert">
          <InlineMarkdown text={t('unpublished', { container: unpublished.container, port: String(unpublished.port) })} />
        </div>
      )}
      {body(state, controller, onType, onPreview, t)}
    </section>
  );
}

type T = ReturnType<typeof useMessages<keyof (typeof messages)['en']>>;

function announce(state: LessonUiState, t: T): string {
  const a = state.announcement;
  const run = state.run;
  if (!a || !run) return '';
  if (a.kind === 'lesson') return t('lessonDone', { title: run.lesson.title });
  const step = run.lesson.steps.find((s) => s.id === a.stepId);
  return step ? t('stepDone', { title: step.title }) : '';
}

function body(state: LessonUiState, c: LessonController, onType: (text: string) => void, onPreview: (href: string) => void, t: T): React.JSX.Element {
  if (state.status === 'error') {
    return (
      <div className="lesson-message" role="alert">
        <p>{t('error', { error: state.error ?? '' })}</p>
        <button type="button" className="lesson-button" onClick={() => c.close()}>
          {t('back')}
        </button>
      </div>
    );
  }
  if (state.status === 'loading' || !state.catalog) return <p className="lesson-message">{t('loading')}</p>;
  if (state.status === 'confirm' && state.pending) {
    const p = state.pending;
    const name = (id: string | null): string => {
      const e = id ? findEntry(state.catalog!, id) : undefined;
      return e ? `${e.section} ${lessonIn(e, state.locale).title}` : (id ?? '');
    };
    const what = p.keeps ? 'freshKeeps' : p.replaces ? 'freshReplaces' : 'freshLoses';
    return (
      <div className="lesson-message lesson-fresh" role="alertdialog" aria-labelledby="lesson-fresh-title" aria-describedby="lesson-fresh-text">
        <h2 id="lesson-fresh-title">{name(p.id)}</h2>
        <p className="lesson-fresh-lead">{t('freshTitle')}</p>
        <p id="lesson-fresh-text">
          {t(what, { lesson: name(p.replaces) })}
          {p.dropsKept && <> {t('freshDropsKept', { lesson: name(p.dropsKept) })}</>}
        </p>
        <button type="button" className="lesson-button is-primary" onClick={() => void c.confirmOpen()}>
          {t('freshGo')}
        </button>{' '}
        <button type="button" className="lesson-button" onClick={() => c.cancelOpen()}>
          {t('freshCancel')}
        </button>
      </div>
    );
  }
  if (state.status === 'starting' || (state.status !== 'list' && !state.run)) {
    return <p className="lesson-message" role="status">{t('starting')}</p>;
  }
  if (state.status === 'list' || !state.run) {
    return <LessonList catalog={state.catalog} finished={state.finished} done={state.done} onOpen={(id) => void c.open(id)} />;
  }
  const next = nextEntry(state.catalog, state.run.lesson.id);
  return (
    <LessonView
      run={state.run}
      resetting={state.status === 'resetting'}
      nextLesson={next ? { id: next.id, title: lessonIn(next, state.locale).title } : null}
      onType={onType}
      onPreview={onPreview}
      actions={{
        close: () => c.close(),
        next: () => c.next(),
        previous: () => c.previous(),
        goTo: (i) => c.goTo(i),
        showHint: () => c.showHint(),
        showSolution: () => c.showSolution(),
        reset: () => void c.reset(),
        open: (id) => void c.open(id),
        startFresh: () => void c.startFresh(),
      }}
    />
  );
}

export default LessonPanel;
