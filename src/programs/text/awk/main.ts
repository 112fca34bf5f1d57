/**
 * The awk commands: mawk 1.3.4 (Ubuntu's /usr/bin/awk through alternatives) and busybox's awk applet, one
 * interpreter with each one's options, usage and messages.
 */
import { isSysError } from '../../../engine/kernel/errno.js';
import type { Program, Sys } from '../../../engine/kernel/sys.js';
import { errorText } from '../../lib/output.js';
import { readAll } from '../../coreutils/common.js';
import { AwkSyntaxError, parse } from './parse.js';
import { Interp, processEscapes, type Dialect } from './interp.js';

const MAWK_USAGE = `Usage: mawk [Options] [Program] [file ...]

Program:
    The -f option value is the name of a file containing program text.
    If no -f option is given, a "--" ends option processing; the following
    parameters are the program text.

Options:
    -f program-file  Program  text is read from file instead of from the
                     command-line.  Multiple -f options are accepted.
    -F value         sets the field separator, FS, to value.
    -v var=value     assigns value to program variable var.
    --               unambiguous end of options.

    Implementation-specific options are prefixed with "-W".  They can be
    abbreviated:

    -W version       show version information and exit.
    -W dump          show assembler-like listing of program and exit.
    -W help          show this message and exit.
    -W interactive   set unbuffered output, line-buffered input.
    -W exec file     use file as program as well as last option.
    -W random=number set initial random seed.
    -W sprintf=number adjust size of sprintf buffer.
    -W posix_space   do not consider "\\n" a space.
    -W usage         show this message and exit.
`;

/** Ubuntu 24.04's mawk (1.3.4-20240123-1build1). */
const MAWK_VERSION = 'mawk 1.3.4 20240123\nCopyright 2008-2023,2024, Thomas E. Dickey\nCopyright 1991-1996,2014, Michael D. Brennan\n\n';
const MAWK_LIMITS = 'random-funcs:       srandom/random\nregex-funcs:        internal\n\ncompiled limits:\nsprintf buffer      8192\nmaximum-integer     2147483647\n';

const MAWK: Dialect = {
  name: 'mawk',
  maxIntPrint: 2147483647,
  runtimeError: (msg, w) => `mawk: run time error: ${msg}\n\tFILENAME="${w.filename}" FNR=${w.fnr} NR=${w.nr}\n`,
  cannotOpen: (file, reason) => `mawk: cannot open ${file} (${reason})`,
};

const BUSYBOX: Dialect = {
  name: 'awk',
  maxIntPrint: 2 ** 53,
  runtimeError: (msg) => `awk: cmd. line:1: ${msg}\n`,
  cannotOpen: (file, reason) => `awk: ${file}: ${reason}`,
};

interface Parsed {
  sources: string[];
  assigns: [string, string][];
  fs: string | null;
  operands: string[];
}

async function runAwk(sys: Sys, dialect: Dialect, p: Parsed): Promise<number> {
  const say = async (s: string, status: number): Promise<number> => {
    await sys.write(2, s);
    return status;
  };
  let prog;
  try {
    prog = parse(p.sources.join('\n'));
  } catch (err) {
    if (!(err instanceof AwkSyntaxError)) throw err;
    if (dialect === MAWK) return say(`mawk: line ${err.line}: ${err.message}\n`, 2);
    // busybox counts the lines there are: an error at the end of the text is on its last line.
    const last = p.sources.join('\n').replace(/\n$/, '').split('\n').length;
    return say(`awk: cmd. line:${Math.min(err.line, last)}: ${/^(syntax error|missing|runaway)/.test(err.message) ? 'Unexpected token' : err.message}\n`, 1);
  }
  const interp = new Interp(sys, prog, dialect);
  const assigns = p.fs === null ? p.assigns : [['FS', fsValue(p.fs)] as [string, string], ...p.assigns];
  const status = await interp.run({ assigns, args: p.operands, argv0: dialect === MAWK ? 'mawk' : 'awk' });
  if (dialect === BUSYBOX && status === 2) return 1;
  return status;
}

/** -F takes string escapes (`-F '\t'`); mawk keeps a plain `t` as it is. */
function fsValue(v: string): string {
  return processEscapes(v);
}

async function readProgramFile(sys: Sys, f: string): Promise<string> {
  return f === '-' || f === '/dev/stdin' ? readAll(sys, 0) : sys.fs.readText(f);
}

export const mawk: Program = async (sys) => {
  const args = sys.argv.slice(1);
  const p: Parsed = { sources: [], assigns: [], fs: null, operands: [] };
  let i = 0;
  const fail = async (msg: string, status = 2): Promise<number> => {
    await sys.write(2, `mawk: ${msg}\n`);
    return status;
  };
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    const opt = a[1];
    const attached = a.slice(2);
    const value = (): string | undefined => (attached !== '' ? attached : args[++i]);
    if (opt === '-') {
      const long = a.slice(2);
      if (long === 'version' || long === 'help' || long === 'usage') {
        if (long === 'version') {
          await sys.write(1, MAWK_VERSION);
          await sys.write(2, MAWK_LIMITS);
        } else await sys.write(1, MAWK_USAGE);
        return 0;
      }
      return fail(`not an option: ${a}`);
    }
    if (opt === 'f' || opt === 'v' || opt === 'F' || opt === 'W') {
      const v = value();
      if (v === undefined) return fail(`option requires an argument -- ${opt}`);
      if (opt === 'f') {
        try {
          p.sources.push(await readProgramFile(sys, v));
        } catch (err) {
          if (!isSysError(err)) throw err;
          return fail(`cannot open ${v} (${errorText(err)})`);
        }
      } else if (opt === 'v') {
        const m = /^([A-Za-z_][A-Za-z0-9_]*)=([\s\S]*)$/.exec(v);
        if (!m) return fail(`improper assignment: -v ${v}`);
        p.assigns.push([m[1], m[2]]);
      } else if (opt === 'F') p.fs = v;
      else {
        const w = v.replace(/^-+/, '');
        if ('version'.startsWith(w) && w !== '') {
          await sys.write(1, MAWK_VERSION);
          await sys.write(2, MAWK_LIMITS);
          return 0;
        }
        if (('help'.startsWith(w) || 'usage'.startsWith(w)) && w !== '') {
          await sys.write(2, MAWK_USAGE);
          return 0;
        }
        if (/^(i|interactive|posix_space|p)/.test(w)) continue;
        if (/^(r|random)=/.test(w)) continue;
        return fail(`vacuous option: -W ${v}`, 0).then(() => 0);
      }
      continue;
    }
    return fail(`not an option: ${a}`);
  }
  const rest = args.slice(i);
  if (p.sources.length === 0) {
    if (rest.length === 0) {
      await sys.write(2, MAWK_USAGE);
      return 0;
    }
    p.sources.push(rest.shift()!);
  }
  p.operands = rest;
  return runAwk(sys, MAWK, p);
};

const BUSYBOX_USAGE = `Usage: awk [OPTIONS] [AWK_PROGRAM] [FILE]...

\t-v VAR=VAL\tSet variable
\t-F SEP\t\tUse SEP as field separator
\t-f FILE\t\tRead program from FILE
\t-e AWK_PROGRAM
`;

/** busybox awk (getopt "F:v:*f:*e:*"). */
export function busyboxAwk(banner: string): Program {
  return async (sys) => {
    const args = sys.argv.slice(1);
    const p: Parsed = { sources: [], assigns: [], fs: null, operands: [] };
    let i = 0;
    let hadE = false;
    for (; i < args.length; i++) {
      const a = args[i];
      if (a === '--') {
        i++;
        break;
      }
      if (!a.startsWith('-') || a === '-') break;
      for (let j = 1; j < a.length; j++) {
        const opt = a[j];
        if ('Fvfe'.includes(opt)) {
          const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (v === undefined) {
            await sys.write(2, `awk: option requires an argument -- '${opt}'\n${banner}\n\n${BUSYBOX_USAGE}`);
            return 1;
          }
          if (opt === 'F') p.fs = processEscapes(v);
          else if (opt === 'v') {
            const m = /^([A-Za-z_][A-Za-z0-9_]*)=([\s\S]*)$/.exec(v);
            if (m) p.assigns.push([m[1], m[2]]);
          } else if (opt === 'f') {
            try {
              p.sources.push(await readProgramFile(sys, v));
            } catch (err) {
              if (!isSysError(err)) throw err;
              await sys.write(2, `awk: can't open '${v}': ${errorText(err)}\n`);
              return 1;
            }
          } else {
            p.sources.push(v);
            hadE = true;
          }
          break;
        }
        await sys.write(2, `awk: invalid option -- '${opt}'\n${banner}\n\n${BUSYBOX_USAGE}`);
        return 1;
      }
    }
    const rest = args.slice(i);
    if (p.sources.length === 0 && !hadE) {
      if (rest.length === 0) {
        await sys.write(2, `${banner}\n\n${BUSYBOX_USAGE}`);
        return 1;
      }
      p.sources.push(rest.shift()!);
    }
    p.operands = rest;
    return runAwk(sys, BUSYBOX, p);
  };
}
