/**
 * An open lesson: its title and progress, the steps (done ones ticked, any one can be opened), the current
 * step, and at the bottom Previous / Next and "Reset lesson" (confirmed inline: it replaces the machine).
 */
import { useEffect, useRef, useState } from 'react';
import type { RunnerState } from '../../lessons/runner.js';
import { defineMessages, useMessages } from '../i18n.js';
import { AssumesBanner } from './AssumesBanner.js';
import { Markdown } from './Markdown.js';
import { StepView } from './StepView.js';

const messages = defineMessages({
  en: {
    all: '← All lessons',
    progress: '{done} of {total} steps done',
    steps: 'Steps',
    stepDone: '{title} (done)',
    prev: 'Previous',
    next: 'Next step',
    nextLesson: 'Next lesson: {title}',
    done: 'Done! This step is complete.',
    finished: 'Lesson complete. Well done!',
    reset: 'Reset lesson…',
    resetAsk: 'Start this lesson over on a fresh machine? Everything on the current machine is lost.',
    resetYes: 'Reset',
    resetNo: 'Cancel',
    resetting: 'Starting over…',
  },
  zh: {
    all: '← 全部课程',
    progress: '已完成 {done}/{total} 步',
    steps: '步骤',
    stepDone: '{title}（已完成）',
    prev: '上一步',
    next: '下一步',
    nextLesson: '下一课：{title}',
    done: '完成！这一步做好了。',
    finished: '本课完成，干得好！',
    reset: '重置本课…',
    resetAsk: '在一台全新的机器上重新开始本课？当前机器上的一切都会丢失。',
    resetYes: '重置',
    resetNo: '取消',
    resetting: '正在重新开始……',
  },
});

export interface LessonViewProps {
  readonly run: RunnerState;
  readonly resetting: boolean;
  readonly nextLesson: { readonly id: string; readonly title: string } | null;
  readonly onType: (text: string) => void;
  readonly onPreview?: (href: string) => void;
  readonly actions: {
    close(): void;
    next(): void;
    previous(): void;
    goTo(step: number): void;
    showHint(): void;
    showSolution(): void;
    reset(): void;
    open(id: string): void;
    /** The lesson's assumptions fail here: start it on a fresh machine, the learner's kept. */
    startFresh(): void;
  };
}

export function LessonView({ run, resetting, nextLesson, onType, onPreview, actions }: LessonViewProps): React.JSX.Element {
  const t = useMessages(messages);
  const { lesson, index, step, completed } = run;
  const tasks = lesson.steps.filter((s) => s.id !== 'recap');
  const done = tasks.filter((s) => completed.has(s.id)).length;
  const [confirming, setConfirming] = useState(false);
  const title = useRef<HTMLHeadingElement>(null);
  const stepTitle = useRef<HTMLHeadingElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  // Opening a lesson from the panel takes focus to its title, but never away from the terminal (a deep link).
  useEffect(() => {
    const a = document.activeElement;
    if (!a || a === document.body || root.current?.closest('.lesson-panel')?.contains(a)) title.current?.focus();
  }, [lesson.id]);
  // Moving between steps from the panel takes focus to the new step; typing in the terminal never loses it.
  const shown = useRef(step.id);
  useEffect(() => {
    if (shown.current === step.id) return;
    shown.current = step.id;
    body.current?.scrollTo?.({ top: 0 });
    if (root.current?.contains(document.activeElement)) stepTitle.current?.focus();
  }, [step.id]);
  useEffect(() => {
    if (confirming) cancel.current?.focus();
  }, [confirming]);

  const isLast = index === lesson.steps.length - 1;
  const stepDone = completed.has(step.id);

  return (
    <div className="lesson-view" ref={root}>
      <header className="lesson-head">
        <button type="button" className="link-button" onClick={actions.close}>
          {t('all')}
        </button>
        <h2 ref={title} tabIndex={-1}>
          <span className="lesson-section">{lesson.section}</span> {lesson.title}
        </h2>
        <div className="lesson-progress">
          <progress max={tasks.length} value={done} aria-hidden="true" />
          <span>{t('progress', { done, total: tasks.length })}</span>
        </div>
        <nav aria-label={t('steps')}>
          <ol className="lesson-steps">
            {lesson.steps.map((s, i) => (
              <li key={s.id}>
                <button
                  type="button"
                  className={`lesson-step-dot${i === index ? ' is-current' : ''}${completed.has(s.id) ? ' is-done' : ''}`}
                  aria-current={i === index ? 'step' : undefined}
                  aria-label={completed.has(s.id) ? t('stepDone', { title: s.title }) : s.title}
                  title={s.title}
                  onClick={() => actions.goTo(i)}
                >
                  {completed.has(s.id) ? '✓' : s.id === 'recap' ? '★' : i + 1}
                </button>
              </li>
            ))}
          </ol>
        </nav>
      </header>

      <div className="lesson-body" ref={body}>
        <AssumesBanner unmet={run.unmet} starting={resetting} onFresh={actions.startFresh} />
        {index === 0 && lesson.intro !== '' && <Markdown text={lesson.intro} />}
        <h3 ref={stepTitle} tabIndex={-1} className="lesson-step-title">
          {step.title}
        </h3>
        <StepView run={run} onType={onType} onPreview={onPreview} onHint={actions.showHint} onSolution={actions.showSolution} />
        {stepDone && !isLast && (
          <div className="lesson-done">
            <span aria-hidden="true">✓ </span>
            {t('done')}
          </div>
        )}
        {run.finished && isLast && (
          <div className="lesson-done">
            <span aria-hidden="true">★ </span>
            {t('finished')}
            {nextLesson && (
              <button type="button" className="lesson-button is-primary" onClick={() => actions.open(nextLesson.id)}>
                {t('nextLesson', { title: nextLesson.title })}
              </button>
            )}
          </div>
        )}
      </div>

      <footer className="lesson-foot">
        {confirming ? (
          <div className="lesson-confirm" role="alertdialog" aria-label={t('reset')} aria-describedby="lesson-reset-ask">
            <p id="lesson-reset-ask">{t('resetAsk')}</p>
            <button
              type="button"
              className="lesson-button is-danger"
              onClick={() => {
                setConfirming(false);
                actions.reset();
              }}
            >
              {t('resetYes')}
            </button>
            <button type="button" className="lesson-button" ref={cancel} onClick={() => setConfirming(false)}>
              {t('resetNo')}
            </button>
          </div>
        ) : (
          <>
            <button type="button" className="lesson-button" onClick={actions.previous} disabled={index === 0}>
              {t('prev')}
            </button>
            <button
              type="button"
              className={`lesson-button${stepDone ? ' is-primary' : ''}`}
              onClick={actions.next}
              disabled={isLast}
            >
              {t('next')}
            </button>
            <span className="lesson-foot-gap" />
            <button type="button" className="lesson-button" onClick={() => setConfirming(true)} disabled={resetting}>
              {resetting ? t('resetting') : t('reset')}
            </button>
          </>
        )}
      </footer>
    </div>
  );
}
