/**
 * Would the simulator run a deck's command? A line's simple commands (split at `|`, `&&`, `||`, `;`) each name a
 * shell builtin or a program the host has (asked through `onHost`), and a `docker …` one a docker command the
 * CLI has and simulates (the same registry tree as the lessons' `ran` check, commandLog.ts). Key lines
 * (`<Ctrl-P><Ctrl-Q>`) name keys the lessons' solutions know.
 */
import { commandOfArgs } from '../commandLog.js';
import { keyCode } from '../solution.js';

/** Builtins of bash (and the few a deck would type) that need no file on the host. */
const BUILTINS = new Set([
  'cd', 'export', 'echo', 'exit', 'logout', 'source', '.', 'alias', 'unalias', 'unset', 'set', 'type', 'history',
  'kill', 'jobs', 'fg', 'bg', 'wait', 'read', 'true', 'false', 'test', '[', 'pwd', 'printf', 'ulimit', 'umask',
  'exec', 'eval', 'help', 'hash', 'command', 'builtin', 'let', 'declare', 'local', 'shift', 'trap', 'times',
  'for', 'while', 'until', 'if', 'case', '{', '(',
]);

const KEYS_LINE = /^(?:<[^<>\s]+>)+$/;

/** Words of a shell line, quotes removed; operators as their own words. Enough for a slide's commands. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let cur = '';
  let has = false;
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"' && i + 1 < line.length) cur += line[++i];
      else cur += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      has = true;
    } else if (c === '\\' && i + 1 < line.length) {
      cur += line[++i];
      has = true;
    } else if (/\s/.test(c)) {
      if (has) words.push(cur);
      cur = '';
      has = false;
    } else if (c === '|' || c === '&' || c === ';') {
      if (has) words.push(cur);
      const two = line.slice(i, i + 2);
      const op = two === '&&' || two === '||' ? two : c;
      words.push(op);
      i += op.length - 1;
      cur = '';
      has = false;
    } else if (c === '#' && !has) {
      break;
    } else {
      cur += c;
      has = true;
    }
  }
  if (has) words.push(cur);
  return words;
}

const OPERATORS = new Set(['|', '||', '&&', ';', '&']);

/** Why the simulator would not run `line` as written, or undefined when it would. */
export function unknownCommand(line: string, onHost: (program: string) => boolean): string | undefined {
  const text = line.trim();
  if (KEYS_LINE.test(text)) {
    for (const m of text.matchAll(/<([^<>\s]+)>/g)) {
      if (keyCode(m[1]) === undefined) return `unknown key <${m[1]}> (use <Ctrl-C>, <Ctrl-D>, <Ctrl-P>, <Enter>, <Tab>, <Esc>…)`;
    }
    return undefined;
  }
  const words = shellWords(text);
  const simple: string[][] = [[]];
  for (const w of words) {
    if (OPERATORS.has(w)) simple.push([]);
    else simple[simple.length - 1].push(w);
  }
  for (const argv of simple) {
    let i = 0;
    while (i < argv.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[i])) i++;
    if (argv[i] === 'sudo') {
      i++;
      while (i < argv.length && argv[i].startsWith('-')) i += argv[i] === '-u' || argv[i] === '-g' ? 2 : 1;
    }
    const program = argv[i];
    if (program === undefined) continue;
    const base = program.slice(program.lastIndexOf('/') + 1);
    if (base === 'docker') {
      const why = unknownDocker(argv.slice(i + 1));
      if (why) return why;
      continue;
    }
    if (BUILTINS.has(program)) continue;
    if (!onHost(program)) return `\`${program}\` is not a program on the simulated host (nor a shell builtin)`;
  }
  return undefined;
}

function unknownDocker(args: readonly string[]): string | undefined {
  const words = args.filter((a) => !a.startsWith('-'));
  if (words.length === 0) return undefined;
  const node = commandOfArgs(args);
  if (!node) return `\`docker ${words[0]}\` is not a docker command`;
  if (!node.spec && node.children.length === 0) return `\`docker ${node.path.join(' ')}\` is not simulated: the simulator refuses it`;
  return undefined;
}
