/** Moving through a deck: fragments before slides, back to a slide fully revealed; the keys that move it. */
import { describe, expect, it } from 'vitest';
import { deckKey } from '../../../src/ui/deck/keys.js';
import { clampPosition, nextPosition, prevPosition } from '../../../src/ui/deck/nav.js';
import { deckParams } from '../../../src/ui/deck/params.js';

const slides = [{ fragments: 0 }, { fragments: 2 }, { fragments: 0 }];

describe('deck navigation', () => {
  it('reveals fragments one at a time, then moves to the next slide', () => {
    let p = { slide: 1, step: 0 };
    const seen: string[] = [];
    for (let i = 0; i < 5; i++) {
      p = nextPosition(slides, p);
      seen.push(`${p.slide}.${p.step}`);
    }
    expect(seen).toEqual(['2.0', '2.1', '2.2', '3.0', '3.0']);
  });

  it('goes back a fragment, or to the previous slide as fully revealed', () => {
    expect(prevPosition(slides, { slide: 3, step: 0 })).toEqual({ slide: 2, step: 2 });
    expect(prevPosition(slides, { slide: 2, step: 1 })).toEqual({ slide: 2, step: 0 });
    expect(prevPosition(slides, { slide: 1, step: 0 })).toEqual({ slide: 1, step: 0 });
  });

  it('clamps a link or a message to the deck', () => {
    expect(clampPosition(slides, { slide: 99, step: 5 })).toEqual({ slide: 3, step: 0 });
    expect(clampPosition(slides, { slide: 2, step: 9 })).toEqual({ slide: 2, step: 2 });
    expect(clampPosition(slides, { slide: Number.NaN, step: -1 })).toEqual({ slide: 1, step: 0 });
    expect(deckParams('?deck=ch1-3&slide=5&view=presenter')).toEqual({ deck: 'ch1-3', slide: 5, presenter: true, testHooks: false });
    expect(deckParams('?deck=../x&slide=0')).toEqual({ deck: null, slide: 1, presenter: false, testHooks: false });
  });

  it('maps keys; modifiers are the browser’s', () => {
    const k = (key: string, mods: Partial<KeyboardEvent> = {}): string | null =>
      deckKey({ key, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...mods }, null);
    expect(['ArrowRight', ' ', 'PageDown', 'ArrowLeft', 'PageUp', 'Home', 'End', 'f', 'p', 'x'].map((key) => k(key))).toEqual([
      'next', 'next', 'next', 'prev', 'prev', 'first', 'last', 'fullscreen', 'presenter', null,
    ]);
    expect(k(' ', { shiftKey: true })).toBe('prev');
    expect(k('ArrowRight', { altKey: true })).toBeNull();
  });
});
