/** Slide decks: the format (parse.ts), the rules across files and against the simulator (validate.ts). */
export type { Deck, Slide, SlideNode, SlideTerminal, DeckCommand } from './model.js';
export { terminalNames } from './model.js';
export { parseDeck, plusItems, DECK_FILE, type DeckParse } from './parse.js';
