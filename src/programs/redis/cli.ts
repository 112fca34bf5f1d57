/**
 * redis-cli: one-shot (`redis-cli set k v`) and the interactive prompt (`127.0.0.1:6379> `, `[1]` after
 * SELECT, `not connected> ` without a server). Replies are printed as cliFormatReplyTTY does on a terminal and
 * as cliFormatReplyRaw does otherwise (`--raw`, or stdout not a tty). The prompt's line editor is a small one
 * (typing, Backspace, Ctrl-U, Ctrl-C, Ctrl-D, Up/Down history); linenoise's hints and Tab completion are not
 * simulated.
 */
import { isSysError } from '../../engine/kernel/errno.js';
import { isProcessEnd } from '../../engine/kernel/process.js';
import type { Program, Sys } from '../../engine/kernel/sys.js';
import { GAI_MESSAGES, getaddrinfo } from '../lib/resolver.js';
import type { RedisBuild } from './builds.js';
import { RespReader, encodeCommand, repr, splitArgs, type Reply } from './resp.js';

interface CliOptions {
  host: string;
  port: number;
  db: number;
  auth: string | undefined;
  raw: boolean | undefined;
  stdinLast: boolean;
  command: string[];
}

export function formatTty(r: Reply, prefix = ''): string {
  switch (r.t) {
    case 'error':
      return `(error) ${r.s}\n`;
    case 'status':
      return `${r.s}\n`;
    case 'int':
      return `(integer) ${r.n}\n`;
    case 'bulk':
      return r.s === null ? '(nil)\n' : `${repr(r.s)}\n`;
    case 'array': {
      if (r.items === null) return '(nil)\n';
      if (r.items.length === 0) return '(empty array)\n';
      const width = String(r.items.length).length;
      const inner = prefix + ' '.repeat(width + 2);
      let out = '';
      r.items.forEach((item, i) => {
        out += `${i === 0 ? '' : prefix}${String(i + 1).padStart(width)}) `;
        out += formatTty(item, inner);
      });
      return out;
    }
  }
}

export function formatRaw(r: Reply): string {
  switch (r.t) {
    case 'error':
      return `${r.s}\n`;
    case 'status':
      return r.s;
    case 'int':
      return String(r.n);
    case 'bulk':
      return r.s ?? '';
    case 'array':
      return (r.items ?? []).map(formatRaw).join('\n');
  }
}

function usage(build: RedisBuild): string {
  return `redis-cli ${build.version}\n\nUsage: redis-cli [OPTIONS] [cmd [arg [arg ...]]]\n  -h <hostname>      Server hostname (default: 127.0.0.1).\n  -p <port>          Server port (default: 6379).\n  -a <password>      Password to use when connecting to the server.\n  -n <db>            Database number.\n  -x                 Read last argument from STDIN.\n  --raw              Use raw formatting for replies (default when STDOUT is\n                     not a tty).\n  --no-raw           Force formatted output even when STDOUT is not a tty.\n  --no-auth-warning  Don't show warning message when using password on command\n                     line interface.\n  --help             Output this help and exit.\n  --version          Output version and exit.\n\ndockersim: the other options of redis-cli are not simulated.\n`;
}

function parseArgs(argv: readonly string[]): CliOptions | { exit: number; out?: string; err?: string } {
  const o: CliOptions = { host: '127.0.0.1', port: 6379, db: 0, auth: undefined, raw: undefined, stdinLast: false, command: [] };
  let noWarn = false;
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i];
    const last = i === argv.length - 1;
    if (a === '-h' && !last) o.host = argv[++i];
    else if (a === '-p' && !last) o.port = Number.parseInt(argv[++i], 10) || 0;
    else if (a === '-n' && !last) o.db = Number.parseInt(argv[++i], 10) || 0;
    else if ((a === '-a' || a === '--pass') && !last) o.auth = argv[++i];
    else if (a === '--raw') o.raw = true;
    else if (a === '--no-raw') o.raw = false;
    else if (a === '-x') o.stdinLast = true;
    else if (a === '--no-auth-warning') noWarn = true;
    else if (a === '-v' || a === '--version') return { exit: 0, out: 'version' };
    else if (a === '--help') return { exit: 0, out: 'help' };
    else if (a.startsWith('-') && a !== '-') {
      if (['-s', '-u', '-r', '-i', '-e', '-c', '-3', '-2', '-X', '-D', '-d', '--user', '--tls', '--stat', '--bigkeys', '--memkeys', '--scan', '--pipe', '--rdb', '--eval', '--latency', '--csv', '--json', '--cluster', '--hotkeys', '--verbose', '--askpass', '--quoted-input', '--quoted-json', '--show-pushes', '--replica', '--functions-rdb', '--intrinsic-latency', '--lru-test', '--latency-history', '--latency-dist', '--ldb', '--ldb-sync-mode', '--pattern', '--count', '--quoted-pattern', '--insecure', '--cacert', '--cacertdir', '--cert', '--key', '--sni', '--tls-ciphers', '--tls-ciphersuites', '--pipe-timeout', '--no-auth-warning-x'].includes(a)) {
        return { exit: 1, err: `dockersim: redis-cli ${a} is not simulated\n` };
      }
      return { exit: 1, err: `Unrecognized option or bad number of args for: '${a}'\n` };
    } else break;
  }
  o.command = argv.slice(i);
  if (o.auth !== undefined && !noWarn) return { ...o, warn: true } as CliOptions & { warn: boolean };
  return o;
}

class Connection {
  private readonly reader = new RespReader();
  constructor(private readonly sys: Sys, readonly fd: number) {}

  /** Sends one command and waits for its reply; null when the server closed the connection. */
  async call(args: readonly string[]): Promise<Reply | null> {
    try {
      await this.sys.write(this.fd, encodeCommand(args));
    } catch (e) {
      if (isProcessEnd(e) || !isSysError(e)) throw e;
      return null;
    }
    for (;;) {
      const r = this.reader.reply();
      if (r) return r;
      let chunk: string | null;
      try {
        chunk = await this.sys.read(this.fd, 65536);
      } catch (e) {
        if (isProcessEnd(e) || !isSysError(e)) throw e;
        return null;
      }
      if (chunk === null) return null;
      this.reader.push(chunk);
    }
  }

  close(): void {
    try {
      this.sys.close(this.fd);
    } catch (e) {
      if (isProcessEnd(e) || !isSysError(e)) throw e;
    }
  }
}

/** cliConnect: connect, AUTH, SELECT; prints hiredis's error and returns null on failure. */
async function connect(sys: Sys, o: CliOptions, db: number, quiet = false): Promise<Connection | null> {
  const fail = async (why: string): Promise<null> => {
    if (!quiet) await sys.write(2, `Could not connect to Redis at ${o.host}:${o.port}: ${why}\n`);
    return null;
  };
  const res = await getaddrinfo(sys, o.host);
  if (!res.ok) return fail(GAI_MESSAGES[res.error]);
  let fd: number;
  try {
    fd = sys.connect(`tcp://${res.addresses[0]}:${o.port}`);
  } catch (e) {
    if (isProcessEnd(e) || !isSysError(e)) throw e;
    return fail(e.code === 'ECONNREFUSED' ? 'Connection refused' : e.code === 'EHOSTUNREACH' ? 'No route to host' : e.code === 'ETIMEDOUT' ? 'Connection timed out' : 'Connection refused');
  }
  const c = new Connection(sys, fd);
  if (o.auth !== undefined) {
    const r = await c.call(['AUTH', o.auth]);
    if (r?.t === 'error') {
      await sys.write(2, `AUTH failed: ${r.s}\n`);
      c.close();
      return null;
    }
  }
  if (db !== 0) {
    const r = await c.call(['SELECT', String(db)]);
    if (r?.t === 'error') {
      await sys.write(2, `SELECT ${db} failed: ${r.s}\n`);
      c.close();
      return null;
    }
  }
  return c;
}

/** redis-cli asks INFO, CLIENT LIST… for raw strings even on a terminal (their text has its own layout). */
function wantsVerbatim(args: readonly string[]): boolean {
  const c = args[0].toLowerCase();
  const s = args[1]?.toLowerCase();
  return c === 'info' || c === 'lolwut' || (c === 'client' && (s === 'list' || s === 'info')) || (c === 'memory' && (s === 'doctor' || s === 'malloc-stats'));
}

export function render(reply: Reply, args: readonly string[], raw: boolean): string {
  if (wantsVerbatim(args) && reply.t === 'bulk') return formatRaw(reply);
  return raw ? `${formatRaw(reply)}\n` : formatTty(reply);
}

export function makeRedisCli(build: RedisBuild): Program {
  return async (sys: Sys) => {
    const parsed = parseArgs(sys.argv);
    if ('exit' in parsed) {
      if (parsed.out === 'version') await sys.write(1, `redis-cli ${build.version}\n`);
      if (parsed.out === 'help') await sys.write(1, usage(build));
      if (parsed.err) await sys.write(2, parsed.err);
      return parsed.exit;
    }
    const o = parsed;
    if ((o as { warn?: boolean }).warn) await sys.write(2, "Warning: Using a password with '-a' or '-u' option on the command line interface may not be safe.\n");
    const raw = o.raw ?? !sys.isatty(1);
    if (o.command.length > 0) {
      const args = [...o.command];
      if (o.stdinLast) args.push(await readAll(sys));
      const c = await connect(sys, o, o.db);
      if (!c) return 1;
      const reply = await c.call(args);
      if (reply === null) {
        if (args[0].toLowerCase() === 'shutdown') return 0;
        await sys.write(2, 'Error: Server closed the connection\n');
        return 1;
      }
      await sys.write(1, render(reply, args, raw));
      return 0;
    }
    return repl(sys, build, o, raw);
  };
}

async function readAll(sys: Sys): Promise<string> {
  let s = '';
  for (;;) {
    const chunk = await sys.read(0);
    if (chunk === null) return s;
    s += chunk;
  }
}

async function repl(sys: Sys, build: RedisBuild, o: CliOptions, raw: boolean): Promise<number> {
  let db = o.db;
  let conn = await connect(sys, o, db);
  const tty = sys.isatty(0);
  const editor = tty ? new LineEditor(sys) : null;
  const stdinLines = tty ? null : new LineSource(sys);
  for (;;) {
    const prompt = conn ? `${o.host}:${o.port}${db !== 0 ? `[${db}]` : ''}> ` : 'not connected> ';
    const line = editor ? await editor.read(prompt) : await stdinLines!.next();
    if (line === null) return 0;
    const args = splitArgs(line);
    if (args === null) {
      await sys.write(1, 'Invalid argument(s)\n');
      continue;
    }
    if (args.length === 0) continue;
    let repeat = 1;
    if (args.length > 1 && /^-?\d+$/.test(args[0])) {
      repeat = Number(args[0]);
      if (repeat <= 0) {
        await sys.write(1, 'Invalid redis-cli repeat command option value.\n');
        continue;
      }
      args.shift();
    }
    const name = args[0].toLowerCase();
    if (name === 'quit' || name === 'exit') return 0;
    if (name === 'clear' && args.length === 1) {
      await sys.write(1, '\x1b[H\x1b[2J');
      continue;
    }
    if (name === 'help' || name === '?') {
      await sys.write(1, args.length === 1 ? genericHelp(build) : 'dockersim: redis-cli\'s help on commands is not simulated\n');
      continue;
    }
    if (name === 'connect' && args.length === 3) {
      o.host = args[1];
      o.port = Number.parseInt(args[2], 10) || 0;
      conn?.close();
      conn = await connect(sys, o, db);
      continue;
    }
    for (let n = 0; n < repeat; n++) {
      if (!conn) {
        conn = await connect(sys, o, db);
        if (!conn) break;
      }
      const reply = await conn.call(args);
      if (reply === null) {
        conn.close();
        conn = null;
        if (name !== 'shutdown') await sys.write(2, 'Error: Server closed the connection\n');
        break;
      }
      if (name === 'select' && reply.t === 'status') db = Number(args[1]);
      await sys.write(1, render(reply, args, raw));
    }
  }
}

function genericHelp(build: RedisBuild): string {
  return `redis-cli ${build.version}\nTo get help about Redis commands type:\n      "help @<group>" to get a list of commands in <group>\n      "help <command>" for help on <command>\n      "help <tab>" to get a list of possible help topics\n      "quit" to exit\n\nTo set redis-cli preferences:\n      ":set hints" enable online hints\n      ":set nohints" disable online hints\nSet your preferences in ~/.redisclirc\n`;
}

/** Lines from a non-terminal stdin, as linenoise reads them without a tty (no prompt). */
class LineSource {
  private buf = '';
  private eof = false;
  constructor(private readonly sys: Sys) {}

  async next(): Promise<string | null> {
    for (;;) {
      const nl = this.buf.indexOf('\n');
      if (nl >= 0) {
        const line = this.buf.slice(0, nl);
        this.buf = this.buf.slice(nl + 1);
        return line;
      }
      if (this.eof) {
        if (this.buf === '') return null;
        const line = this.buf;
        this.buf = '';
        return line;
      }
      const chunk = await this.sys.read(0);
      if (chunk === null) this.eof = true;
      else this.buf += chunk;
    }
  }
}

/** A minimal linenoise: raw mode, echo by hand, history in memory. */
class LineEditor {
  private readonly history: string[] = [];
  private pending = '';
  constructor(private readonly sys: Sys) {}

  async read(prompt: string): Promise<string | null> {
    const saved = this.sys.tcgetattr(0);
    this.sys.tcsetattr(0, { icanon: false, echo: false, isig: false });
    try {
      await this.sys.write(1, prompt);
      let line = '';
      let hist = this.history.length;
      const redraw = async (): Promise<void> => this.sys.write(1, `\r${prompt}${line}\x1b[0K`);
      for (;;) {
        if (this.pending === '') {
          const chunk = await this.sys.read(0);
          if (chunk === null) return null;
          this.pending = chunk;
        }
        const esc = /^\x1b\[[0-9;]*([A-Za-z~])/.exec(this.pending);
        if (esc) {
          this.pending = this.pending.slice(esc[0].length);
          if (esc[1] !== 'A' && esc[1] !== 'B') continue;
          hist = esc[1] === 'A' ? Math.max(0, hist - 1) : Math.min(this.history.length, hist + 1);
          line = this.history[hist] ?? '';
          await redraw();
          continue;
        }
        const ch = this.pending[0];
        this.pending = this.pending.slice(1);
        if (ch === '\r' || ch === '\n') {
          await this.sys.write(1, '\n');
          if (line !== '') this.history.push(line);
          return line;
        }
        if (ch === '\x03') {
          await this.sys.write(1, '\n');
          return null;
        }
        if (ch === '\x04') {
          if (line === '') {
            await this.sys.write(1, '\n');
            return null;
          }
          continue;
        }
        if (ch === '\x7f' || ch === '\b') {
          if (line !== '') {
            line = line.slice(0, -1);
            await this.sys.write(1, '\b \b');
          }
          continue;
        }
        if (ch === '\x15') {
          line = '';
          await redraw();
          continue;
        }
        if (ch === '\x0c') {
          await this.sys.write(1, `\x1b[H\x1b[2J${prompt}${line}`);
          continue;
        }
        if (ch < ' ' || ch === '\x1b') continue;
        line += ch;
        await this.sys.write(1, ch);
      }
    } finally {
      this.sys.tcsetattr(0, saved);
    }
  }
}
