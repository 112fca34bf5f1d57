/**
 * The learner's terminals as tabs or side by side: one XtermScreen per open terminal of the session, shown in
 * the box the page gives (TerminalView). Which are shown lives in a small vanilla store the header's tab strip
 * reads and sets; the panes themselves are plain DOM, so moving an xterm between layouts keeps its screen.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { TerminalLayout } from '../persist/saved.js';
import type { Session } from '../session.js';
import { XtermScreen, type TerminalScreen } from '../terminalScreen.js';

export interface DeckState {
  /** Open terminals, in the order they were opened. */
  readonly ids: readonly number[];
  readonly active: number;
  readonly split: boolean;
}

export class TerminalDeck implements TerminalScreen {
  readonly store: StoreApi<DeckState>;
  private readonly screens = new Map<number, XtermScreen>();
  /** Terminals this page asked for: shown as soon as they open. */
  private readonly wanted = new Set<number>();
  private readonly following: { dispose(): void };

  constructor(
    private readonly session: Session,
    layout: TerminalLayout,
  ) {
    this.store = createStore<DeckState>()(() => ({ ids: [], active: layout.active, split: layout.split }));
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

  /** The page shows another session now: every screen goes. */
  dispose(): void {
    this.following.dispose();
    for (const s of this.screens.values()) s.dispose();
    this.screens.clear();
    this.store.setState({ ids: [], active: -1 });
  }

  /** The xterm of the terminal in focus (browser tests read the screen through it). */
  get active(): XtermScreen | undefined {
    return this.screens.get(this.store.getState().active) ?? this.screens.values().next().value;
  }

  screen(id: number): XtermScreen | undefined {
    return this.screens.get(id);
  }

  layout(): TerminalLayout {
    const { active, split } = this.store.getState();
    return { active, split };
  }

  add(): void {
    this.wanted.add(this.session.openTerminal());
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
      const { ids, active, split } = this.store.getState();
      const shown = split ? ids : ids.filter((id) => id === active);
      deck.classList.toggle('is-split', split);
      for (const id of shown) {
        const pane = document.createElement('div');
        pane.className = id === active ? 'deck-pane is-active' : 'deck-pane';
        pane.dataset.term = String(id);
        pane.addEventListener('focusin', () => {
          if (this.store.getState().active !== id) this.store.setState({ active: id });
        });
        deck.appendChild(pane);
        detach.push(this.screens.get(id)!.attach(pane));
      }
      this.active?.focus();
    };
    render();
    // Re-render only when what is shown changes; focus moves alone do not rebuild the panes.
    const unsub = this.store.subscribe((s, prev) => {
      if (s.ids !== prev.ids || s.split !== prev.split || (!s.split && s.active !== prev.active)) render();
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

  /** Follows the session's terminals: a screen for each new one, disposed when it closes. */
  private sync(): void {
    const open = this.session.terminals;
    const ids = open.map((t) => t.id);
    let { active } = this.store.getState();
    for (const t of open) {
      if (this.screens.has(t.id)) continue;
      this.screens.set(t.id, new XtermScreen(t.master, () => this.session.driver.kick(), this.session.takeHistory(t.id)));
      if (this.wanted.delete(t.id)) active = t.id;
    }
    for (const [id, s] of this.screens) {
      if (ids.includes(id)) continue;
      s.dispose();
      this.screens.delete(id);
    }
    if (!ids.includes(active)) active = ids[ids.length - 1] ?? -1;
    const prev = this.store.getState();
    if (prev.active !== active || prev.ids.join() !== ids.join()) this.store.setState({ ids, active });
  }
}
