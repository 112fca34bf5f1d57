/**
 * The page: a header, and the workspace (the lesson beside the daemon view, above the learner's terminal on the
 * simulated host). On a narrow screen the header keeps one row: its controls fold into a menu. A first-time
 * visitor gets one line saying where to start (the first lesson), which never covers the terminal.
 */
import { lazy, Suspense, useState } from 'react';
import { useStore } from 'zustand';
import { SessionControls } from './controls/SessionControls.js';
import { defineMessages, useLocale, useMessages } from './i18n.js';
import { allEntries, lessonIn } from './lessons/catalog.js';
import type { LessonController } from './lessons/controller.js';
import { MachineSwitch } from './lessons/MachineSwitch.js';
import { LanguageSwitch, PresenterToggle } from './presenter/DisplaySwitches.js';
import { safeLocalStorage } from './presenter/prefs.js';
import type { Session } from './session.js';
import type { TerminalScreen } from './terminalScreen.js';
import { TerminalView } from './TerminalView.js';
import { Workspace, type DockPane } from './panels/Workspace.js';
import { editorDirty, setEditorDirty, updateEditor, useEditorState } from './editor/editorState.js';
import { claimPreviewOpen, openPreview, showPreview, usePreviewState } from './preview/previewState.js';

// The panel brings markdown-it and the lesson text: loaded once the page is idle (Workspace), not with it.
const LessonPanel = lazy(() => import('./lessons/LessonPanel.js'));
// The editor pane brings CodeMirror: loaded when the learner first shows it.
const EditorPane = lazy(() => import('./editor/EditorPane.js'));
// The web preview: loaded when first shown (the header's button, or a port link in the Docker view).
const PreviewPane = lazy(() => import('./preview/PreviewPane.js'));

const messages = defineMessages({
  en: {
    meta: 'simulated host · seed {seed}',
    lessons: 'Lessons',
    lessonsTitle: 'Show or hide the lessons',
    menu: 'Menu',
    menuTitle: 'Terminals, time, session and display',
    firstStep: 'New here? Start with the first lesson:',
    firstStepDismiss: 'Dismiss',
    editor: 'Editor',
    editorTitle: 'Show or hide the file editor beside the terminal',
    editorDiscard: 'Close the editor and discard its unsaved changes?',
    preview: 'Preview',
    previewLabel: 'Web preview',
    previewTitle: 'Show or hide the web preview: a page served on a port of the host',
    decks: 'Slides',
    decksTitle: 'The slide decks for the classroom, in a new tab',
  },
  zh: {
    meta: '模拟主机 · 种子 {seed}',
    lessons: '课程',
    lessonsTitle: '显示或隐藏课程',
    menu: '菜单',
    menuTitle: '终端、时间、会话与显示',
    firstStep: '第一次来？从第一课开始：',
    firstStepDismiss: '不再显示',
    editor: '编辑器',
    editorTitle: '在终端旁显示或隐藏文件编辑器',
    editorDiscard: '关闭编辑器并放弃未保存的修改吗？',
    preview: '预览',
    previewLabel: '网页预览',
    previewTitle: '显示或隐藏网页预览：主机某个端口上提供的网页',
    decks: '幻灯片',
    decksTitle: '课堂用的幻灯片，在新标签页中打开',
  },
});

/** A new machine shown (a lesson's fresh one) gets a new editor pane: nothing of the old machine's lingers. */
const sessionKeys = new WeakMap<Session, number>();
let sessionsSeen = 0;
function sessionKey(s: Session): number {
  let k = sessionKeys.get(s);
  if (k === undefined) sessionKeys.set(s, (k = sessionsSeen++));
  return k;
}

const LESSONS_KEY = 'dockersim:lessons-shown';
const FIRST_STEP_KEY = 'dockersim:first-step-done';

export interface AppProps {
  readonly session: Session;
  readonly screen: TerminalScreen;
  /** The lesson feature; without it the page is the terminal and the daemon view alone. */
  readonly lessons?: LessonController;
  /** Types into the terminal in focus (a lesson's command clicked). */
  readonly typeIntoTerminal?: (text: string) => void;
  /** Gives the keyboard back to the terminal in focus (Esc in the editor). */
  readonly focusTerminal?: () => void;
}

function stored(key: string): string | null {
  try {
    return safeLocalStorage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function store(key: string, value: string): void {
  try {
    safeLocalStorage()?.setItem(key, value);
  } catch {
    // A page without storage keeps the choice until it is closed.
  }
}

/**
 * The first-time visitor's next step: the first lesson, one click away. Shown while the lesson list is all
 * there is (no lesson open, none finished) until it is used or dismissed.
 */
function FirstStep({ lessons, onStart }: { lessons: LessonController; onStart: () => void }): React.JSX.Element | null {
  const t = useMessages(messages);
  const locale = useLocale((s) => s.locale);
  const state = useStore(lessons.store);
  const [done, setDone] = useState(() => stored(FIRST_STEP_KEY) === '1');
  const first = state.catalog ? allEntries(state.catalog)[0] : undefined;
  if (done || !first || state.status !== 'list' || state.finished.length > 0) return null;
  const lesson = lessonIn(first, locale);
  const finish = (): void => {
    store(FIRST_STEP_KEY, '1');
    setDone(true);
  };
  return (
    <div className="first-step" role="note">
      <span>{t('firstStep')}</span>
      <button
        type="button"
        className="first-step-start"
        onClick={() => {
          finish();
          onStart();
          void lessons.open(first.id);
        }}
      >
        {first.section} {lesson.title} →
      </button>
      <button type="button" className="icon-button first-step-dismiss" aria-label={t('firstStepDismiss')} title={t('firstStepDismiss')} onClick={finish}>
        ×
      </button>
    </div>
  );
}

export function App({ session, screen, lessons, typeIntoTerminal, focusTerminal }: AppProps): React.JSX.Element {
  const t = useMessages(messages);
  const locale = useLocale((s) => s.locale);
  const editor = useEditorState();
  const preview = usePreviewState();
  const showEditor = (on: boolean): void => {
    if (!on && editorDirty() && !window.confirm(t('editorDiscard'))) return;
    updateEditor({ shown: on });
    if (!on) focusTerminal?.();
  };
  const [showLessons, setShowLessons] = useState(() => stored(LESSONS_KEY) !== 'false');
  const [menu, setMenu] = useState(false);
  const [pane, setPane] = useState<DockPane>('lesson');
  const showLessonsAs = (on: boolean): void => {
    store(LESSONS_KEY, String(on));
    setShowLessons(on);
  };
  // The first-time visitor's line sits at the top of the dock's lesson half, whose height the splitter sets: it
  // comes with the lesson catalog, after the first prompt, and in the page's flow it would shrink the terminal
  // then (a second resize and full redraw right after the one the terminal is opened at).
  const lesson =
    lessons && showLessons ? (
      <>
        <FirstStep lessons={lessons} onStart={() => setPane('lesson')} />
        <Suspense fallback={null}>
          <LessonPanel controller={lessons} typeIntoTerminal={typeIntoTerminal ?? (() => {})} />
        </Suspense>
      </>
    ) : undefined;
  return (
    <div className="app">
      <header className="app-header">
        <span className="app-title">dockersim</span>
        <span className="app-meta">{t('meta', { seed: session.seed })}</span>
        <button
          type="button"
          className="app-menu-button"
          aria-expanded={menu}
          aria-controls="app-tools"
          title={t('menuTitle')}
          onClick={() => setMenu((m) => !m)}
        >
          ☰ {t('menu')}
        </button>
        <div className={`app-tools${menu ? ' is-open' : ''}`} id="app-tools">
          <SessionControls />
          <MachineSwitch lessons={lessons} />
          <span className="app-display">
            {lessons && (
              <button
                type="button"
                className="lessons-toggle"
                aria-pressed={showLessons}
                title={t('lessonsTitle')}
                onClick={() => showLessonsAs(!showLessons)}
              >
                {t('lessons')}
              </button>
            )}
            <button
              type="button"
              className="editor-toggle"
              aria-pressed={editor.shown}
              title={t('editorTitle')}
              onClick={() => showEditor(!editor.shown)}
            >
              {t('editor')}
            </button>
            <button
              type="button"
              className="preview-toggle"
              aria-pressed={preview.shown}
              title={t('previewTitle')}
              aria-label={t('previewLabel')}
              onClick={() => showPreview(!preview.shown)}
            >
              {t('preview')}
            </button>
            {/* A new tab: the learner's machine stays open here while a deck runs its own. */}
            <a className="app-decks" href={`./deck.html?locale=${locale}`} target="_blank" rel="noopener" title={t('decksTitle')}>
              {t('decks')}
            </a>
            <PresenterToggle />
            <LanguageSwitch />
          </span>
        </div>
      </header>
      <main className="app-main">
        <Workspace machine={session.machine} lesson={lesson} pane={pane} onPane={setPane}>
          <div className={`work-split${editor.shown ? ` has-editor is-${editor.place}` : ''}${preview.shown ? ' has-preview' : ''}`}>
            <div className="work-split-terminal">
              <TerminalView screen={screen} />
            </div>
            {editor.shown && (
              <div className="work-split-editor">
                <Suspense fallback={null}>
                  <EditorPane
                    key={sessionKey(session)}
                    session={session}
                    state={editor}
                    update={updateEditor}
                    setDirty={setEditorDirty}
                    onLeave={() => focusTerminal?.()}
                    onClose={() => showEditor(false)}
                  />
                </Suspense>
              </div>
            )}
            {preview.shown && (
              <div className="work-split-preview">
                <Suspense fallback={null}>
                  <PreviewPane
                    key={sessionKey(session)}
                    session={session}
                    open={preview.open}
                    claim={claimPreviewOpen}
                    onOpen={openPreview}
                    onClose={() => showPreview(false)}
                  />
                </Suspense>
              </div>
            )}
          </div>
        </Workspace>
      </main>
    </div>
  );
}
