/** Every lesson by chapter, in the current language (or the other one where a lesson is missing). */
import { defineMessages, useLocale, useMessages } from '../i18n.js';
import { lessonIn, type Catalog } from './catalog.js';

const messages = defineMessages({
  en: {
    heading: 'Lessons',
    chapter: 'Chapter {n}: {title}',
    ch1: 'Introduction',
    ch2: 'The Docker daemon',
    ch3: 'Getting started with Docker',
    ch4: 'Working with Docker images and repositories',
    ch5: 'Testing with Docker',
    finished: '(finished)',
    steps: '{done}/{total}',
    stepsLong: '({done} of {total} steps done)',
    problems: '{n} lesson file(s) could not be read',
  },
  zh: {
    heading: '课程',
    chapter: '第 {n} 章：{title}',
    ch1: '简介',
    ch2: 'Docker 守护进程',
    ch3: 'Docker 入门',
    ch4: '使用 Docker 镜像和仓库',
    ch5: '在测试中使用 Docker',
    finished: '（已完成）',
    steps: '{done}/{total}',
    stepsLong: '（已完成 {done}/{total} 步）',
    problems: '有 {n} 个课程文件无法读取',
  },
});

const CHAPTER_TITLES: Readonly<Record<number, 'ch1' | 'ch2' | 'ch3' | 'ch4' | 'ch5'>> = {
  1: 'ch1', 2: 'ch2', 3: 'ch3', 4: 'ch4', 5: 'ch5',
};

export interface LessonListProps {
  readonly catalog: Catalog;
  readonly finished: readonly string[];
  /** Steps done per lesson id. */
  readonly done?: Readonly<Record<string, readonly string[]>>;
  readonly onOpen: (id: string) => void;
}

export function LessonList({ catalog, finished, done: stepsDone = {}, onOpen }: LessonListProps): React.JSX.Element {
  const t = useMessages(messages);
  const locale = useLocale((s) => s.locale);
  return (
    <div className="lesson-list">
      <h2 tabIndex={-1}>{t('heading')}</h2>
      {catalog.chapters.map((ch) => {
        const name = CHAPTER_TITLES[ch.chapter];
        return (
          <section key={ch.chapter} aria-labelledby={`lesson-ch-${ch.chapter}`}>
            <h3 id={`lesson-ch-${ch.chapter}`}>{t('chapter', { n: ch.chapter, title: name ? t(name) : '' })}</h3>
            <ul>
              {ch.lessons.map((e) => {
                const l = lessonIn(e, locale);
                const done = finished.includes(e.id);
                const tasks = l.steps.filter((s) => s.id !== 'recap');
                const partly = done ? 0 : tasks.filter((s) => stepsDone[e.id]?.includes(s.id)).length;
                return (
                  <li key={e.id}>
                    <button type="button" className={`lesson-item${done ? ' is-done' : ''}`} onClick={() => onOpen(e.id)} lang={l.locale === 'zh' ? 'zh' : 'en'}>
                      <span className="lesson-item-section">{e.section}</span>
                      <span className="lesson-item-title">
                        {l.title}
                        {done && (
                          <>
                            <span aria-hidden="true"> ✓</span>
                            <span className="visually-hidden"> {t('finished')}</span>
                          </>
                        )}
                        {partly > 0 && (
                          <>
                            <span className="lesson-item-steps" aria-hidden="true"> {t('steps', { done: partly, total: tasks.length })}</span>
                            <span className="visually-hidden"> {t('stepsLong', { done: partly, total: tasks.length })}</span>
                          </>
                        )}
                      </span>
                      <span className="lesson-item-summary">{l.summary}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
      {catalog.errors.length > 0 && (
        <details className="lesson-errors">
          <summary>{t('problems', { n: catalog.errors.length })}</summary>
          <pre>{catalog.errors.join('\n')}</pre>
        </details>
      )}
    </div>
  );
}
