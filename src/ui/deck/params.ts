/**
 * deck.html's address: `?deck=ch1-3` (which deck), `&slide=5` (1-based, where to open), `&view=presenter` (the
 * presenter window), `&locale=zh|en`, `&test=1` (browser tests' hooks). Without `deck`, the page lists the decks.
 */
export interface DeckParams {
  readonly deck: string | null;
  readonly slide: number;
  readonly presenter: boolean;
  readonly testHooks: boolean;
}

export function deckParams(search: string): DeckParams {
  const q = new URLSearchParams(search);
  const deck = q.get('deck');
  const slide = Number(q.get('slide'));
  return {
    deck: deck !== null && /^[a-z0-9-]+$/.test(deck) ? deck : null,
    slide: Number.isInteger(slide) && slide >= 1 ? slide : 1,
    presenter: q.get('view') === 'presenter',
    testHooks: q.get('test') === '1',
  };
}

/** Each deck keeps its machine in a database of its own: never the app's session, nor another deck's. */
export function deckStoreName(id: string): string {
  return `dockersim-deck-${id}`;
}
