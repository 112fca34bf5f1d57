/** The page: a header and the learner's terminal on the simulated host, with the lesson panel beside it. */
import { lazy, Suspense, useState } from 'react';
import { SessionControls } from './controls/SessionControls.js';
import { defineMessages, useMessages } from './i18n.js';
import type { LessonController } from './lessons/controller.js';
import { MachineSwitch } from './lessons/MachineSwitch.js';
import { LanguageSwitch, PresenterToggle } from './presenter/DisplaySwitches.js';
import { safeLocalStorage } from './presenter/prefs.js';
import type { Session } from './session.js';
import type { TerminalScreen } from './terminalScreen.js';
import { TerminalView } from './TerminalView.js';
import { Workspace } from './panels/Workspace.js';

// The panel brings markdown-it and the lesson text: loaded once the page is idle (Workspace), not with it.
const LessonPanel = lazy(() => import('./lessons/LessonPanel.js'));

const messages = defineMessages({
  en: { meta: 'simulated host · seed {seed}', lessons: 'Lessons', lessonsTitle: 'Show or hide the lessons' },
  zh: { meta: '模拟主机 · 种子 {seed}', lessons: '课程', lessonsTitle: '显示或隐藏课程' },
});

const LESSONS_KEY = 'dockersim:lessons-shown';

export interface AppProps {
  readonly session: Session;
  readonly screen: TerminalScreen;
  /** The lesson feature; without it the page is the terminal and the daemon view alone. */
  readonly lessons?: LessonController;
  /** Types into the terminal in focus (a lesson's command clicked). */
  readonly typeIntoTerminal?: (text: string) => void;
}

function shownAtFirst(): boolean {
  try {
    return safeLocalStorage()?.getItem(LESSONS_KEY) !== 'false';
  } catch {
    return true;
  }
}

export function App({ session, screen, lessons, typeIntoTerminal }: AppProps): React.JSX.Element {
  const t = useMessages(messages);
  const [showLessons, setShowLessons] = useState(shownAtFirst);
  const toggle = (): void => {
    setShowLessons((on) => {
      try {
        safeLocalStorage()?.setItem(LESSONS_KEY, String(!on));
      } catch {
        // A page without storage keeps the choice until it is closed.
      }
      return !on;
    });
  };
  const lesson =
    lessons && showLessons ? (
      <Suspense fallback={null}>
        <LessonPanel controller={lessons} typeIntoTerminal={typeIntoTerminal ?? (() => {})} />
      </Suspense>
    ) : undefined;
  return (
    <div className="app">
      <header className="app-header">
        <span className="app-title">dockersim</span>
        <span className="app-meta">{t('meta', { seed: session.seed })}</span>
        <SessionControls />
        <MachineSwitch lessons={lessons} />
        <span className="app-display">
          {lessons && (
            <button type="button" className="lessons-toggle" aria-pressed={showLessons} title={t('lessonsTitle')} onClick={toggle}>
              {t('lessons')}
            </button>
          )}
          <PresenterToggle />
          <LanguageSwitch />
        </span>
      </header>
      <main className="app-main">
        <Workspace machine={session.machine} lesson={lesson}>
          <TerminalView screen={screen} />
        </Workspace>
      </main>
    </div>
  );
}
