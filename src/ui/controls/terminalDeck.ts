/**
 * The learner's terminals as tabs or side by side: one screen per open terminal of the session (an XtermScreen,
 * or in the npm package an EarlyScreen that becomes one), shown in the box the page gives (TerminalView). Which are shown lives in a small vanilla store the header's tab strip
 * reads and sets; the panes themselves are plain DOM, so moving an xterm between layouts keeps its screen.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { defineMessages, format, useLocale } from '../i18n.js';
import type { Terminal } from '../../machine/machine.js';
import type { TerminalLayout } from '../persist/saved.js';
import type { Session } from '../session.js';
import { sessionEndedNotice } from '../sessionEnded.js';
import type { DeckScreen, MakeScreen, TerminalScreen } from '../terminalLook.js';
import type { XtermScreen } from '../terminalScreen.js';

export type { DeckScreen, MakeScreen };

export interface DeckState {
  /** Open terminals, in the order they were opened. */
  readonly ids: readonly number[];
  readonly active: number;
  readonly split: boolean;
  /** Open terminals whose shell has exited. */
  readonly ended: readonly number[];
}

const messages = defineMessages({
  en: {
    newShell: 'New shell',
    none: 'No terminal is open.',
    newTerminal: 'Open a new terminal',
  },
  zh: {
    newShell: '新的 shell',
    none: '没有打开的终端。',
    newTerminal: '打开新终端',
  },
});

function t(key: keyof (typeof messages)['en']): string {
  return format(messages[useLocale.getState().locale][key]);
}

export class TerminalDeck<S extends DeckScreen = XtermScreen> implements TerminalScreen {
  readonly store: StoreApi<DeckState>;
  private readonly screens = new Map<number, S>();
  /** The machine's terminal each screen is linked to (a new shell in a window is a new one). */
  private readonly linked = new Map<number, Terminal>();
  /** Terminals this page asked for: shown as soon as they open. */
  private readonly wanted = new Set<number>();
  private readonly following: { dispose(): void };
  private readOnly = false;

  constructor(
    private readonly session: Session,
    layout: TerminalLayout,
    private readonly makeScreen: MakeScreen<S>,
  ) {
    this.store = createStore<DeckState>()(() => ({ ids: [], active: layout.active, split: layout.split, ended: [] }));
    this.following = session.onChange(() => this.sync());
    this.sync();
  }

  /** Types `text` into the terminal in focus, as if from its keyboard (no Enter added), and focuses it. */
  type(text: string): void {
    const id = this.store.getState().active;
    const t = this.session.terminals.find((st) => st.id === id) ?? this.session.terminals[0];
    if (!t) return;
    t.master.input(text);
    this.screens.get(t.id)?.focus();
  }

  /**
   * Keys from the page no longer reach the machine (a replayed share link shown read-only): xterm's
   * `disableStdin`, on every screen now and later. The machine runs on.
   */
  setReadOnly(on: boolean): void {
    this.readOnly = on;
    for (const s of this.screens.values()) s.setReadOnly(on);
  }

  /** The page shows another session now: every screen goes. */
  dispose(): void {
    this.following.dispose();
    for (const s of this.screens.values()) s.dispose();
    this.screens.clear();
    this.linked.clear();
    this.store.setState({ ids: [], active: -1, ended: [] });
  }

  /** The xterm of the terminal in focus (browser tests read the screen through it). */
  get active(): S | undefined {
    return this.screens.get(this.store.getState().active) ?? this.screens.values().next().value;
  }

  screen(id: number): S | undefined {
    return this.screens.get(id);
  }

  layout(): TerminalLayout {
    const { active, split } = this.store.getState();
    return { active, split };
  }

  add(): void {
    this.wanted.add(this.session.openTerminal());
  }

  /** A new shell in terminal `id`, whose shell has exited. */
  respawn(id: number): void {
    this.session.respawn(id);
    this.screens.get(id)?.focus();
  }

  close(id: number): void {
    this.session.closeTerminal(id);
  }

  activate(id: number): void {
    if (this.screens.has(id)) this.store.setState({ active: id });
    this.screens.get(id)?.focus();
  }

  toggleSplit(): void {
    this.store.setState((s) => ({ split: !s.split }));
  }

  /** Layout changes (for saving). */
  onLayout(fn: () => void): () => void {
    return this.store.subscribe(fn);
  }

  attach(el: HTMLElement): () => void {
    const deck = document.createElement('div');
    deck.className = 'deck';
    el.appendChild(deck);
    let detach: (() => void)[] = [];
    const render = (): void => {
      for (const d of detach) d();
      detach = [];
      deck.replaceChildren();
      const { ids, active, split, ended } = this.store.getState();
      const shown = split ? ids : ids.filter((id) => id === active);
      deck.classList.toggle('is-split', split);
      if (ids.length === 0) {
        deck.appendChild(this.noTerminal());
        return;
      }
      for (const id of shown) {
        const pane = document.createElement('div');
        pane.className = id === active ? 'deck-pane is-active' : 'deck-pane';
        pane.dataset.term = String(id);
        pane.addEventListener('focusin', () => {
          if (this.store.getState().active !== id) this.store.setState({ active: id });
        });
        deck.appendChild(pane);
        detach.push(this.screens.get(id)!.attach(pane));
        if (ended.includes(id)) pane.appendChild(this.endedBar(id));
      }
      this.active?.focus();
    };
    render();
    // Re-render only when what is shown changes; focus moves alone do not rebuild the panes.
    const unsub = this.store.subscribe((s, prev) => {
      if (s.ids !== prev.ids || s.split !== prev.split || s.ended !== prev.ended || (!s.split && s.active !== prev.active)) render();
      else if (s.active !== prev.active) {
        for (const p of deck.children) p.classList.toggle('is-active', (p as HTMLElement).dataset.term === String(s.active));
      }
    });
    return () => {
      unsub();
      for (const d of detach) d();
      deck.remove();
    };
  }

  /** What a terminal app shows when its last window is closed: a way to open another (Enter works too). */
  private noTerminal(): HTMLElement {
    const box = document.createElement('div');
    box.className = 'deck-empty';
    const p = document.createElement('p');
    p.textContent = t('none');
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = t('newTerminal');
    button.addEventListener('click', () => this.add());
    box.append(p, button);
    queueMicrotask(() => button.focus());
    return box;
  }

  /** Under a terminal whose shell has exited: the button that starts a new one (Enter in the terminal does too). */
  private endedBar(id: number): HTMLElement {
    const bar = document.createElement('div');
    bar.className = 'deck-ended';
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = t('newShell');
    button.addEventListener('click', () => this.respawn(id));
    bar.appendChild(button);
    return bar;
  }

  /** Follows the session's terminals: a screen for each new one, disposed when it closes. */
  private sync(): void {
    const open = this.session.terminals;
    const ids = open.map((t) => t.id);
    let { active } = this.store.getState();
    for (const st of open) {
      const screen = this.screens.get(st.id);
      if (screen) {
        if (this.linked.get(st.id) !== st.terminal) screen.relink(st.master);
      } else {
        const made = this.makeScreen(st.master, () => this.session.driver.kick(), this.session.takeHistory(st.id));
        if (this.readOnly) made.setReadOnly(true);
        this.screens.set(st.id, made);
      }
      this.linked.set(st.id, st.terminal);
      if (this.wanted.delete(st.id)) active = st.id;
    }
    for (const [id, s] of this.screens) {
      if (ids.includes(id)) continue;
      s.dispose();
      this.screens.delete(id);
      this.linked.delete(id);
    }
    if (!ids.includes(active)) active = ids[ids.length - 1] ?? -1;
    const prev = this.store.getState();
    const ended = this.session.ended;
    // Said once in the terminal as its shell goes; a restored page says it again below the replayed screen.
    for (const id of ended) if (!prev.ended.includes(id)) this.screens.get(id)?.notice(sessionEndedNotice());
    if (prev.active !== active || prev.ids.join() !== ids.join() || prev.ended.join() !== ended.join()) {
      this.store.setState({ ids, active, ended });
    }
  }
}
