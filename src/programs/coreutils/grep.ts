/** GNU grep 3.11: basic/extended/fixed patterns, recursion, counts, -o, -l, context lines, colours on a terminal. */
import { isSysError } from '../../engine/kernel/errno.js';
import { errorText, quoteIfNeeded } from '../lib/output.js';
import { joinPath, readInput, readLines, tool, versionText, withInput, type Tool, type ToolDef } from './common.js';
import { escapeLiteral, posixToJs } from './regex.js';

interface GrepOpts {
  re: RegExp;
  invert: boolean;
  count: boolean;
  lineNumbers: boolean;
  filesWith: boolean;
  filesWithout: boolean;
  only: boolean;
  quiet: boolean;
  silent: boolean;
  names: boolean;
  color: boolean;
  maxCount: number;
  /** -B/-A/-C: lines shown before and after each selected line, groups parted by `--`; unset without them. */
  context?: { readonly before: number; readonly after: number };
}

const SGR = (code: string, s: string): string => `\x1b[${code}m\x1b[K${s}\x1b[m\x1b[K`;

class Grep {
  matched = false;
  error = false;
  /** A line was printed (from any file): with context, the next group is parted from it by `--`. */
  private printed = false;
  constructor(
    private readonly t: Tool,
    private readonly o: GrepOpts,
  ) {}

  /** `name:12:` for a selected line, `name-12-` for a context line. */
  private prefix(name: string, lineNo: number, mark: ':' | '-'): string {
    const o = this.o;
    const sep = o.color ? SGR('36', mark) : mark;
    let p = '';
    if (o.names) p += (o.color ? SGR('35', name) : name) + sep;
    if (o.lineNumbers) p += (o.color ? SGR('32', String(lineNo)) : String(lineNo)) + sep;
    return p;
  }

  async file(path: string, shown: string): Promise<void> {
    const t = this.t;
    const o = this.o;
    let n = 0;
    let lineNo = 0;
    const ctx = o.count || o.filesWith || o.filesWithout || o.quiet ? undefined : o.context;
    // Context: the last -B lines not shown yet, how many -A lines are still to show, the last line shown.
    const held: Array<[number, string]> = [];
    let after = 0;
    let last = 0;
    // -m reached: only the trailing context is left to show (GNU shows it, as context, even lines that match).
    let trailing = false;
    const show = async (no: number, line: string, selected: boolean): Promise<void> => {
      if (ctx && this.printed && (last === 0 || no > last + 1)) await t.out.write(`${o.color ? SGR('36', '--') : '--'}\n`);
      last = no;
      this.printed = true;
      // -o prints no context lines, but they still join groups.
      if (selected || !o.only) await t.out.write(this.render(line, shown, no, selected));
    };
    // GNU grep reads as it goes: `yes | grep y | head` ends, and -q or -m stop reading at once.
    const onLines = async (lines: string[], binary: boolean): Promise<boolean> => {
      for (const line of lines) {
        lineNo++;
        if (lineNo % 512 === 0) await t.sys.yield();
        if (trailing) {
          if (after === 0) return false;
          after--;
          await show(lineNo, line, false);
          continue;
        }
        o.re.lastIndex = 0;
        if (o.re.test(line) === o.invert) {
          if (!ctx || binary) continue;
          if (after > 0) {
            after--;
            await show(lineNo, line, false);
          } else if (ctx.before > 0) {
            held.push([lineNo, line]);
            if (held.length > ctx.before) held.shift();
          }
          continue;
        }
        n++;
        this.matched = true;
        if (o.quiet) return false;
        if (!(o.count || o.filesWith || o.filesWithout)) {
          if (binary) {
            await t.out.flush();
            await t.sys.write(2, `grep: ${shown}: binary file matches\n`);
            return false;
          }
          for (const [no, text] of held) await show(no, text, false);
          held.length = 0;
          await show(lineNo, line, true);
          if (ctx) after = ctx.after;
        }
        if (n >= o.maxCount) {
          if (after === 0) return false;
          trailing = true;
        }
      }
      return true;
    };
    try {
      await withInput(t.sys, path, async (fd) => {
        if (o.maxCount > 0) await readLines(t.sys, fd, onLines);
      });
    } catch (err) {
      if (!isSysError(err) || err.code === 'EPIPE') throw err;
      if (!o.silent) await t.error(`${quoteIfNeeded(shown)}: ${errorText(err)}`);
      this.error = true;
      return;
    }
    if (o.quiet && this.matched) return;
    if (o.count) await t.out.write(`${o.names ? this.name(shown) : ''}${n}\n`);
    if (o.filesWith && n > 0) await t.out.write(`${o.color ? SGR('35', shown) : shown}\n`);
    if (o.filesWithout && n === 0) await t.out.write(`${o.color ? SGR('35', shown) : shown}\n`);
  }

  private name(shown: string): string {
    return this.o.color ? SGR('35', shown) + SGR('36', ':') : `${shown}:`;
  }

  private render(line: string, shown: string, lineNo: number, selected = true): string {
    const o = this.o;
    const prefix = this.prefix(shown, lineNo, selected ? ':' : '-');
    // The matches are marked in the lines that match: selected ones, or with -v the context ones.
    if (!o.only && (!o.color || selected === o.invert)) return `${prefix}${line}\n`;
    const re = new RegExp(o.re.source, o.re.flags.includes('g') ? o.re.flags : `${o.re.flags}g`);
    let out = '';
    let last = 0;
    for (const m of line.matchAll(re)) {
      if (m[0] === '') continue;
      const text = o.color ? SGR('01;31', m[0]) : m[0];
      if (o.only) out += `${prefix}${text}\n`;
      else out += line.slice(last, m.index) + text;
      last = m.index! + m[0].length;
    }
    return o.only ? out : `${prefix}${out}${line.slice(last)}\n`;
  }

  async walk(path: string, shown: string, recursive: boolean, top: boolean): Promise<void> {
    const t = this.t;
    if (path === '-') return this.file('-', '(standard input)');
    let isDir = false;
    try {
      const st = top ? t.sys.fs.stat(path) : t.sys.fs.lstat(path);
      if (st.type === 'symlink') return;
      isDir = st.type === 'dir';
    } catch (err) {
      if (!isSysError(err)) throw err;
    }
    if (!isDir) return this.file(path, shown);
    if (!recursive) {
      if (!this.o.silent) await t.error(`${quoteIfNeeded(shown)}: Is a directory`);
      this.error = true;
      return;
    }
    let names: string[];
    try {
      names = t.sys.fs.readdir(path).sort();
    } catch (err) {
      if (!isSysError(err)) throw err;
      if (!this.o.silent) await t.error(`${quoteIfNeeded(shown)}: ${errorText(err)}`);
      this.error = true;
      return;
    }
    for (const n of names) {
      await this.walk(joinPath(path, n), shown === '' ? n : joinPath(shown, n), true, false);
      if (this.matched && this.o.quiet) return;
    }
  }
}

const GREP_DEF: ToolDef = {
  name: 'grep',
  short: 'EFGe:f:iyvwxcLlm:noqsrRhHabVA:B:C:',
  long: [
    { name: 'extended-regexp', key: 'E' },
    { name: 'fixed-strings', key: 'F' },
    { name: 'basic-regexp', key: 'G' },
    { name: 'regexp', key: 'e', arg: 'required' },
    { name: 'file', key: 'f', arg: 'required' },
    { name: 'ignore-case', key: 'i' },
    { name: 'no-ignore-case' },
    { name: 'word-regexp', key: 'w' },
    { name: 'line-regexp', key: 'x' },
    { name: 'invert-match', key: 'v' },
    { name: 'count', key: 'c' },
    { name: 'files-without-match', key: 'L' },
    { name: 'files-with-matches', key: 'l' },
    { name: 'max-count', key: 'm', arg: 'required' },
    { name: 'line-number', key: 'n' },
    { name: 'only-matching', key: 'o' },
    { name: 'quiet', key: 'q' },
    { name: 'silent', key: 'q' },
    { name: 'no-messages', key: 's' },
    { name: 'recursive', key: 'r' },
    { name: 'dereference-recursive', key: 'R' },
    { name: 'no-filename', key: 'h' },
    { name: 'with-filename', key: 'H' },
    { name: 'after-context', key: 'A', arg: 'required' },
    { name: 'before-context', key: 'B', arg: 'required' },
    { name: 'context', key: 'C', arg: 'required' },
    { name: 'color', arg: 'optional' },
    { name: 'colour', key: 'color', arg: 'optional' },
  ],
  usageStatus: 2,
  pkg: 'GNU grep) 3.11',
  authors: 'Written by Mike Haertel and others; see\n<https://git.savannah.gnu.org/cgit/grep.git/tree/AUTHORS>.',
};

export const grep = tool(
  GREP_DEF,
  async (t, opts, operands) => {
    const has = (k: string): boolean => opts.some((o) => o.key === k);
    if (has('V')) {
      await t.out.write(versionText(GREP_DEF));
      return 0;
    }
    let mode: 'E' | 'F' | 'G' = 'G';
    let ignoreCase = false;
    let names: boolean | undefined;
    let colorWhen = 'never';
    const patterns: string[] = [];
    // -A and -B win over -C whatever their order, as in GNU grep (-C only fills in what they leave unset).
    const context: Partial<Record<'A' | 'B' | 'C', number>> = {};
    for (const o of opts) {
      if (o.key !== 'A' && o.key !== 'B' && o.key !== 'C') continue;
      if (!/^\d+$/.test(o.value!)) {
        await t.error(`${o.value}: invalid context length argument`);
        return 2;
      }
      context[o.key] = Number(o.value);
    }
    for (const o of opts) {
      if (o.key === 'E' || o.key === 'F' || o.key === 'G') mode = o.key;
      else if (o.key === 'e') patterns.push(...o.value!.split('\n'));
      else if (o.key === 'f') {
        try {
          patterns.push(...(await readInput(t.sys, o.value!)).split('\n').filter((l, i, a) => i < a.length - 1 || l !== ''));
        } catch (err) {
          if (!isSysError(err)) throw err;
          await t.error(`${o.value}: ${errorText(err)}`);
          return 2;
        }
      } else if (o.key === 'i' || o.key === 'y') ignoreCase = true;
      else if (o.key === 'no-ignore-case') ignoreCase = false;
      else if (o.key === 'h') names = false;
      else if (o.key === 'H') names = true;
      else if (o.key === 'color') colorWhen = o.value ?? 'auto';
    }
    if (!has('e') && !has('f')) {
      if (operands.length === 0) {
        await t.sys.write(2, "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
        return 2;
      }
      patterns.push(...operands.shift()!.split('\n'));
    }
    let source: string;
    try {
      const parts = patterns.map((p) => (mode === 'F' ? escapeLiteral(p) : posixToJs(p, mode === 'E')));
      source = parts.map((p) => `(?:${p})`).join('|');
      if (has('w')) source = `(?<![\\w])(?:${source})(?![\\w])`;
      if (has('x')) source = `^(?:${source})$`;
      if (patterns.length === 0) source = '(?!)';
    } catch (err) {
      await t.error(err instanceof Error ? err.message : String(err));
      return 2;
    }
    let re: RegExp;
    try {
      re = new RegExp(source, ignoreCase ? 'iu' : 'u');
    } catch {
      re = new RegExp(source, ignoreCase ? 'i' : '');
    }
    const recursive = has('r') || has('R');
    const files = operands.length ? operands : [recursive ? '.' : '-'];
    const tty = t.sys.isatty(1);
    const maxCount = opts.filter((o) => o.key === 'm').map((o) => Number(o.value)).pop();
    const g = new Grep(t, {
      re,
      invert: has('v'),
      count: has('c'),
      lineNumbers: has('n'),
      filesWith: has('l'),
      filesWithout: has('L'),
      only: has('o'),
      quiet: has('q'),
      silent: has('s'),
      names: names ?? (files.length > 1 || recursive),
      color: colorWhen === 'always' || (colorWhen === 'auto' && tty && t.sys.env.TERM !== 'dumb'),
      maxCount: maxCount === undefined || Number.isNaN(maxCount) ? Infinity : maxCount,
      context: Object.keys(context).length > 0
        ? { before: context.B ?? context.C ?? 0, after: context.A ?? context.C ?? 0 }
        : undefined,
    });
    for (const f of files) {
      // `grep -r pat` with no FILE searches "." but prints names without the "./".
      await g.walk(f, operands.length ? f : '', recursive, true);
      if (g.matched && has('q')) return 0;
    }
    if (g.error && !(has('q') && g.matched)) return 2;
    return g.matched ? 0 : 1;
  },
  () => GREP_HELP,
);

/** grep --help, trimmed to the options implemented. */
const GREP_HELP =
  'Usage: grep [OPTION]... PATTERNS [FILE]...\n' +
  'Search for PATTERNS in each FILE.\n' +
  "Example: grep -i 'hello world' menu.h main.c\n" +
  'PATTERNS can contain multiple patterns separated by newlines.\n\n' +
  'Pattern selection and interpretation:\n' +
  '  -E, --extended-regexp     PATTERNS are extended regular expressions\n' +
  '  -F, --fixed-strings       PATTERNS are strings\n' +
  '  -G, --basic-regexp        PATTERNS are basic regular expressions\n' +
  '  -e, --regexp=PATTERNS     use PATTERNS for matching\n' +
  '  -f, --file=FILE           take PATTERNS from FILE\n' +
  '  -i, --ignore-case         ignore case distinctions in patterns and data\n' +
  '      --no-ignore-case      do not ignore case distinctions (default)\n' +
  '  -w, --word-regexp         match only whole words\n' +
  '  -x, --line-regexp         match only whole lines\n\n' +
  'Miscellaneous:\n' +
  '  -s, --no-messages         suppress error messages\n' +
  '  -v, --invert-match        select non-matching lines\n' +
  '  -V, --version             display version information and exit\n' +
  '      --help                display this help text and exit\n\n' +
  'Output control:\n' +
  '  -m, --max-count=NUM       stop after NUM selected lines\n' +
  '  -n, --line-number         print line number with output lines\n' +
  '  -H, --with-filename       print file name with output lines\n' +
  '  -h, --no-filename         suppress the file name prefix on output\n' +
  '  -o, --only-matching       show only nonempty parts of lines that match\n' +
  '  -q, --quiet, --silent     suppress all normal output\n' +
  '  -r, --recursive           like --directories=recurse\n' +
  '  -R, --dereference-recursive  likewise, but follow all symlinks\n' +
  '  -L, --files-without-match  print only names of FILEs with no selected lines\n' +
  '  -l, --files-with-matches  print only names of FILEs with selected lines\n' +
  '  -c, --count               print only a count of selected lines per FILE\n\n' +
  'Context control:\n' +
  '  -B, --before-context=NUM  print NUM lines of leading context\n' +
  '  -A, --after-context=NUM   print NUM lines of trailing context\n' +
  '  -C, --context=NUM         print NUM lines of output context\n' +
  '      --color[=WHEN],\n' +
  '      --colour[=WHEN]       use markers to highlight the matching strings;\n' +
  "                            WHEN is 'always', 'never', or 'auto'\n\n" +
  "When FILE is '-', read standard input.  With no FILE, read '.' if\n" +
  "recursive, '-' otherwise.  With fewer than two FILEs, assume -h.\n" +
  'Exit status is 0 if any line is selected, 1 otherwise;\n' +
  'if any error occurs and -q is not given, the exit status is 2.\n\n' +
  'Report bugs to: bug-grep@gnu.org\n' +
  'GNU grep home page: <https://www.gnu.org/software/grep/>\n' +
  'General help using GNU software: <https://www.gnu.org/gethelp/>\n';
