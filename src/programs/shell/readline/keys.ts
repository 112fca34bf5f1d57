/**
 * Terminal input → key names, as readline's keymaps see it: printable text, control keys (`C-a`), meta keys
 * (`M-b`, sent as ESC + key) and the xterm escape sequences for cursor and editing keys.
 */

/** A decoded key: `self` inserts `text`; anything else names an editing key. */
export interface Key {
  readonly name: string;
  readonly text?: string;
}

/** CSI / SS3 final sequences xterm sends (normal and application cursor mode). */
const SEQUENCES: Readonly<Record<string, string>> = {
  '[A': 'Up', '[B': 'Down', '[C': 'Right', '[D': 'Left', '[H': 'Home', '[F': 'End',
  OA: 'Up', OB: 'Down', OC: 'Right', OD: 'Left', OH: 'Home', OF: 'End',
  '[1~': 'Home', '[7~': 'Home', '[4~': 'End', '[8~': 'End', '[3~': 'Delete', '[2~': 'Insert',
  '[5~': 'PageUp', '[6~': 'PageDown', '[1;5C': 'M-f', '[1;5D': 'M-b', '[1;3C': 'M-f', '[1;3D': 'M-b',
  '[200~': 'PasteStart', '[201~': 'PasteEnd',
};

function controlName(ch: string): string {
  switch (ch) {
    case '\r':
    case '\n':
      return 'Enter';
    case '\t':
      return 'Tab';
    case '\x7f':
    case '\b':
      return 'Backspace';
    case '\x1b':
      return 'Escape';
    default:
      return `C-${String.fromCharCode(ch.charCodeAt(0) + 96)}`;
  }
}

/**
 * Splits typed input into keys. An escape sequence cut off at the end of `input` is returned in `rest`, to be
 * completed by the next read (a lone ESC is the meta prefix, as readline reads it).
 */
export function decodeKeys(input: string): { keys: Key[]; rest: string } {
  const keys: Key[] = [];
  let i = 0;
  let text = '';
  const flush = (): void => {
    if (text !== '') keys.push({ name: 'self', text });
    text = '';
  };
  while (i < input.length) {
    const ch = input[i];
    if (ch !== '\x1b') {
      if (ch < ' ' || ch === '\x7f') {
        flush();
        keys.push({ name: controlName(ch) });
      } else text += ch;
      i++;
      continue;
    }
    flush();
    if (i + 1 >= input.length) return { keys, rest: input.slice(i) };
    const next = input[i + 1];
    if (next === '[' || next === 'O') {
      const m = /^[[O][0-9;]*[~A-Za-z]/.exec(input.slice(i + 1));
      if (!m) {
        if (/^[[O][0-9;]*$/.test(input.slice(i + 1))) return { keys, rest: input.slice(i) };
        keys.push({ name: 'Escape' });
        i++;
        continue;
      }
      keys.push({ name: SEQUENCES[m[0]] ?? 'Unknown' });
      i += 1 + m[0].length;
      continue;
    }
    keys.push({ name: next === '\x7f' || next === '\b' ? 'M-Backspace' : `M-${next.toLowerCase()}` });
    i += 2;
  }
  flush();
  return { keys, rest: '' };
}
