/**
 * A git repository on the simulated disk: finding it from the working directory as git does, its refs and
 * HEAD, its config (the user's ~/.gitconfig under the repository's .git/config), the index, and the identity
 * and time a commit is stamped with (the kernel's clock, or GIT_AUTHOR_DATE/GIT_COMMITTER_DATE).
 */
import type { Fs } from '../../engine/kernel/fsTypes.js';
import type { Sys } from '../../engine/kernel/sys.js';
import { Output } from '../lib/output.js';
import { userById } from '../lib/users.js';
import { parseConfig, type ConfigItem } from './configfile.js';
import { encodeIndex, IndexError, parseIndex, type IndexEntry } from './dircache.js';
import { ObjectDb, type Signature } from './objects.js';

/** A `fatal:` (exit 128 unless said) or another message git ends a command with. */
export class GitFatal extends Error {
  constructor(message: string, readonly code = 128, readonly prefix = 'fatal: ') {
    super(message);
  }
}

/** What every subcommand gets: the process, buffered stdout/stderr and whether stdout takes colour. */
export interface Git {
  readonly sys: Sys;
  readonly out: Output;
  readonly err: Output;
  readonly color: boolean;
  /** git's version as its package says it (`2.43.0`). */
  readonly version: string;
}

export function makeGit(sys: Sys, version: string): Git {
  return { sys, out: new Output(sys, 1), err: new Output(sys, 2), color: sys.isatty(1) && sys.env.TERM !== 'dumb', version };
}

export function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

export function absolute(sys: Sys, path: string): string {
  return normalize(path.startsWith('/') ? path : `${sys.cwd()}/${path}`);
}

/** `from` → `to` as a relative path (`../b.txt`), as git prints paths against the working directory. */
export function relative(from: string, to: string): string {
  const a = from === '/' ? [] : from.slice(1).split('/');
  const b = to === '/' ? [] : to.slice(1).split('/');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const up = a.slice(i).map(() => '..');
  return [...up, ...b.slice(i)].join('/') || '.';
}

export function home(sys: Sys): string {
  return sys.env.HOME ?? userById(sys.fs, sys.cred.uid)?.home ?? '/';
}

export function readGlobalConfig(sys: Sys): ConfigItem[] {
  const path = `${home(sys)}/.gitconfig`;
  try {
    return parseConfig(sys.fs.readText(path));
  } catch {
    return [];
  }
}

export class Repo {
  readonly objects: ObjectDb;
  private cfg: ConfigItem[] | undefined;

  constructor(readonly sys: Sys, readonly gitDir: string, readonly workTree: string) {
    this.objects = new ObjectDb(sys.fs, `${gitDir}/objects`);
  }

  get fs(): Fs {
    return this.sys.fs;
  }

  /** Walks up from the working directory to the first directory holding a `.git` repository. */
  static find(sys: Sys): Repo | undefined {
    let dir = normalize(sys.cwd());
    for (;;) {
      const git = dir === '/' ? '/.git' : `${dir}/.git`;
      if (sys.fs.exists(`${git}/HEAD`) && sys.fs.exists(`${git}/objects`)) return new Repo(sys, git, dir);
      if (dir === '/') return undefined;
      dir = dir.slice(0, dir.lastIndexOf('/')) || '/';
    }
  }

  static require(sys: Sys): Repo {
    const r = Repo.find(sys);
    if (!r) throw new GitFatal('not a git repository (or any of the parent directories): .git');
    return r;
  }

  read(rel: string): string | undefined {
    try {
      return this.fs.readText(`${this.gitDir}/${rel}`);
    } catch {
      return undefined;
    }
  }

  write(rel: string, data: string | Uint8Array): void {
    const path = `${this.gitDir}/${rel}`;
    const dir = path.slice(0, path.lastIndexOf('/'));
    if (!this.fs.exists(dir)) this.fs.mkdir(dir, { recursive: true, mode: 0o755 });
    this.fs.writeFile(path, data);
  }

  // ---------------------------------------------------------------- config

  config(): ConfigItem[] {
    this.cfg ??= [...readGlobalConfig(this.sys), ...parseConfig(this.read('config') ?? '')];
    return this.cfg;
  }

  /** The last value of `key` (later files and lines win, as in git). */
  get(key: string): string | undefined {
    const k = key.toLowerCase();
    let v: string | undefined;
    for (const item of this.config()) if (item.key.toLowerCase() === k) v = item.value;
    return v;
  }

  // ---------------------------------------------------------------- refs

  /** The branch HEAD names (`refs/heads/master`), or undefined when HEAD is detached. */
  headRef(): string | undefined {
    const head = (this.read('HEAD') ?? '').trim();
    return head.startsWith('ref: ') ? head.slice(5) : undefined;
  }

  /** The commit HEAD points at, or undefined on an unborn branch. */
  headId(): string | undefined {
    const head = (this.read('HEAD') ?? '').trim();
    return head.startsWith('ref: ') ? this.refId(head.slice(5)) : head || undefined;
  }

  refId(ref: string): string | undefined {
    const loose = this.read(ref)?.trim();
    if (loose) return loose;
    for (const line of (this.read('packed-refs') ?? '').split('\n')) {
      const m = /^([0-9a-f]{40}) (.+)$/.exec(line);
      if (m && m[2] === ref) return m[1];
    }
    return undefined;
  }

  /** Branch names, sorted as git lists them. */
  branches(): string[] {
    const out = new Set<string>();
    const walk = (dir: string, prefix: string): void => {
      let names: string[];
      try {
        names = this.fs.readdir(dir);
      } catch {
        return;
      }
      for (const n of names) {
        const st = this.fs.stat(`${dir}/${n}`);
        if (st.type === 'dir') walk(`${dir}/${n}`, `${prefix}${n}/`);
        else out.add(`${prefix}${n}`);
      }
    };
    walk(`${this.gitDir}/refs/heads`, '');
    for (const line of (this.read('packed-refs') ?? '').split('\n')) {
      const m = /^[0-9a-f]{40} refs\/heads\/(.+)$/.exec(line);
      if (m) out.add(m[1]);
    }
    return [...out].sort();
  }

  /** Moves a ref and appends to its reflog, as git does with core.logAllRefUpdates. */
  updateRef(ref: string, id: string, who: Signature, message: string, alsoHead: boolean): void {
    const old = this.refId(ref) ?? '0'.repeat(40);
    this.write(ref, `${id}\n`);
    const line = `${old} ${id} ${who.name} <${who.email}> ${who.when} ${who.tz}\t${message}\n`;
    this.appendLog(`logs/${ref}`, line);
    if (alsoHead) this.appendLog('logs/HEAD', line);
  }

  appendLog(rel: string, line: string): void {
    const path = `${this.gitDir}/${rel}`;
    const dir = path.slice(0, path.lastIndexOf('/'));
    if (!this.fs.exists(dir)) this.fs.mkdir(dir, { recursive: true, mode: 0o755 });
    this.fs.writeFile(path, line, { append: true });
  }

  // ---------------------------------------------------------------- index

  readIndex(): IndexEntry[] {
    let data: Uint8Array;
    try {
      data = this.fs.readFile(`${this.gitDir}/index`);
    } catch {
      return [];
    }
    try {
      return parseIndex(data);
    } catch (err) {
      if (err instanceof IndexError) throw new GitFatal(err.message === 'index file corrupt' ? 'index file corrupt' : `${err.message}`);
      throw err;
    }
  }

  writeIndex(entries: readonly IndexEntry[]): void {
    this.fs.writeFile(`${this.gitDir}/index`, encodeIndex(entries));
  }

  /** A path inside the working tree, relative to its top (`src/a.txt`), or undefined outside it. */
  treePath(abs: string): string | undefined {
    if (abs === this.workTree) return '';
    const top = this.workTree === '/' ? '/' : `${this.workTree}/`;
    return abs.startsWith(top) ? abs.slice(top.length) : undefined;
  }

  /** How git shows a tree path to the user: relative to the working directory. */
  display(path: string): string {
    return relative(normalize(this.sys.cwd()), normalize(`${this.workTree}/${path}`));
  }
}

// ---------------------------------------------------------------- identity and time

const IDENTITY_HELP = `Author identity unknown

*** Please tell me who you are.

Run

  git config --global user.email "you@example.com"
  git config --global user.name "Your Name"

to set your account's default identity.
Omit --global to set the identity only in this repository.

`;

/** Parses a date git takes in GIT_*_DATE: `<seconds> <tz>`, `@<seconds>`, or ISO 8601 in UTC. */
export function parseGitDate(s: string): number | undefined {
  let m = /^@?(\d+)(?:\s+[+-]\d{4})?$/.exec(s.trim());
  if (m) return Number(m[1]);
  m = /^(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d):(\d\d)(?:\s*(?:Z|\+0000|\+00:00))?$/.exec(s.trim());
  if (m) return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) / 1000;
  return undefined;
}

/** The author or committer of a commit made now; throws git's identity error when no e-mail is known. */
export function identity(repo: Repo, role: 'AUTHOR' | 'COMMITTER', strict = true): Signature {
  const env = repo.sys.env;
  const pw = userById(repo.fs, repo.sys.cred.uid);
  const host = repo.sys.hostname();
  const guessed = `${pw?.name ?? 'root'}@${host.includes('.') ? host : `${host}.(none)`}`;
  const email = env[`GIT_${role}_EMAIL`] ?? repo.get('user.email') ?? env.EMAIL ?? (strict ? undefined : guessed);
  if (email === undefined) {
    throw new GitFatal(`unable to auto-detect email address (got '${guessed}')`, 128, `${IDENTITY_HELP}fatal: `);
  }
  const name = env[`GIT_${role}_NAME`] ?? repo.get('user.name') ?? (pw?.gecos.split(',')[0] || pw?.name || '');
  if (name === '') throw new GitFatal(`empty ident name (for <${email}>) not allowed`);
  const dateEnv = env[`GIT_${role}_DATE`];
  let when = Math.floor(repo.sys.now() / 1000);
  if (dateEnv !== undefined) {
    const parsed = parseGitDate(dateEnv);
    if (parsed === undefined) throw new GitFatal(`invalid date format: ${dateEnv} (dockersim reads only '<seconds> +0000' and ISO 8601 in UTC)`);
    when = parsed;
  }
  return { name, email, when, tz: '+0000' };
}

/** One line and exit 1 for what a subcommand does not model: `git commit: option --amend is not simulated…`. */
export function unmodelled(cmd: string, what: string): GitFatal {
  return new GitFatal(`git ${cmd}: ${what} is not simulated in dockersim`, 1, '');
}

/** advise()'s lines: `hint: …` in yellow when stderr is a terminal (color.advice=auto). */
export function advice(git: Git, text: string): string {
  if (!git.sys.isatty(2) || git.sys.env.TERM === 'dumb') return text;
  return text.replace(/^(hint: .*)$/gm, '\x1b[33m$1\x1b[m');
}
