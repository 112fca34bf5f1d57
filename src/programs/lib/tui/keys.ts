/**
 * Terminal input → keys in vim's notation: a typed character is itself (`a`, `<` included); anything else is
 * a name in angle brackets (`<Esc>`, `<CR>`, `<Up>`, `<C-r>`). The xterm escape sequences for cursor and
 * editing keys start with ESC, so ESC alone is told apart only by time: a decoder holds an unfinished sequence
 * until the next input completes it, or until the caller's timeout (vim's 'ttimeoutlen') says it was ESC.
 */

/** CSI / SS3 sequences xterm sends (normal and application cursor mode). */
const SEQUENCES: Readonly<Record<string, string>> = {
  '[A': '<Up>', '[B': '<Down>', '[C': '<Right>', '[D': '<Left>', '[H': '<Home>', '[F': '<End>',
  OA: '<Up>', OB: '<Down>', OC: '<Right>', OD: '<Left>', OH: '<Home>', OF: '<End>',
  '[1~': '<Home>', '[7~': '<Home>', '[4~': '<End>', '[8~': '<End>', '[3~': '<Del>', '[2~': '<Insert>',
  '[5~': '<PageUp>', '[6~': '<PageDown>', '[1;5C': '<C-Right>', '[1;5D': '<C-Left>', '[1;2C': '<S-Right>',
  '[1;2D': '<S-Left>', OP: '<F1>', OQ: '<F2>', OR: '<F3>', OS: '<F4>',
};

/** A complete CSI (`ESC [ params final`) or SS3 (`ESC O letter`) after the ESC. */
const COMPLETE = /^(?:\[[0-9;?<>=]*[ -/]*[@-~]|O[ -~])/;
/** What may still become one: the ESC alone, or a sequence cut off before its final byte. */
const PREFIX = /^(?:|\[[0-9;?<>=]*[ -/]*|O)$/;

export function controlKey(ch: string): string {
  switch (ch) {
    case '\r':
      return '<CR>';
    case '\n':
      return '<NL>';
    case '\t':
      return '<Tab>';
    case '\x7f':
    case '\b':
      return '<BS>';
    case '\x1b':
      return '<Esc>';
    case '\x00':
      return '<Nul>';
    default:
      return `<C-${String.fromCharCode(ch.charCodeAt(0) + 96)}>`;
  }
}

export class KeyDecoder {
  private held = '';

  /** True while an escape sequence is unfinished: the caller waits 'ttimeoutlen' for the rest, then `flush`es. */
  get pending(): boolean {
    return this.held !== '';
  }

  /** The keys `data` completes; an unfinished sequence at its end is held for the next call. */
  feed(data: string): string[] {
    const input = this.held + data;
    this.held = '';
    const keys: string[] = [];
    let i = 0;
    while (i < input.length) {
      const ch = input[i];
      if (ch !== '\x1b') {
        keys.push(ch < ' ' || ch === '\x7f' ? controlKey(ch) : ch);
        i++;
        continue;
      }
      const rest = input.slice(i + 1);
      const m = COMPLETE.exec(rest);
      if (m) {
        keys.push(SEQUENCES[m[0]] ?? '<Unknown>');
        i += 1 + m[0].length;
        continue;
      }
      if (PREFIX.test(rest)) {
        this.held = input.slice(i);
        break;
      }
      // ESC then something no sequence starts with (ESC : typed quickly): the ESC key, then that key.
      keys.push('<Esc>');
      i++;
    }
    return keys;
  }

  /** The time ran out: what is held was typed as keys (ESC alone, or ESC then `[` or `O`). */
  flush(): string[] {
    const held = this.held;
    this.held = '';
    if (held === '') return [];
    return ['<Esc>', ...this.feed(held.slice(1))];
  }
}
