/**
 * What Tab offers at point: commands in the first word (aliases, keywords, functions, builtins, PATH),
 * a command's programmable completer (`complete`, cobra's `__complete`), else file names — all read
 * through the shell's own filesystem view, so a container's shell completes the container's files.
 */
import { BUILTINS } from '../builtins/index.js';
import type { ShellContext } from '../context.js';
import { cobraComplete, DIRECTIVE_ERROR, DIRECTIVE_NO_FILE_COMP, DIRECTIVE_NO_SPACE } from './cobra.js';
import { findCompspec } from './compspec.js';
import { captureOutput } from './run.js';

export interface Completions {
  /** Where the text to replace starts (it ends at point). */
  readonly start: number;
  readonly word: string;
  /** Full replacement texts. */
  readonly matches: string[];
  /** What a list shows for each match (a file's last component, `/` after a directory). */
  readonly display: string[];
  /** Matches that are directories (get `/`, not a space). */
  readonly dirs: ReadonlySet<string>;
  /** File names: special characters are backslash-quoted when inserted. */
  readonly filenames: boolean;
  readonly noSpace: boolean;
}

const KEYWORDS = ['!', '[[', ']]', 'case', 'coproc', 'do', 'done', 'elif', 'else', 'esac', 'fi', 'for', 'function',
  'if', 'in', 'select', 'then', 'time', 'until', 'while', '{', '}'];
const ASH_KEYWORDS = ['!', 'case', 'do', 'done', 'elif', 'else', 'esac', 'fi', 'for', 'if', 'in', 'then', 'until', 'while', '{', '}'];
/** readline's rl_completer_word_break_characters as bash sets them (quotes handled as breaks here). */
const BREAKS = ' \t\n"\'><=;|&(:';
const SPECIAL = /[ \t\n"'\\|&;()<>$`!*?[\]{}#~]/g;

export function quoteFilename(s: string): string {
  return s.replace(SPECIAL, (c, i: number) => (c === '~' && i > 0 ? c : `\\${c}`));
}

/** The words of the simple command around point: quotes removed, the last one being completed. */
export function commandWords(before: string): { words: string[]; curRaw: string } {
  const words: string[] = [];
  let cur = '';
  let raw = '';
  let inWord = false;
  let q = '';
  for (let i = 0; i < before.length; i++) {
    const c = before[i];
    if (q) {
      if (c === q) q = '';
      else if (c === '\\' && q === '"' && i + 1 < before.length) cur += before[++i];
      else cur += c;
      raw += c;
      continue;
    }
    if (c === "'" || c === '"') {
      q = c;
      inWord = true;
      raw += c;
    } else if (c === '\\' && i + 1 < before.length) {
      cur += before[++i];
      raw += c + before[i];
      inWord = true;
    } else if (/\s/.test(c) || ';|&()'.includes(c)) {
      if (inWord) words.push(cur);
      if (!/\s/.test(c)) words.length = 0;
      cur = '';
      raw = '';
      inWord = false;
    } else {
      cur += c;
      raw += c;
      inWord = true;
    }
  }
  words.push(cur);
  return { words, curRaw: raw };
}

function isDir(sh: ShellContext, path: string): boolean {
  try {
    return sh.sys.fs.stat(path).type === 'dir';
  } catch {
    return false;
  }
}

function isExecutable(sh: ShellContext, path: string): boolean {
  try {
    return sh.sys.fs.stat(path).type === 'file' && sh.sys.fs.access(path, 'x');
  } catch {
    return false;
  }
}

function listDir(sh: ShellContext, dir: string): string[] {
  try {
    return sh.sys.fs.readdir(dir);
  } catch {
    return [];
  }
}

/** Files matching `word` (`~` expanded for the lookup only); `keep` filters by full path. */
function fileMatches(sh: ShellContext, word: string, keep?: (path: string) => boolean): { matches: string[]; display: string[]; dirs: Set<string> } {
  const slash = word.lastIndexOf('/');
  const dirPart = slash < 0 ? '' : word.slice(0, slash + 1);
  const base = word.slice(slash + 1);
  let lookup = dirPart === '' ? '.' : dirPart;
  const tilde = /^~([^/]*)/.exec(lookup);
  if (tilde) lookup = sh.tilde(tilde[1]) + lookup.slice(tilde[0].length);
  const dirs = new Set<string>();
  const found: Array<[string, string]> = [];
  for (const name of listDir(sh, lookup).sort()) {
    if (!name.startsWith(base)) continue;
    const full = `${lookup.replace(/\/?$/, '/')}${name}`;
    const dir = isDir(sh, full);
    if (keep && !dir && !keep(full)) continue;
    const m = dirPart + name;
    if (dir) dirs.add(m);
    found.push([m, dir ? `${name}/` : name]);
  }
  return { matches: found.map((f) => f[0]), display: found.map((f) => f[1]), dirs };
}

function commandNames(sh: ShellContext, word: string): string[] {
  const names = new Set<string>();
  const add = (n: string): void => {
    if (n.startsWith(word)) names.add(n);
  };
  for (const a of sh.aliases.keys()) add(a);
  for (const k of sh.flavor === 'bash' ? KEYWORDS : ASH_KEYWORDS) add(k);
  for (const f of sh.funcs.keys()) add(f);
  for (const b of Object.keys(BUILTINS)) if (sh.lookupBuiltin(b)) add(b);
  const path = sh.getVar('PATH') ?? '';
  for (const dir of path.split(':')) {
    for (const name of listDir(sh, dir || '.')) {
      if (name.startsWith(word) && !names.has(name) && isExecutable(sh, `${dir || '.'}/${name}`)) names.add(name);
    }
  }
  return [...names].sort();
}

/** Options of sudo that take the next word as their argument (_sudo's list). */
const SUDO_ARG_OPTION = /^(-[Cghpu]|--(close-from|group|host|prompt|user)|-[^-][Cghpu])$/;

/** _sudo: the index of the first word that is not an option or an option's argument, -1 if there is none yet. */
function sudoCommandOffset(words: readonly string[]): number {
  for (let i = 1; i < words.length; i++) {
    if (!words[i].startsWith('-')) return i;
    if (SUDO_ARG_OPTION.test(words[i])) i++;
  }
  return -1;
}

function plain(start: number, word: string, matches: string[], noSpace = false): Completions {
  return { start, word, matches, display: matches, dirs: new Set(), filenames: false, noSpace };
}

export async function complete(sh: ShellContext, text: string, point: number, cols: number): Promise<Completions> {
  const before = text.slice(0, point);
  let bstart = point;
  while (bstart > 0 && !BREAKS.includes(before[bstart - 1])) bstart--;
  const fileWord = before.slice(bstart);
  const files = (keep?: (p: string) => boolean): Completions => ({
    start: bstart, word: fileWord, ...fileMatches(sh, fileWord, keep), filenames: true, noSpace: false,
  });
  let { words } = commandWords(before);
  const { curRaw } = commandWords(before);
  const cur = words[words.length - 1];
  const wstart = point - curRaw.length;
  if (cur.startsWith('$') && !cur.includes('/') && /^\$[A-Za-z_0-9]*$/.test(cur)) {
    const names = [...sh.vars.keys()].filter((n) => `$${n}`.startsWith(cur)).sort().map((n) => `$${n}`);
    return plain(wstart, cur, names);
  }
  // bash-completion's _sudo: what follows sudo's options is completed as a command line of its own.
  if (sh.flavor === 'bash' && words.length > 1 && findCompspec(sh, words[0])?.func === '_sudo') {
    const at = sudoCommandOffset(words);
    if (at < 0) return plain(wstart, cur, []);
    words = words.slice(at);
  }
  if (words.length === 1) {
    if (cur.includes('/')) return files((p) => isExecutable(sh, p));
    const dirs = fileMatches(sh, cur, () => false);
    const cmds = commandNames(sh, cur);
    const all = [...new Set([...cmds, ...dirs.matches])].sort();
    return { start: wstart, word: cur, matches: all, display: all.map((m) => (dirs.dirs.has(m) ? `${m}/` : m)),
      dirs: dirs.dirs, filenames: false, noSpace: false };
  }
  const spec = sh.flavor === 'bash' ? findCompspec(sh, words[0]) : undefined;
  if (!spec) return files();
  const fallback = spec.options.includes('default') || spec.options.includes('bashdefault');
  if (spec.func?.startsWith('__start_')) {
    const r = await cobraComplete(sh, words.slice(0, -1), cur, cols);
    if (r.matches.length === 0 && fallback && !(r.directive & DIRECTIVE_NO_FILE_COMP && !(r.directive & DIRECTIVE_ERROR))) {
      return files();
    }
    return plain(wstart, cur, r.matches, (r.directive & DIRECTIVE_NO_SPACE) !== 0);
  }
  let matches: string[] = [];
  if (spec.wordlist !== undefined) matches = spec.wordlist.split(/\s+/).filter((w) => w !== '' && w.startsWith(cur));
  else if (spec.command !== undefined) {
    const prev = words[words.length - 2] ?? '';
    const out = await captureOutput(sh, ['sh', '-c', `${spec.command} "$@"`, spec.command, words[0], cur, prev], {
      COMP_LINE: text, COMP_POINT: String(point),
    });
    matches = out.split('\n').filter((l) => l !== '');
  }
  if (matches.length === 0 && fallback) return files();
  return plain(wstart, cur, [...new Set(matches)].sort(), spec.options.includes('nospace'));
}
