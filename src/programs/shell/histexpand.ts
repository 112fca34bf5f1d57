/**
 * bash's history expansion (`!!`, `!$`, `!n`, `!-n`, `!str`, `!?str?`, `^old^new`, word designators and the
 * common modifiers), applied by an interactive bash to each line it reads, before parsing. A learner's first use
 * is `sudo !!` after `docker ps` was refused.
 */

export type HistoryExpansion =
  | { readonly ok: true; readonly line: string; readonly changed: boolean; readonly printOnly: boolean }
  | { readonly ok: false; readonly error: string };

class HistError extends Error {}

/** Characters after `!` that leave it as it is (bash's history_no_expand_chars, plus `=` and `(`). */
const NO_EXPAND = new Set([' ', '\t', '\n', '\r', '=', '(']);
/** Where an event's `!string` ends (history_event_delimiter_chars and the word designator's colon). */
const EVENT_END = /[\s:;&|<>()"'`$^*%-]/;

/** bash_history_inhibit_expansion: `!` as the shell's own (`$!`, `${!name}`, `[!…]`) stays as it is. */
function inhibited(line: string, i: number): boolean {
  const prev = line[i - 1];
  if (prev === '$') return true;
  if (prev === '[' && line.includes(']', i + 1)) return true;
  return prev === '{' && line[i - 2] === '$' && line.includes('}', i + 1);
}

/** Splits a history line into words as bash's history_tokenize does: quotes kept whole, operators apart. */
export function historyWords(line: string): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i])) i++;
    if (i >= line.length) break;
    const op = /^(?:&&|\|\||;;|>>|<<|&>|>&|<&|\|&|[|;&<>()])/.exec(line.slice(i));
    if (op) {
      words.push(op[0]);
      i += op[0].length;
      continue;
    }
    const start = i;
    while (i < line.length && !/[\s|;&<>()]/.test(line[i])) {
      const c = line[i];
      if (c === '\\') i += 2;
      else if (c === "'" || c === '"' || c === '`') {
        const close = line.indexOf(c, i + 1);
        i = close < 0 ? line.length : close + 1;
      } else i++;
    }
    words.push(line.slice(start, i));
  }
  return words;
}

/** The event a designator names; `history` is oldest first, without the line being expanded. */
function findEvent(spec: string, history: readonly string[], base: number): string {
  const fail = (): never => {
    throw new HistError(`${spec}: event not found`);
  };
  const body = spec.slice(1);
  if (body === '!' || body === '') return history[history.length - 1] ?? fail();
  if (/^-?\d+$/.test(body)) {
    const n = Number(body);
    const index = n < 0 ? history.length + n : n - base;
    return (index >= 0 ? history[index] : undefined) ?? fail();
  }
  if (body.startsWith('?')) {
    const needle = body.slice(1).replace(/\?$/, '');
    for (let i = history.length - 1; i >= 0; i--) if (history[i].includes(needle)) return history[i];
    return fail();
  }
  for (let i = history.length - 1; i >= 0; i--) if (history[i].startsWith(body)) return history[i];
  return fail();
}

/** A word designator (`0`, `^`, `$`, `x-y`, `x-`, `-y`, `*`, `x*`) applied to an event's words. */
function selectWords(designator: string, words: readonly string[]): string {
  const bad = (): never => {
    throw new HistError(`:${designator}: bad word specifier`);
  };
  const last = words.length - 1;
  const at = (s: string): number => (s === '^' ? 1 : s === '$' ? last : Number(s));
  if (designator === '*') return words.slice(1).join(' ');
  const star = /^(\d+|\^|\$)\*$/.exec(designator);
  if (star) {
    const from = at(star[1]);
    return from > words.length ? bad() : words.slice(from).join(' ');
  }
  const range = /^(\d+|\^|\$)?-(\d+|\^|\$)?$/.exec(designator);
  if (range) {
    const from = range[1] === undefined ? 0 : at(range[1]);
    // `x-` stops before the last word, as bash's does.
    const to = range[2] === undefined ? last - 1 : at(range[2]);
    if (from > to + 1 || to > last || from < 0) return bad();
    return words.slice(from, to + 1).join(' ');
  }
  const n = at(designator);
  return Number.isInteger(n) && n >= 0 && n <= last ? words[n] : bad();
}

interface Modified {
  text: string;
  printOnly: boolean;
}

/** `:s/old/new/` (and `:gs`, `:&`), `:h`, `:t`, `:r`, `:e`, `:p`, `:q`; returns where the modifiers end. */
function applyModifiers(line: string, i: number, value: Modified, last: { sub: [string, string] | null }): number {
  while (line[i] === ':') {
    let j = i + 1;
    let global = false;
    if (line[j] === 'g' || line[j] === 'a') {
      global = true;
      j++;
    }
    const m = line[j];
    if (m === 's' || m === '&') {
      let old: string;
      let repl: string;
      let end: number;
      if (m === 's') {
        const delim = line[j + 1];
        if (delim === undefined) throw new HistError(`${line.slice(i, j + 1)}: unrecognized history modifier`);
        const parts: string[] = [];
        let k = j + 2;
        let cur = '';
        while (k < line.length && parts.length < 2) {
          if (line[k] === '\\' && line[k + 1] === delim) {
            cur += delim;
            k += 2;
          } else if (line[k] === delim) {
            parts.push(cur);
            cur = '';
            k++;
          } else cur += line[k++];
        }
        if (parts.length < 2) parts.push(cur);
        [old, repl] = parts;
        if (old === '') {
          if (!last.sub) throw new HistError(`${line.slice(i, k)}: no previous substitution`);
          old = last.sub[0];
        }
        last.sub = [old, repl];
        end = k;
      } else {
        if (!last.sub) throw new HistError(`${line.slice(i, j + 1)}: no previous substitution`);
        [old, repl] = last.sub;
        end = j + 1;
      }
      const replacement = repl.replace(/(\\?)&/g, (_, esc: string) => (esc ? '&' : old));
      if (!value.text.includes(old)) throw new HistError(`${line.slice(i, end)}: substitution failed`);
      value.text = global ? value.text.split(old).join(replacement) : value.text.replace(old, () => replacement);
      i = end;
      continue;
    }
    const slash = value.text.lastIndexOf('/');
    const dot = value.text.lastIndexOf('.');
    switch (m) {
      case 'h':
        if (slash >= 0) value.text = slash === 0 ? '/' : value.text.slice(0, slash);
        break;
      case 't':
        value.text = value.text.slice(slash + 1);
        break;
      case 'r':
        if (dot > slash) value.text = value.text.slice(0, dot);
        break;
      case 'e':
        value.text = dot > slash ? value.text.slice(dot) : '';
        break;
      case 'p':
        value.printOnly = true;
        break;
      case 'q':
        value.text = `'${value.text.replace(/'/g, "'\\''")}'`;
        break;
      default:
        throw new HistError(`${line.slice(i, j + 1)}: unrecognized history modifier`);
    }
    i = j + 1;
  }
  return i;
}

/**
 * Expands the history references in `line`. `history` is oldest first and does not hold `line`; `base` is
 * the number of its first entry (`!1`). Single quotes and a backslash keep `!` as it is; double quotes do not.
 */
export function expandHistory(line: string, history: readonly string[], base = 1): HistoryExpansion {
  const last = { sub: null as [string, string] | null };
  let out = '';
  let changed = false;
  let printOnly = false;
  try {
    let i = 0;
    if (line.startsWith('^')) {
      // `^old^new^` is `!!:s^old^new^`, and its error names it so.
      const event = findEvent('!!', history, base);
      const value = { text: event, printOnly: false };
      const end = applyModifiers(`:s${line}`, 0, value, last) - 2;
      out = value.text;
      changed = true;
      i = end;
    }
    let single = false;
    let double = false;
    for (; i < line.length; i++) {
      const c = line[i];
      if (c === '\\' && !single) {
        out += c + (line[i + 1] ?? '');
        i++;
        continue;
      }
      if (c === "'" && !double) single = !single;
      else if (c === '"' && !single) double = !double;
      if (c !== '!' || single) {
        out += c;
        continue;
      }
      const next = line[i + 1];
      if (next === undefined || NO_EXPAND.has(next) || (double && next === '"') || inhibited(line, i)) {
        out += c;
        continue;
      }
      // The event: `!!`, `!n`, `!-n`, `!?str?`, `!str`; a bare word designator (`!$`, `!^`, `!*`, `!:…`) means `!!`.
      let j = i + 1;
      let spec: string;
      if (next === '!') {
        spec = '!!';
        j = i + 2;
      } else if (/[$^*:%]/.test(next)) {
        spec = '!!';
      } else if (next === '?') {
        const close = line.indexOf('?', i + 2);
        j = close < 0 ? line.length : close + 1;
        spec = line.slice(i, j);
      } else if (/[-\d]/.test(next)) {
        const m = /^-?\d+/.exec(line.slice(i + 1));
        j = i + 1 + (m ? m[0].length : 1);
        spec = line.slice(i, j);
      } else {
        while (j < line.length && !EVENT_END.test(line[j])) j++;
        spec = line.slice(i, j);
      }
      const event = findEvent(spec, history, base);
      let text = event;
      const words = (): string[] => historyWords(event);
      if (line[j] === ':' && /[\d^$*-]/.test(line[j + 1] ?? '')) {
        const m = /^(\d+|\^|\$)?(?:-(\d+|\^|\$)?|\*)?/.exec(line.slice(j + 1))!;
        text = selectWords(m[0], words());
        j += 1 + m[0].length;
      } else if (/[$^*]/.test(line[j] ?? '') && (spec === '!!' || line[j] !== '-')) {
        text = selectWords(line[j], words());
        j++;
      }
      const value = { text, printOnly: false };
      j = applyModifiers(line, j, value, last);
      printOnly ||= value.printOnly;
      out += value.text;
      changed = true;
      i = j - 1;
    }
  } catch (e) {
    if (e instanceof HistError) return { ok: false, error: e.message };
    throw e;
  }
  return { ok: true, line: out, changed, printOnly };
}
