/**
 * The page's main area: the dock (the lesson beside the live daemon view) above the terminal(s), with a
 * splitter between them (drag, or arrow keys when focused) and a button to fold the dock away. The terminal
 * gets the page's whole width: `docker ps -a` with the book's containers is ~130 columns, more than any
 * column beside a dock leaves it at 1440 px. A host without a Docker engine gets the terminal area alone.
 * On a narrow screen the dock shows the lesson or the daemon view, with a switch between them.
 *
 * The dock's box is laid out at once (the terminal is fitted to its final size), but what fills it waits
 * until the page is idle: the learner's first prompt does not wait for the panels' render and feed, nor for
 * their code (a chunk of its own, fetched once the page is idle).
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { defineMessages, useMessages } from '../i18n.js';
import { queryOf } from './queryOf.js';
import { panelStore } from '../store/panelStore.js';
import { usePresenter } from '../presenter/prefs.js';
import './panels.css';

const messages = defineMessages({
  en: {
    resize: 'Resize the lesson and daemon view',
    hide: 'Hide the lesson and daemon view',
    show: 'Show the lesson and daemon view',
    panes: 'Lesson or daemon view',
    lesson: 'Lesson',
    daemon: 'Docker',
  },
  zh: {
    resize: '调整课程和守护进程视图的大小',
    hide: '隐藏课程和守护进程视图',
    show: '显示课程和守护进程视图',
    panes: '课程或守护进程视图',
    lesson: '课程',
    daemon: 'Docker',
  },
});

const DaemonPanel = lazy(() => import('./DaemonPanel.js').then((m) => ({ default: m.DaemonPanel })));

// The daemon's read model of the machine (src/machine/machine.ts has one); in a module of its own so the
// embed page can ask for it without this module.
export { queryOf };

/** True once the page has been idle (the first prompt is up), or after `ms` at the latest. */
function useIdle(ms = 1500): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (typeof requestIdleCallback !== 'function') {
      const t = setTimeout(() => setIdle(true), 0);
      return () => clearTimeout(t);
    }
    const id = requestIdleCallback(() => setIdle(true), { timeout: ms });
    return () => cancelIdleCallback(id);
  }, [ms]);
  return idle;
}

/** The dock's share of the height, in per cent. */
const MIN = 20;
const MAX = 80;
const SHARE = 45;
/** Presenter mode's big type needs more of the height for the same lines of lesson. */
const PRESENTER_SHARE = 60;

/** Which half of the dock a narrow screen shows. */
export type DockPane = 'lesson' | 'daemon';

export interface WorkspaceProps {
  /** The simulated host (its `query` feeds the view). */
  readonly machine: object;
  /** The terminal area. */
  readonly children: React.ReactNode;
  /** Shown beside the daemon view in the dock (the lesson panel), once the page is idle. */
  readonly lesson?: React.ReactNode;
  /** On a narrow screen, the half of the dock shown (default: the lesson). */
  readonly pane?: DockPane;
  readonly onPane?: (pane: DockPane) => void;
}

export function Workspace({ machine, children, lesson, pane: shownPane, onPane }: WorkspaceProps): React.JSX.Element {
  const t = useMessages(messages);
  const query = queryOf(machine);
  const presenter = usePresenter((s) => s.on);
  const [chosen, setShare] = useState<number | null>(null);
  const share = chosen ?? (presenter ? PRESENTER_SHARE : SHARE);
  const [open, setOpen] = useState(true);
  const [ownPane, setOwnPane] = useState<DockPane>('lesson');
  const pane = shownPane ?? ownPane;
  const setPane = onPane ?? setOwnPane;
  const box = useRef<HTMLDivElement>(null);
  const ready = useIdle();

  useEffect(() => {
    if (!query || !ready) return;
    let feed: { dispose(): void } | undefined;
    let gone = false;
    void Promise.all([query(), import('../store/feed.js')]).then(([q, { connectPanel }]) => {
      if (!gone) feed = connectPanel(panelStore, q);
    });
    return () => {
      gone = true;
      feed?.dispose();
    };
  }, [query, ready]);

  const clamp = (v: number): number => Math.min(MAX, Math.max(MIN, v));

  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>): void => {
    const el = box.current;
    if (!el) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const r = el.getBoundingClientRect();
    const move = (ev: PointerEvent): void => setShare(clamp(Math.round(((ev.clientY - r.top) / r.height) * 100)));
    const target = e.currentTarget;
    const up = (): void => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
  };

  const onKeyDown = (e: React.KeyboardEvent): void => {
    if (e.key === 'ArrowDown') setShare(clamp(share + 5));
    else if (e.key === 'ArrowUp') setShare(clamp(share - 5));
    else return;
    e.preventDefault();
  };

  const both = lesson !== undefined && query !== null;
  return (
    <div className={`workspace${open ? '' : ' is-folded'}`} ref={box}>
      {query && open && (
        <div className={`workspace-dock${lesson ? ' has-lesson' : ''}`} id="daemon-view" data-pane={pane} style={{ flexBasis: `${share}%` }}>
          {both && (
            <div className="dock-switch" role="group" aria-label={t('panes')}>
              {(['lesson', 'daemon'] as const).map((p) => (
                <button key={p} type="button" className={`dock-switch-${p}`} aria-pressed={pane === p} onClick={() => setPane(p)}>
                  {t(p)}
                </button>
              ))}
            </div>
          )}
          {lesson && <div className="dock-lesson">{ready && lesson}</div>}
          <div className="dock-daemon">
            {ready && (
              <Suspense fallback={null}>
                <DaemonPanel />
              </Suspense>
            )}
          </div>
        </div>
      )}
      {query && (
        <div className="workspace-gutter">
          <button
            type="button"
            className="icon-button fold-button"
            aria-expanded={open}
            aria-controls="daemon-view"
            aria-label={t(open ? 'hide' : 'show')}
            title={t(open ? 'hide' : 'show')}
            onClick={() => setOpen((o) => !o)}
          >
            {open ? '⌃' : '⌄'}
          </button>
          {open && (
            <div
              className="splitter"
              role="separator"
              tabIndex={0}
              aria-orientation="horizontal"
              aria-label={t('resize')}
              aria-valuemin={MIN}
              aria-valuemax={MAX}
              aria-valuenow={share}
              onPointerDown={onPointerDown}
              onKeyDown={onKeyDown}
            />
          )}
        </div>
      )}
      <div className="workspace-terminal">{children}</div>
    </div>
  );
}
