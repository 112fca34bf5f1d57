/**
 * Detach keys on dockerd's side (moby/term): `detachKeys` as bytes (term.ToBytes), and the escape proxy dockerd
 * reads a TTY attach's input through, so a client that sends the keys itself (curl, socat, a client without
 * its own proxy) detaches as the docker CLI does.
 */

/** Ctrl-P Ctrl-Q, used when no keys are given. */
export const DEFAULT_DETACH_KEYS = '\x10\x11';

const ASCII = ['ctrl-@', ...'abcdefghijklmnopqrstuvwxyz'.split('').map((c) => `ctrl-${c}`), 'ctrl-[', 'ctrl-\\', 'ctrl-]', 'ctrl-^', 'ctrl-_'];

/** term.ToBytes: `ctrl-p,ctrl-q`, `a`, `ctrl-\`, `DEL`; null for anything else. */
export function detachKeyBytes(spec: string): string | null {
  let out = '';
  for (const key of spec.split(',')) {
    if (key.length === 1) {
      out += key;
      continue;
    }
    const code = ASCII.indexOf(key);
    if (code >= 0) out += String.fromCharCode(code);
    else if (key === 'DEL') out += '\x7f';
    else return null;
  }
  return out;
}

/**
 * term.NewEscapeProxy: holds back a partial match of the keys (across reads too) and lets it go when the
 * next byte does not continue it; once the whole sequence is read, what came before it in that read is
 * passed and the rest dropped.
 */
export class EscapeProxy {
  private held = '';

  constructor(private readonly keys: string = DEFAULT_DETACH_KEYS) {}

  push(input: string): { pass: string; escaped: boolean } {
    let pass = '';
    for (const ch of input) {
      if (ch === this.keys[this.held.length]) {
        this.held += ch;
        if (this.held.length === this.keys.length) {
          this.held = '';
          return { pass, escaped: true };
        }
        continue;
      }
      // As moby/term: the byte that broke a partial match is not itself tried as the start of a new one.
      pass += this.held + ch;
      this.held = '';
    }
    return { pass, escaped: false };
  }
}
