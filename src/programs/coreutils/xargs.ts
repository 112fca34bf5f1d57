/** findutils xargs: builds command lines from stdin (quotes, -0, -d, -n, -I, -r, -t) and runs them. */
import type { Sys } from '../../engine/kernel/sys.js';
import { quoteAlways } from '../lib/output.js';
import { readAll, tool } from './common.js';
import { runCommand } from './run.js';

/** Splits xargs's default input format: blanks separate, quotes and backslashes escape. */
function splitDefault(text: string): string[] | string {
  const out: string[] = [];
  let cur = '';
  let has = false;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\n') return `unmatched ${quote === '"' ? 'double' : 'single'} quote; by default quotes are special to xargs unless you use the -0 option`;
      else cur += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      has = true;
    } else if (c === '\\' && i + 1 < text.length) {
      cur += text[++i];
      has = true;
    } else if (c === ' ' || c === '\t' || c === '\n') {
      if (has) out.push(cur);
      cur = '';
      has = false;
    } else {
      cur += c;
      has = true;
    }
  }
  if (quote) return `unmatched ${quote === '"' ? 'double' : 'single'} quote; by default quotes are special to xargs unless you use the -0 option`;
  if (has) out.push(cur);
  return out;
}

function nullFd(sys: Sys): number {
  try {
    return sys.open('/dev/null', 'r');
  } catch {
    return 0;
  }
}

export const xargs = tool(
  {
    name: 'xargs',
    short: '+0d:I:i::n:L:prtx',
    long: [
      { name: 'null', key: '0' },
      { name: 'delimiter', key: 'd', arg: 'required' },
      { name: 'replace', key: 'i', arg: 'optional' },
      { name: 'max-args', key: 'n', arg: 'required' },
      { name: 'max-lines', key: 'L', arg: 'required' },
      { name: 'no-run-if-empty', key: 'r' },
      { name: 'verbose', key: 't' },
    ],
    pkg: 'GNU findutils) 4.9.0',
    authors: 'Written by Eric B. Decker, James Youngman, and Kevin Dalley.',
  },
  async (t, opts, cmdArgs) => {
    const sys = t.sys;
    let replace: string | undefined;
    let maxArgs = Infinity;
    let delim: string | undefined;
    for (const o of opts) {
      if (o.key === 'I') replace = o.value;
      else if (o.key === 'i') replace = o.value ?? '{}';
      else if (o.key === 'n' || o.key === 'L') {
        const n = Number(o.value);
        if (!Number.isInteger(n) || n < 1) {
          await t.error(`value ${o.value} for -${o.key} option should be >= 1`);
          return 1;
        }
        maxArgs = n;
      } else if (o.key === '0') delim = '\0';
      else if (o.key === 'd') delim = o.value;
    }
    const has = (k: string): boolean => opts.some((o) => o.key === k);
    const command = cmdArgs.length ? cmdArgs : ['echo'];
    const text = await readAll(sys, 0);
    let items: string[];
    if (replace !== undefined) items = text.split('\n').filter((l) => l.trim() !== '').map((l) => l.replace(/^[ \t]+/, ''));
    else if (delim !== undefined) {
      items = text.split(delim);
      if (items[items.length - 1] === '') items.pop();
    } else {
      const split = splitDefault(text);
      if (typeof split === 'string') {
        await t.error(split);
        return 1;
      }
      items = split;
    }
    const batches: string[][] = [];
    if (replace !== undefined) for (const item of items) batches.push(command.map((a) => a.split(replace!).join(item)));
    else {
      for (let i = 0; i < items.length; i += maxArgs === Infinity ? items.length : maxArgs) {
        batches.push([...command, ...items.slice(i, maxArgs === Infinity ? undefined : i + maxArgs)]);
      }
      if (items.length === 0 && !has('r')) batches.push([...command]);
    }
    let status = 0;
    const stdin = nullFd(sys);
    for (const argv of batches) {
      await t.out.flush();
      if (has('t')) await sys.write(2, `${argv.map((a) => (/^[\w./=:,+-]+$/.test(a) ? a : quoteAlways(a))).join(' ')}\n`);
      const r = await runCommand(sys, argv, stdin);
      if ('error' in r) {
        await t.error(`${argv[0]}: ${r.message}`);
        return r.error === 'ENOENT' ? 127 : 126;
      }
      const st = r.status;
      if (st.signal) {
        await t.error(`${argv[0]}: terminated by signal ${st.status - 128}`);
        return 125;
      }
      if (st.code === 255) {
        await t.error(`${argv[0]}: exited with status 255; aborting`);
        return 124;
      }
      if (st.code !== 0) status = 123;
    }
    return status;
  },
  () =>
    'Usage: xargs [OPTION]... COMMAND [INITIAL-ARGS]...\n' +
    'Run COMMAND with arguments INITIAL-ARGS and more arguments read from input.\n\n' +
    'Mandatory and optional arguments to long options are also\n' +
    'mandatory or optional for the corresponding short option.\n' +
    '  -0, --null                   items are separated by a null, not whitespace;\n' +
    '                                 disables quote and backslash processing and\n' +
    '                                 logical EOF processing\n' +
    '  -d, --delimiter=CHARACTER    items in input stream are separated by CHARACTER,\n' +
    '                                 not by whitespace; disables quote and backslash\n' +
    '                                 processing and logical EOF processing\n' +
    '  -I R                         same as --replace=R\n' +
    '  -i, --replace[=R]            replace R in INITIAL-ARGS with names read\n' +
    '                                 from standard input, split at newlines;\n' +
    '                                 if R is unspecified, assume {}\n' +
    '  -L, --max-lines=MAX-LINES    use at most MAX-LINES non-blank input lines per\n' +
    '                                 command line\n' +
    '  -n, --max-args=MAX-ARGS      use at most MAX-ARGS arguments per command line\n' +
    "  -r, --no-run-if-empty        if there are no arguments, then do not run COMMAND;\n" +
    '                                 if this option is not given, COMMAND will be\n' +
    '                                 run at least once\n' +
    '  -t, --verbose                print commands before executing them\n' +
    '      --help                   display this help and exit\n' +
    '      --version                output version information and exit\n\n' +
    'Please see also the documentation at https://www.gnu.org/software/findutils/.\n' +
    'You can report (and track progress on fixing) bugs in the "xargs"\n' +
    'bug-reporting system at https://savannah.gnu.org/bugs/?group=findutils,\n' +
    'or, if you have no web access, by sending email to <bug-findutils@gnu.org>.\n',
);
