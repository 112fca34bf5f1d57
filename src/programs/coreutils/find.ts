/** findutils find: walks trees (pre-order, names sorted for determinism) and evaluates an expression. */
import { isSysError } from '../../engine/kernel/errno.js';
import type { Program, Sys } from '../../engine/kernel/sys.js';
import type { Stat } from '../../engine/kernel/fsTypes.js';
import { errorText, quoteLocale } from '../lib/output.js';
import { groupByName, userByName } from '../lib/users.js';
import { joinPath } from './common.js';
import { globToRegExp } from './glob.js';
import { runCommand } from './run.js';

interface Ctx {
  readonly path: string;
  readonly name: string;
  readonly st: Stat;
  readonly depth: number;
}

type Node =
  | { kind: 'and' | 'or'; left: Node; right: Node }
  | { kind: 'not'; expr: Node }
  | { kind: 'test'; run: (c: Ctx) => boolean | Promise<boolean> };

class FindError extends Error {}

const TYPE_CHARS: Record<string, string> = { f: 'file', d: 'dir', l: 'symlink', c: 'chardev', b: 'blockdev', p: 'fifo', s: 'socket' };

class Find {
  status = 0;
  maxDepth = Infinity;
  minDepth = 0;
  hasAction = false;
  pending: { argv: string[]; paths: string[] }[] = [];
  out = '';
  private i = 0;
  private args: string[] = [];

  constructor(private readonly sys: Sys) {}

  async flush(): Promise<void> {
    if (this.out) await this.sys.write(1, this.out);
    this.out = '';
  }

  async warn(msg: string): Promise<void> {
    await this.flush();
    await this.sys.write(2, `find: ${msg}\n`);
  }

  parse(args: string[]): Node | null {
    this.args = args;
    this.i = 0;
    if (args.length === 0) return null;
    const e = this.or();
    if (this.i < args.length) throw new FindError(`unexpected extra predicate '${args[this.i]}'`);
    return e;
  }

  private or(): Node {
    let l = this.and();
    while (this.args[this.i] === '-o' || this.args[this.i] === '-or') {
      this.i++;
      l = { kind: 'or', left: l, right: this.and() };
    }
    return l;
  }

  private and(): Node {
    let l = this.unary();
    for (;;) {
      const a = this.args[this.i];
      if (a === undefined || a === '-o' || a === '-or' || a === ')') return l;
      if (a === '-a' || a === '-and') this.i++;
      l = { kind: 'and', left: l, right: this.unary() };
    }
  }

  private unary(): Node {
    const a = this.args[this.i];
    if (a === '!' || a === '-not') {
      this.i++;
      return { kind: 'not', expr: this.unary() };
    }
    if (a === '(') {
      this.i++;
      const e = this.or();
      if (this.args[this.i] !== ')') throw new FindError("invalid expression; I was expecting to find a ')' somewhere but did not see one.");
      this.i++;
      return e;
    }
    return this.primary();
  }

  private arg(pred: string): string {
    const v = this.args[++this.i];
    if (v === undefined) throw new FindError(`missing argument to \`${pred}'`);
    return v;
  }

  private primary(): Node {
    const p = this.args[this.i];
    const test = (run: (c: Ctx) => boolean | Promise<boolean>): Node => {
      this.i++;
      return { kind: 'test', run };
    };
    const sys = this.sys;
    switch (p) {
      case '-name':
      case '-iname': {
        const re = globToRegExp(this.arg(p), p === '-iname');
        return test((c) => re.test(c.name));
      }
      case '-path':
      case '-wholename':
      case '-ipath': {
        const re = globToRegExp(this.arg(p), p === '-ipath', true);
        return test((c) => re.test(c.path));
      }
      case '-type': {
        const v = this.arg(p);
        const types = v.split(',').map((x) => TYPE_CHARS[x]);
        if (types.some((x) => x === undefined)) throw new FindError(`Unknown argument to -type: ${v}`);
        return test((c) => types.includes(c.st.type));
      }
      case '-maxdepth':
      case '-mindepth': {
        const v = this.arg(p);
        if (!/^\d+$/.test(v)) throw new FindError(`Expected a positive decimal integer argument to ${p}, but got ‘${v}’`);
        if (p === '-maxdepth') this.maxDepth = Number(v);
        else this.minDepth = Number(v);
        return test(() => true);
      }
      case '-empty':
        return test((c) => (c.st.type === 'dir' ? sys.fs.readdir(c.path).length === 0 : c.st.type === 'file' && c.st.size === 0));
      case '-user': {
        const v = this.arg(p);
        const uid = userByName(sys.fs, v)?.uid ?? (/^\d+$/.test(v) ? Number(v) : undefined);
        if (uid === undefined) throw new FindError(`‘${v}’ is not the name of a known user`);
        return test((c) => c.st.uid === uid);
      }
      case '-group': {
        const v = this.arg(p);
        const gid = groupByName(sys.fs, v)?.gid ?? (/^\d+$/.test(v) ? Number(v) : undefined);
        if (gid === undefined) throw new FindError(`‘${v}’ is not the name of an existing group`);
        return test((c) => c.st.gid === gid);
      }
      case '-size': {
        const v = this.arg(p);
        const m = /^([-+]?)(\d+)([bcwkMG]?)$/.exec(v);
        if (!m) throw new FindError(`invalid -size type \`${v}'`);
        const unit = { b: 512, c: 1, w: 2, k: 1024, M: 1048576, G: 1073741824, '': 512 }[m[3]]!;
        const n = Number(m[2]);
        return test((c) => {
          const size = Math.ceil(c.st.size / unit);
          return m[1] === '+' ? size > n : m[1] === '-' ? size < n : size === n;
        });
      }
      case '-perm': {
        const v = this.arg(p);
        const m = /^([-/]?)([0-7]+)$/.exec(v);
        if (!m) throw new FindError(`invalid mode ‘${v}’`);
        const mode = parseInt(m[2], 8);
        return test((c) => {
          const bits = c.st.mode & 0o7777;
          return m[1] === '-' ? (bits & mode) === mode : m[1] === '/' ? mode === 0 || (bits & mode) !== 0 : bits === mode;
        });
      }
      case '-newer': {
        const v = this.arg(p);
        let ref: number;
        try {
          ref = sys.fs.stat(v).mtimeMs;
        } catch (err) {
          if (!isSysError(err)) throw err;
          throw new FindError(`${quoteLocale(sys.env, v)}: ${errorText(err)}`);
        }
        return test((c) => c.st.mtimeMs > ref);
      }
      case '-true':
        return test(() => true);
      case '-false':
        return test(() => false);
      case '-print':
      case '-print0': {
        this.hasAction = true;
        const end = p === '-print' ? '\n' : '\0';
        return test((c) => {
          this.out += c.path + end;
          return true;
        });
      }
      case '-delete':
        this.hasAction = true;
        this.depthFirst = true;
        return test(async (c) => {
          try {
            if (c.st.type === 'dir') sys.fs.rmdir(c.path);
            else sys.fs.unlink(c.path);
            return true;
          } catch (err) {
            if (!isSysError(err)) throw err;
            await this.warn(`cannot delete ${quoteLocale(sys.env, c.path)}: ${errorText(err)}`);
            this.status = 1;
            return false;
          }
        });
      case '-exec':
      case '-ok': {
        this.hasAction = true;
        const start = this.i + 1;
        let end = start;
        while (end < this.args.length && this.args[end] !== ';' && !(this.args[end] === '+' && this.args[end - 1] === '{}')) end++;
        if (end >= this.args.length || end === start) throw new FindError(`missing argument to \`${p}'`);
        const argv = this.args.slice(start, end);
        const batch = this.args[end] === '+';
        this.i = end + 1;
        if (batch) {
          const job = { argv: argv.slice(0, -1), paths: [] as string[] };
          this.pending.push(job);
          return { kind: 'test', run: (c) => (job.paths.push(c.path), true) };
        }
        return {
          kind: 'test',
          run: async (c) => {
            await this.flush();
            const r = await runCommand(sys, argv.map((a) => a.split('{}').join(c.path)));
            if ('error' in r) {
              await this.warn(`‘${argv[0]}’: ${r.message}`);
              this.status = 1;
              return false;
            }
            return r.status.status === 0;
          },
        };
      }
      default:
        if (p.startsWith('-')) throw new FindError(`unknown predicate \`${p}'`);
        throw new FindError(`paths must precede expression: \`${p}'`);
    }
  }

  depthFirst = false;

  async runBatches(): Promise<void> {
    for (const job of this.pending) {
      if (job.paths.length === 0) continue;
      await this.flush();
      const r = await runCommand(this.sys, [...job.argv, ...job.paths]);
      if ('error' in r) {
        await this.warn(`‘${job.argv[0]}’: ${r.message}`);
        this.status = 1;
      } else if (r.status.status !== 0) this.status = 1;
    }
  }

  async eval(n: Node, c: Ctx): Promise<boolean> {
    switch (n.kind) {
      case 'and':
        return (await this.eval(n.left, c)) && this.eval(n.right, c);
      case 'or':
        return (await this.eval(n.left, c)) || this.eval(n.right, c);
      case 'not':
        return !(await this.eval(n.expr, c));
      default:
        return n.run(c);
    }
  }

  async walk(path: string, depth: number, expr: Node | null, count: { n: number }): Promise<void> {
    const sys = this.sys;
    let st: Stat;
    try {
      st = depth === 0 ? sys.fs.stat(path) : sys.fs.lstat(path);
    } catch (err) {
      if (!isSysError(err)) throw err;
      await this.warn(`${quoteLocale(sys.env, path)}: ${errorText(err)}`);
      this.status = 1;
      return;
    }
    if (++count.n % 256 === 0) {
      sys.cpu(2);
      await sys.yield();
    }
    const slash = path.lastIndexOf('/', path.length - 2);
    const ctx: Ctx = { path, name: depth === 0 ? path.replace(/\/+$/, '').slice(slash + 1) || '/' : path.slice(slash + 1), st, depth };
    const visit = async (): Promise<void> => {
      if (depth < this.minDepth) return;
      const ok = expr ? await this.eval(expr, ctx) : true;
      if (ok && !this.hasAction) this.out += `${path}\n`;
      if (this.out.length > 8192) await this.flush();
    };
    if (!this.depthFirst) await visit();
    if (st.type === 'dir' && depth < this.maxDepth) {
      let names: string[] = [];
      try {
        names = sys.fs.readdir(path).sort();
      } catch (err) {
        if (!isSysError(err)) throw err;
        await this.warn(`${quoteLocale(sys.env, path)}: ${errorText(err)}`);
        this.status = 1;
      }
      for (const n of names) await this.walk(joinPath(path, n), depth + 1, expr, count);
    }
    if (this.depthFirst) await visit();
  }
}

export const find: Program = async (sys) => {
  const args = sys.argv.slice(1);
  if (args[0] === '--help' || args[0] === '--version') {
    await sys.write(
      1,
      args[0] === '--version'
        ? 'find (GNU findutils) 4.9.0\nCopyright (C) 2022 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n\nWritten by Eric B. Decker, James Youngman, and Kevin Dalley.\n'
        : 'Usage: find [-H] [-L] [-P] [-Olevel] [-D debugopts] [path...] [expression]\n\ndefault path is the current directory; default expression is -print\nexpression may consist of: operators, options, tests, and actions.\n\nOperators (decreasing precedence; -and is implicit where no others are given):\n      ( EXPR )   ! EXPR   -not EXPR   EXPR1 -a EXPR2   EXPR1 -and EXPR2\n      EXPR1 -o EXPR2   EXPR1 -or EXPR2\n\nNormal options (always true, specified before other expressions):\n      -maxdepth LEVELS -mindepth LEVELS\n\nTests (N can be +N or -N or N):\n      -empty -group NAME -iname PATTERN -name PATTERN -newer FILE\n      -path PATTERN -perm [-/]MODE -size N[bcwkMG] -type [bcdpfls] -user NAME\n\nActions:\n      -delete -print0 -print -exec COMMAND ; -exec COMMAND {} +\n',
    );
    return 0;
  }
  let split = args.findIndex((a) => a.startsWith('-') || a === '(' || a === '!');
  if (split < 0) split = args.length;
  const paths = args.slice(0, split);
  const f = new Find(sys);
  let expr: Node | null;
  try {
    expr = f.parse(args.slice(split));
  } catch (err) {
    if (!(err instanceof FindError)) throw err;
    await sys.write(2, `find: ${err.message}\n`);
    return 1;
  }
  const count = { n: 0 };
  for (const p of paths.length ? paths : ['.']) await f.walk(p, 0, expr, count);
  await f.flush();
  await f.runBatches();
  return f.status;
};
