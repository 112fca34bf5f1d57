/**
 * The page's main area: the terminal(s), and beside them (below on a narrow screen) the live daemon view, with
 * a splitter to resize it (drag, or arrow keys when focused) and a button to fold it away. The view is fed
 * from the machine's Docker engine; a host without one gets the terminal area alone. The terminal area is
 * whatever the page passes (one terminal, or tabs of them), so this layout does not depend on it.
 *
 * The view's box is laid out at once (the terminal is fitted to its final width), but what fills it waits
 * until the page is idle: the learner's first prompt does not wait for the panels' render and feed.
 */
import { useEffect, useRef, useState } from 'react';
import type { DockerEngine } from '../../engine/daemon/engine.js';
import { defineMessages, useMessages } from '../i18n.js';
import { connectPanel } from '../store/feed.js';
import { panelStore } from '../store/panelStore.js';
import { DaemonPanel } from './DaemonPanel.js';
import './panels.css';

const messages = defineMessages({
  en: { resize: 'Resize the daemon view', hide: 'Hide the daemon view', show: 'Show the daemon view' },
  zh: { resize: '调整守护进程视图大小', hide: '隐藏守护进程视图', show: '显示守护进程视图' },
});

/** The machine's Docker engine, if it has one (src/machine/machine.ts does). */
export function engineOf(machine: object): DockerEngine | null {
  const e = (machine as { engine?: unknown }).engine;
  return e && typeof e === 'object' && 'events' in e && 'containers' in e ? (e as DockerEngine) : null;
}

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

const MIN = 20;
const MAX = 75;

export interface WorkspaceProps {
  /** The simulated host (its `engine` feeds the view). */
  readonly machine: object;
  /** The terminal area. */
  readonly children: React.ReactNode;
  /** Shown above the daemon view in the same column (the lesson panel), once the page is idle. */
  readonly lesson?: React.ReactNode;
}

export function Workspace({ machine, children, lesson }: WorkspaceProps): React.JSX.Element {
  const t = useMessages(messages);
  const engine = engineOf(machine);
  const [share, setShare] = useState(42);
  const [open, setOpen] = useState(true);
  const box = useRef<HTMLDivElement>(null);
  const ready = useIdle();

  useEffect(() => {
    if (!engine || !ready) return;
    const feed = connectPanel(panelStore, engine);
    return () => feed.dispose();
  }, [engine, ready]);

  const clamp = (v: number): number => Math.min(MAX, Math.max(MIN, v));
  const stacked = (): boolean => box.current !== null && getComputedStyle(box.current).flexDirection === 'column';

  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>): void => {
    const el = box.current;
    if (!el) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const r = el.getBoundingClientRect();
    const column = stacked();
    const move = (ev: PointerEvent): void => {
      const part = column ? (r.bottom - ev.clientY) / r.height : (r.right - ev.clientX) / r.width;
      setShare(clamp(Math.round(part * 100)));
    };
    const target = e.currentTarget;
    const up = (): void => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
  };

  const onKeyDown = (e: React.KeyboardEvent): void => {
    const grow = stacked() ? 'ArrowUp' : 'ArrowLeft';
    const shrink = stacked() ? 'ArrowDown' : 'ArrowRight';
    if (e.key === grow) setShare((s) => clamp(s + 5));
    else if (e.key === shrink) setShare((s) => clamp(s - 5));
    else return;
    e.preventDefault();
  };

  return (
    <div className={`workspace${open ? '' : ' is-folded'}`} ref={box}>
      <div className="workspace-terminal">{children}</div>
      {engine && (
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
            {open ? '›' : '‹'}
          </button>
          {open && (
            <div
              className="splitter"
              role="separator"
              tabIndex={0}
              aria-orientation="vertical"
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
      {engine && open && (
        <aside className={`workspace-panel${lesson ? ' has-lesson' : ''}`} id="daemon-view" style={{ flexBasis: `${share}%` }}>
          {ready && lesson && <div className="workspace-lesson">{lesson}</div>}
          {ready && (lesson ? <div className="workspace-daemon"><DaemonPanel /></div> : <DaemonPanel />)}
        </aside>
      )}
    </div>
  );
}
