/**
 * The early screen's keys: what xterm.js 6's evaluateKeyboardEvent (src/common/input/Keyboard.ts) sends for
 * them in normal cursor mode, off a Linux keyboard.
 */
import { describe, expect, it } from 'vitest';
import { keyInput, type KeyLike } from '../../../src/ui/early/keys.js';

const key = (key: string, keyCode: number, mods: Partial<KeyLike> = {}): KeyLike => ({
  key,
  keyCode,
  code: '',
  shiftKey: false,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  ...mods,
});

describe('keyInput', () => {
  it('sends what xterm.js sends', () => {
    const cases: [KeyLike, string | undefined][] = [
      [key('a', 65), 'a'],
      [key('A', 65, { shiftKey: true }), 'A'],
      [key(' ', 32), ' '],
      [key('中', 229), '中'],
      [key('Enter', 13), '\r'],
      [key('Backspace', 8), '\x7f'],
      [key('Backspace', 8, { ctrlKey: true }), '\b'],
      [key('Tab', 9), '\t'],
      [key('Tab', 9, { shiftKey: true }), '\x1b[Z'],
      [key('Escape', 27), '\x1b'],
      [key('ArrowUp', 38), '\x1b[A'],
      [key('ArrowLeft', 37), '\x1b[D'],
      [key('ArrowLeft', 37, { ctrlKey: true }), '\x1b[1;5D'],
      [key('ArrowLeft', 37, { metaKey: true }), undefined],
      [key('Home', 36), '\x1b[H'],
      [key('End', 35), '\x1b[F'],
      [key('Delete', 46), '\x1b[3~'],
      [key('PageUp', 33), '\x1b[5~'],
      [key('PageUp', 33, { shiftKey: true }), undefined],
      [key('F1', 112), '\x1bOP'],
      [key('F5', 116), '\x1b[15~'],
      [key('c', 67, { ctrlKey: true }), '\x03'],
      [key('d', 68, { ctrlKey: true }), '\x04'],
      [key('[', 219, { ctrlKey: true }), '\x1b'],
      [key('b', 66, { altKey: true }), '\x1bb'],
      [key('.', 190, { altKey: true }), '\x1b.'],
      [key('Shift', 16, { shiftKey: true }), undefined],
      [key('v', 86, { metaKey: true }), undefined],
    ];
    for (const [ev, want] of cases) expect(keyInput(ev, false), `${ev.key} ${JSON.stringify(ev)}`).toBe(want);
  });

  it('leaves Option to the Mac, which composes with it', () => {
    expect(keyInput(key('∫', 66, { altKey: true }), true)).toBeUndefined();
  });
});
