/**
 * Terminal input → nano's keys. xterm sends a key's whole escape sequence in one piece, so a read holds whole
 * keys; a sequence cut off at the end of a read (a paste split by the pty) is kept for the next read. A lone
 * Esc is what nano makes of it: a prefix, so Esc x is M-x and Esc Esc x is ^X (nano's help says so).
 */

/** `text` inserts itself; every other name is a key nano binds (`^O`, `M-U`, `Up`, `PgDn`…). */
export interface NanoKey {
  readonly name: string;
  readonly text?: string;
}

const CSI: Readonly<Record<string, string>> = {
  A: 'Up', B: 'Down', C: 'Right', D: 'Left', H: 'Home', F: 'End',
  '1~': 'Home', '7~': 'Home', '4~': 'End', '8~': 'End', '2~': 'Ins', '3~': 'Del', '5~': 'PgUp', '6~': 'PgDn',
  '1;5A': '^Up', '1;5B': '^Down', '1;5C': '^Right', '1;5D': '^Left', '3;5~': '^Del',
  '1;3A': 'M-Up', '1;3B': 'M-Down', '1;3C': 'M-Right', '1;3D': 'M-Left',
  '11~': 'F1', '12~': 'F2', '13~': 'F3', '14~': 'F4', '15~': 'F5', '17~': 'F6', '18~': 'F7', '19~': 'F8',
  '20~': 'F9', '21~': 'F10', '23~': 'F11', '24~': 'F12', '200~': 'PasteStart', '201~': 'PasteEnd',
};

const SS3: Readonly<Record<string, string>> = {
  A: 'Up', B: 'Down', C: 'Right', D: 'Left', H: 'Home', F: 'End', P: 'F1', Q: 'F2', R: 'F3', S: 'F4',
};

/** The name nano gives a control character: ^A…^Z, ^\ ^] ^^ ^_ (shown as ^/ since nano 5), Enter, Tab, Bsp. */
export function controlName(code: number): string {
  if (code === 0x0d) return 'Enter';
  if (code === 0x09) return 'Tab';
  if (code === 0x7f || code === 0x08) return 'Bsp';
  if (code === 0x1f) return '^/';
  if (code === 0) return '^Space';
  return `^${String.fromCharCode(code + 0x40)}`;
}

export class KeyDecoder {
  private pending = '';
  /** Esc presses waiting for the key they modify. */
  private escapes = 0;

  /** The keys in `input` (plus what an earlier read left unfinished). */
  decode(input: string): NanoKey[] {
    const s = this.pending + input;
    this.pending = '';
    const keys: NanoKey[] = [];
    let text = '';
    const push = (k: NanoKey): void => {
      if (text !== '') keys.push({ name: 'text', text });
      text = '';
      keys.push(k);
    };
    let i = 0;
    while (i < s.length) {
      const ch = s[i];
      if (ch === '\x1b') {
        const rest = s.slice(i + 1);
        const seq = /^(\[)([0-9;]*[~A-Za-z])|^(O)([A-Z])/.exec(rest);
        if (seq) {
          const name = seq[1] ? CSI[seq[2]] : SS3[seq[4]];
          push({ name: this.modified(name ?? 'Unknown') });
          i += 1 + seq[0].length;
          continue;
        }
        if (/^(\[[0-9;]*|O)$/.test(rest)) {
          this.pending = s.slice(i);
          break;
        }
        if (text !== '') push({ name: 'text', text: '' });
        this.escapes++;
        i++;
        continue;
      }
      const code = ch.charCodeAt(0);
      if (this.escapes > 0) {
        const n = this.escapes;
        this.escapes = 0;
        if (code < 0x20 || code === 0x7f) push({ name: code === 0x7f || code === 0x08 ? 'M-Bsp' : controlName(code) });
        else if (n >= 2 && /[a-zA-Z@[\]\\^_/ ]/.test(ch)) push({ name: ch === '/' || ch === '_' ? '^/' : `^${ch.toUpperCase()}` });
        else push({ name: `M-${/[a-z]/.test(ch) ? ch.toUpperCase() : ch}` });
        i++;
        continue;
      }
      if (code < 0x20 || code === 0x7f) {
        push({ name: controlName(code) });
        i++;
        continue;
      }
      text += ch;
      i++;
    }
    if (text !== '') keys.push({ name: 'text', text });
    return keys.filter((k) => k.name !== 'text' || k.text !== '');
  }

  private modified(name: string): string {
    if (this.escapes === 0) return name;
    this.escapes = 0;
    return name.startsWith('M-') || name.startsWith('^') ? name : `M-${name}`;
  }
}
