/**
 * The detach sequence (moby/term escapeProxy): with a TTY, the client watches what the user types for the
 * detach keys (Ctrl-P Ctrl-Q unless --detach-keys says otherwise) and stops sending input when they
 * arrive. A partial match is held back and released if the next key does not continue it.
 */

/** Ctrl-P Ctrl-Q. */
export const DEFAULT_ESCAPE_KEYS = [16, 17];

const CTRL_NAMES = ['@', ...'abcdefghijklmnopqrstuvwxyz', '[', '\\', ']', '^', '_'].map((c) => `ctrl-${c}`);

/** term.ToBytes: `ctrl-p,ctrl-q`, `a`, `ctrl-\\`, `DEL`; an Error for anything else. */
export function detachKeyCodes(keys: string): number[] | Error {
  const codes: number[] = [];
  for (const key of keys.split(',')) {
    if (key.length === 1) {
      codes.push(key.charCodeAt(0));
      continue;
    }
    const i = CTRL_NAMES.indexOf(key);
    if (i >= 0) codes.push(i);
    else if (key === 'DEL') codes.push(127);
    else return new Error(`Unknown character: '${key}'`);
  }
  return codes;
}

export class EscapeProxy {
  private pos = 0;

  constructor(private readonly keys: readonly number[]) {}

  /** What to forward of `input`, and whether the whole sequence has now been typed. */
  push(input: string): { pass: string; escaped: boolean } {
    let pass = '';
    for (const ch of input) {
      const c = ch.charCodeAt(0);
      if (this.keys.length > 0 && c === this.keys[this.pos]) {
        this.pos++;
        if (this.pos === this.keys.length) {
          this.pos = 0;
          return { pass, escaped: true };
        }
        continue;
      }
      if (this.pos > 0) {
        pass += String.fromCharCode(...this.keys.slice(0, this.pos));
        this.pos = 0;
      }
      if (this.keys.length > 0 && c === this.keys[0]) this.pos = 1;
      else pass += ch;
    }
    return { pass, escaped: false };
  }
}
