/**
 * The decks the build has: every `decks/<id>/deck.<locale>.md`, each file in a chunk of its own (a few KB of
 * text), parsed in the page with the same parser `npm run decks:check` uses.
 */
import { parseDeck, type Deck } from '../../lessons/decks/index.js';
import type { Locale } from '../i18n.js';

const FILES = import.meta.glob<string>('../../../decks/*/deck.*.md', { query: '?raw', import: 'default' });

function pathOf(id: string, locale: Locale): string {
  return `../../../decks/${id}/deck.${locale}.md`;
}

/** Deck ids, sorted. */
export function deckIds(): string[] {
  const ids = new Set<string>();
  for (const p of Object.keys(FILES)) {
    const m = /\/decks\/([^/]+)\/deck\.(zh|en)\.md$/.exec(p);
    if (m) ids.add(m[1]);
  }
  return [...ids].sort();
}

/** The deck in `locale` (else its other language), or an error line when it is missing or broken. */
export async function loadDeck(id: string, locale: Locale): Promise<Deck | string> {
  const other: Locale = locale === 'zh' ? 'en' : 'zh';
  const path = [pathOf(id, locale), pathOf(id, other)].find((p) => p in FILES);
  if (!path) return `no deck \`${id}\` (decks: ${deckIds().join(', ') || 'none'})`;
  const text = await FILES[path]();
  const r = parseDeck(path.replace('../../../', ''), text);
  if (!r.deck) return r.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n');
  return r.deck;
}
