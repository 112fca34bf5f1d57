/**
 * A slide deck: Markdown slides for a classroom, some holding a live terminal on the one machine the whole deck
 * shares (src/ui/deck). Parsed by parse.ts, checked across files and against the simulator by validate.ts.
 */
import type { Locale } from '../locale.js';

export interface DeckCommand {
  readonly text: string;
  /** File line of the command. */
  readonly line: number;
}

/** What a slide shows, in order. Markdown is rendered by the page; `+` list items are fragments too. */
export type SlideNode =
  | { readonly kind: 'markdown'; readonly text: string; readonly line: number }
  /** A ```sh block: commands the presenter clicks to type into the slide's terminal. */
  | { readonly kind: 'commands'; readonly commands: readonly DeckCommand[]; readonly line: number }
  /** `::: fragment` … `:::`: shown one step later than what comes before it. */
  | { readonly kind: 'fragment'; readonly nodes: readonly SlideNode[]; readonly line: number };

export interface SlideTerminal {
  /** Slides that name the same terminal show the same one (same shell, same screen). */
  readonly name: string;
  /** Shows the daemon view beside the terminal. */
  readonly panel: boolean;
  readonly line: number;
}

export interface Slide {
  /** 1-based, as the address (`?slide=`) and the presenter count them. */
  readonly number: number;
  /** File line of the slide's first line. */
  readonly line: number;
  /** The text of its first heading ('' if none), for the presenter's "next" line. */
  readonly title: string;
  readonly nodes: readonly SlideNode[];
  /** Speaker notes (Markdown), from its ```notes blocks; shown only in the presenter window. */
  readonly notes: string;
  /** How many steps reveal it fully: `::: fragment` blocks and `+` list items, in document order. */
  readonly fragments: number;
  readonly terminal: SlideTerminal | null;
  /** Every command of its ```sh blocks. */
  readonly commands: readonly DeckCommand[];
}

export interface DeckFront {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  /** The machine's seed (default 1): the same deck shows the same container IDs in every classroom. */
  readonly seed: number;
}

export interface Deck extends DeckFront {
  readonly file: string;
  readonly locale: Locale;
  readonly slides: readonly Slide[];
}

/** The terminals a deck uses, in the order their names first appear: the machine opens them in this order. */
export function terminalNames(deck: Pick<Deck, 'slides'>): string[] {
  const names: string[] = [];
  for (const s of deck.slides) if (s.terminal && !names.includes(s.terminal.name)) names.push(s.terminal.name);
  return names;
}
