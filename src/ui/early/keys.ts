/**
 * What xterm.js's onData sends for a key (its Keyboard.ts, evaluateKeyboardEvent, in normal cursor mode: the
 * early screen stops at any mode change, so the application cursor mode never applies here), for the early
 * screen (earlyScreen.ts) to type while xterm.js is not in yet. Undefined for a key xterm.js sends nothing for
 * or handles itself (Shift+PageUp scrolls): the browser keeps it.
 */

export interface KeyLike {
  readonly key: string;
  readonly keyCode: number;
  readonly code: string;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
}

const ESC = '\x1b';

/** Shifted and plain characters of the keys Alt sends with ESC (xterm.js's KEYCODE_KEY_MAPPINGS). */
const ALT_KEYS: Readonly<Record<number, readonly [string, string]>> = {
  48: ['0', ')'],
  49: ['1', '!'],
  50: ['2', '@'],
  51: ['3', '#'],
  52: ['4', '$'],
  53: ['5', '%'],
  54: ['6', '^'],
  55: ['7', '&'],
  56: ['8', '*'],
  57: ['9', '('],
  186: [';', ':'],
  187: ['=', '+'],
  188: [',', '<'],
  189: ['-', '_'],
  190: ['.', '>'],
  191: ['/', '?'],
  192: ['`', '~'],
  219: ['[', '{'],
  220: ['\\', '|'],
  221: [']', '}'],
  222: ["'", '"'],
};

/** Cursor and editing keys: [keyCode, CSI number (1 for the lettered ones), final]. */
const CURSOR: Readonly<Record<number, readonly [number, string]>> = {
  37: [1, 'D'],
  39: [1, 'C'],
  38: [1, 'A'],
  40: [1, 'B'],
  36: [1, 'H'],
  35: [1, 'F'],
};

const FUNCTION: Readonly<Record<number, string>> = {
  112: 'P',
  113: 'Q',
  114: 'R',
  115: 'S',
  116: '15',
  117: '17',
  118: '18',
  119: '19',
  120: '20',
  121: '21',
  122: '23',
  123: '24',
};

export function keyInput(ev: KeyLike, isMac: boolean): string | undefined {
  const modifiers = (ev.shiftKey ? 1 : 0) | (ev.altKey ? 2 : 0) | (ev.ctrlKey ? 4 : 0) | (ev.metaKey ? 8 : 0);
  switch (ev.keyCode) {
    case 8: {
      const k = ev.ctrlKey ? '\b' : '\x7f';
      return ev.altKey ? ESC + k : k;
    }
    case 9:
      return ev.shiftKey ? `${ESC}[Z` : '\t';
    case 13:
      return ev.altKey ? `${ESC}\r` : '\r';
    case 27:
      return ev.altKey ? ESC + ESC : ESC;
    case 37:
    case 39:
    case 38:
    case 40:
    case 36:
    case 35: {
      if (ev.metaKey && ev.keyCode !== 36 && ev.keyCode !== 35) return undefined;
      const [, final] = CURSOR[ev.keyCode];
      return modifiers ? `${ESC}[1;${modifiers + 1}${final}` : `${ESC}[${final}`;
    }
    case 45:
      return !ev.shiftKey && !ev.ctrlKey ? `${ESC}[2~` : undefined;
    case 46:
      return modifiers ? `${ESC}[3;${modifiers + 1}~` : `${ESC}[3~`;
    case 33:
    case 34: {
      const n = ev.keyCode === 33 ? 5 : 6;
      if (ev.shiftKey) return undefined;
      return ev.ctrlKey ? `${ESC}[${n};${modifiers + 1}~` : `${ESC}[${n}~`;
    }
  }
  const f = FUNCTION[ev.keyCode];
  if (f !== undefined) {
    if (f.length === 1) return modifiers ? `${ESC}[1;${modifiers + 1}${f}` : `${ESC}O${f}`;
    return modifiers ? `${ESC}[${f};${modifiers + 1}~` : `${ESC}[${f}~`;
  }
  if (ev.ctrlKey && !ev.shiftKey && !ev.altKey && !ev.metaKey) {
    const c = ev.keyCode;
    if (c >= 65 && c <= 90) return String.fromCharCode(c - 64);
    if (c === 32) return '\0';
    if (c >= 51 && c <= 55) return String.fromCharCode(c - 51 + 27);
    if (c === 56) return '\x7f';
    if (c === 219) return ESC;
    if (c === 220) return '\x1c';
    if (c === 221) return '\x1d';
    return undefined;
  }
  if (!isMac && ev.altKey && !ev.metaKey) {
    const mapped = ALT_KEYS[ev.keyCode]?.[ev.shiftKey ? 1 : 0];
    if (mapped) return ESC + mapped;
    if (ev.keyCode >= 65 && ev.keyCode <= 90) {
      const s = String.fromCharCode(ev.ctrlKey ? ev.keyCode - 64 : ev.keyCode + 32);
      return ESC + (ev.shiftKey ? s.toUpperCase() : s);
    }
    if (ev.keyCode === 32) return ESC + (ev.ctrlKey ? '\0' : ' ');
    return undefined;
  }
  // Text: one character, as xterm.js's keydown (and, for the space below 48, its keypress) sends it.
  if (!ev.ctrlKey && !ev.altKey && !ev.metaKey && [...ev.key].length === 1) return ev.key;
  if (ev.ctrlKey && ev.key === '_') return '\x1f';
  if (ev.ctrlKey && ev.key === '@') return '\0';
  return undefined;
}
