/**
 * nginx: the command line (-t, -s, -g, -c, -v, -V), then a master process that reads the configuration, binds
 * the listening sockets, writes the pid file and keeps worker processes running, answering SIGHUP (reload),
 * SIGTERM/SIGINT (fast stop), SIGQUIT (graceful stop) and SIGCHLD as nginx's master cycle does.
 */
import { isSysError } from '../../engine/kernel/errno.js';
import { isProcessEnd } from '../../engine/kernel/process.js';
import { SIGNALS, type Signal } from '../../engine/kernel/signals.js';
import type { Program, Sys } from '../../engine/kernel/sys.js';
import { groupByName, userByName } from '../lib/users.js';
import { BUILDS, type Build, type BuildName } from './builds.js';
import { ConfError, readConf } from './conf.js';
import { errnoText } from './errno.js';
import { ErrorLog, openLogFile, openLogs } from './log.js';
import { buildConfig, type Config, type Level } from './model.js';
import { LOG_VARIABLES, serveConnection, type Socket, type WorkerShared } from './worker.js';

interface Options {
  test: boolean;
  dump: boolean;
  quiet: boolean;
  signal: string | null;
  conf: string | null;
  prefix: string | null;
  errorLog: string | null;
  globals: string;
  version: 0 | 1 | 2;
  help: boolean;
}

function parseArgs(argv: readonly string[]): Options | string {
  const o: Options = { test: false, dump: false, quiet: false, signal: null, conf: null, prefix: null, errorLog: null, globals: '', version: 0, help: false };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('-')) return `invalid option: "${a}"`;
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      const value = (): string | null => {
        const rest = a.slice(j + 1);
        j = a.length;
        if (rest !== '') return rest;
        return i + 1 < argv.length ? argv[++i] : null;
      };
      switch (c) {
        case '?': case 'h': o.help = true; o.version = Math.max(o.version, 1) as 1; break;
        case 'v': o.version = Math.max(o.version, 1) as 1; break;
        case 'V': o.version = 2; break;
        case 't': o.test = true; break;
        case 'T': o.test = true; o.dump = true; break;
        case 'q': o.quiet = true; break;
        case 's': {
          const v = value();
          if (v === null) return 'option "-s" requires parameter';
          if (!['stop', 'quit', 'reopen', 'reload'].includes(v)) return `invalid option: "-s ${v}"`;
          o.signal = v;
          break;
        }
        case 'c': { const v = value(); if (v === null) return 'option "-c" requires file name'; o.conf = v; break; }
        case 'p': { const v = value(); if (v === null) return 'option "-p" requires directory name'; o.prefix = v.endsWith('/') ? v : `${v}/`; break; }
        case 'e': { const v = value(); if (v === null) return 'option "-e" requires file name'; o.errorLog = v; break; }
        case 'g': { const v = value(); if (v === null) return 'option "-g" requires parameter'; o.globals += v; break; }
        default: return `invalid option: "${c}"`;
      }
    }
  }
  return o;
}

function usage(b: Build): string {
  const errorDefault = b.errorLog === 'stderr' ? 'stderr' : b.errorLog;
  return `Usage: nginx [-?hvVtTq] [-s signal] [-p prefix]\n             [-e filename] [-c filename] [-g directives]\n\n` +
    'Options:\n  -?,-h         : this help\n  -v            : show version and exit\n' +
    '  -V            : show version and configure options then exit\n  -t            : test configuration and exit\n' +
    '  -T            : test configuration, dump it and exit\n  -q            : suppress non-error messages during configuration testing\n' +
    '  -s signal     : send signal to a master process: stop, quit, reopen, reload\n' +
    `  -p prefix     : set prefix path (default: ${b.prefix})\n  -e filename   : set error log file (default: ${errorDefault})\n` +
    `  -c filename   : set configuration file (default: ${b.conf})\n  -g directives : set global directives out of configuration file\n\n`;
}

const SIGNAL_OF: Readonly<Record<string, Signal>> = { stop: 'SIGTERM', quit: 'SIGQUIT', reopen: 'SIGUSR1', reload: 'SIGHUP' };

export function makeNginx(name: BuildName): Program {
  const build: Build = BUILDS[name];
  return async (sys: Sys) => {
    const o = parseArgs(sys.argv);
    if (typeof o === 'string') {
      await sys.write(2, `nginx: ${o}\n`);
      return 1;
    }
    if (o.version > 0) {
      let out = `nginx version: ${build.product}\n`;
      if (o.help) out += usage(build);
      else if (o.version === 2) {
        out += build.builtBy ? `${build.builtBy}\n` : '';
        out += build.builtWith ? `built with ${build.builtWith}\nTLS SNI support enabled\n` : '';
        out += `configure arguments: ${build.configure}\n`;
      }
      await sys.write(2, out);
      if (!o.test && !o.signal) return 0;
    }
    const prefix = o.prefix ?? build.prefix;
    const confPath = o.conf ? (o.conf.startsWith('/') ? o.conf : `${prefix}${o.conf}`) : build.conf;
    const opened = new Map<string, number>();
    const initial = o.errorLog ?? build.errorLog;
    const initialFd = openLogFile(sys, initial, opened);
    if (typeof initialFd === 'string') await sys.write(2, `nginx: [alert] could not open error log file: ${initialFd}\n`);
    const log = new ErrorLog(sys, [{ path: initial, level: 'notice', fd: typeof initialFd === 'number' ? initialFd : 2 }]);
    const failed = async (): Promise<number> => {
      if (o.test) await sys.write(2, `nginx: configuration file ${confPath} test failed\n`);
      return 1;
    };

    const loaded = await load(sys, build, confPath, o.globals, log);
    if (!loaded) return failed();
    const { config } = loaded;

    if (o.signal) return signalMaster(sys, config, o.signal, log);

    // ngx_init_cycle's order: the user directive as it is parsed, "syntax is ok", the events section, the pid
    // file (tested only), then the log files.
    const user = await workerUser(sys, build, config, log);
    if (user === null) return failed();
    if (o.test && !o.quiet) await sys.write(2, `nginx: the configuration file ${confPath} syntax is ok\n`);
    if (!config.hasEvents) {
      await log.write('emerg', 'no "events" section in configuration');
      return failed();
    }
    const pidErr = o.test ? testPidFile(sys, config.pid) : null;
    if (pidErr) {
      await log.write('emerg', pidErr);
      return failed();
    }
    const logs = openLogs(sys, config.errorLogs, opened);
    if (typeof logs === 'string') {
      await log.write('emerg', logs);
      return failed();
    }
    const access = openAccessLogs(sys, config, opened);
    if (typeof access === 'string') {
      await log.write('emerg', access);
      return failed();
    }
    if (o.test) {
      if (!o.quiet) await sys.write(2, `nginx: configuration file ${confPath} test is successful\n`);
      if (o.dump) await sys.write(1, loaded.dump);
      return 0;
    }
    log.targets = logs;
    await log.write('notice', 'using the "epoll" event method');
    const sockets = await bindAll(sys, config, new Map(), log);
    if (!sockets) return 1;
    const argv = [...sys.argv];
    const master = new Master(build, name, confPath, o.globals, user, argv);
    if (!config.daemon) return master.run(sys, config, sockets, opened, log);
    // daemon on: the master goes on in a child in its own session; the command returns at once.
    const fds: Record<number, number> = { 2: 2 };
    for (const fd of [...sockets.map((s) => s.fd), ...opened.values()]) fds[fd] = fd;
    sys.spawn({ program: (child) => master.run(child, config, sockets, opened, new ErrorLog(child, logs)), argv, fds, setsid: true, cwd: '/' });
    return 0;
  };
}

/** Reads and checks the configuration; reports a problem the way nginx does and returns null. */
async function load(sys: Sys, build: Build, confPath: string, globals: string, log: ErrorLog): Promise<{ config: Config; dump: string } | null> {
  try {
    const slash = confPath.lastIndexOf('/');
    const files: { path: string; text: string }[] = [];
    const tree = readConf(confPath, globals, { fs: sys.fs, prefix: confPath.slice(0, slash + 1), files });
    const config = buildConfig(tree, build);
    for (const [fname, f] of config.formats) {
      for (const m of f.matchAll(/\$(\w+)|\$\{(\w+)\}/g)) {
        const v = m[1] ?? m[2];
        if (!LOG_VARIABLES.has(v) && !v.startsWith('http_')) throw new ConfError(`unknown "${v}" variable`, null);
      }
      void fname;
    }
    const dump = files.map((f) => `# configuration file ${f.path}:\n${f.text}\n`).join('');
    return { config, dump };
  } catch (e) {
    if (!(e instanceof ConfError)) throw e;
    await log.write('emerg', e.text);
    return null;
  }
}

interface WorkerUser {
  readonly uid: number;
  readonly gid: number;
}

/** The `user` directive: honoured only for a root master (nginx warns otherwise). */
async function workerUser(sys: Sys, build: Build, config: Config, log: ErrorLog): Promise<WorkerUser | null | 'same'> {
  if (sys.euid !== 0) {
    if (config.user) {
      await log.write('warn', `the "user" directive makes sense only if the master process runs with super-user privileges, ignored in ${config.user.where}`);
    }
    return 'same';
  }
  const name = config.user?.name ?? build.user;
  const group = config.user?.group ?? (build.user === 'nobody' ? 'nogroup' : build.user);
  const where = config.user ? ` in ${config.user.where}` : '';
  const pw = userByName(sys.fs, name);
  if (!pw) {
    await log.write('emerg', `getpwnam("${name}") failed${where}`);
    return null;
  }
  const gr = groupByName(sys.fs, group);
  if (!gr) {
    await log.write('emerg', `getgrnam("${group}") failed${where}`);
    return null;
  }
  return { uid: pw.uid, gid: gr.gid };
}

function openAccessLogs(sys: Sys, config: Config, opened: Map<string, number>): string | null {
  for (const s of config.servers) {
    const all = [s.settings, ...s.locations.map((l) => l.settings)];
    for (const st of all) {
      for (const l of st.accessLogs ?? []) {
        const fd = openLogFile(sys, l.path, opened);
        if (typeof fd === 'string') return fd;
      }
    }
  }
  return null;
}

function testPidFile(sys: Sys, path: string): string | null {
  try {
    const fd = sys.open(path, 'a', 0o644);
    sys.close(fd);
    return null;
  } catch (e) {
    if (!isSysError(e)) throw e;
    return `open() "${path}" failed (${errnoText(e.code)})`;
  }
}


/**
 * Binds every address the servers listen on, keeping the sockets of `old` that are still wanted (a reload).
 * A busy port is retried five times, half a second apart, as ngx_open_listening_sockets does.
 */
async function bindAll(sys: Sys, config: Config, old: Map<string, number>, log: ErrorLog): Promise<Socket[] | null> {
  const groups = new Map<string, { addr: string; port: number; servers: Config['servers'][number][] }>();
  for (const s of config.servers) {
    for (const l of s.listens) {
      const key = `${l.addr}:${l.port}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { addr: l.addr, port: l.port, servers: [] }));
      if (!g.servers.includes(s)) g.servers.push(s);
    }
  }
  const out: Socket[] = [];
  for (const [key, g] of groups) {
    const have = old.get(key);
    if (have !== undefined) {
      out.push({ fd: have, ...g });
      continue;
    }
    let fd: number | null = null;
    for (let tries = 0; tries < 5 && fd === null; tries++) {
      try {
        // nginx sets IPV6_V6ONLY on its IPv6 sockets (ipv6only=on), so [::]:80 lives beside 0.0.0.0:80.
        // NGX_LISTEN_BACKLOG is 511 on Linux: ss shows it as the listener's Send-Q.
        fd = sys.listen(`tcp://${key}`, { v6only: g.addr.startsWith('['), backlog: 511 });
      } catch (e) {
        if (!isSysError(e)) throw e;
        await log.write('emerg', `bind() to ${key} failed (${errnoText(e.code)})`);
        if (e.code !== 'EADDRINUSE') return null;
        await sys.sleep(500);
      }
    }
    if (fd === null) {
      await log.write('emerg', 'still could not bind()');
      return null;
    }
    out.push({ fd, ...g });
  }
  return out;
}

async function signalMaster(sys: Sys, config: Config, name: string, log: ErrorLog): Promise<number> {
  await log.write('notice', 'signal process started');
  let text: string;
  try {
    text = sys.fs.readText(config.pid);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await log.write('error', `open() "${config.pid}" failed (${errnoText(e.code)})`);
    return 1;
  }
  const raw = text.replace(/\n$/, '');
  if (!/^\d+$/.test(raw)) {
    await log.write('error', `invalid PID number "${raw}" in "${config.pid}"`);
    return 1;
  }
  const sig = SIGNAL_OF[name];
  try {
    sys.kill(Number(raw), sig);
  } catch (e) {
    if (isProcessEnd(e) || !isSysError(e)) throw e;
    await log.write('alert', `kill(${raw}, ${SIGNALS[sig]}) failed (${errnoText(e.code)})`);
    return 1;
  }
  return 0;
}

/** Reads /proc/cpuinfo as sysconf(_SC_NPROCESSORS_ONLN) does: `worker_processes auto`. */
function cpus(sys: Sys): number {
  try {
    return Math.max(1, (sys.fs.readText('/proc/cpuinfo').match(/^processor\s*:/gm) ?? []).length);
  } catch {
    return 1;
  }
}

interface Generation {
  /** ngx_temp_number: each cycle's shared memory starts it at 0. */
  readonly temp: { n: number };
  readonly config: Config;
  readonly sockets: Socket[];
  readonly log: ErrorLog;
  readonly workers: Set<number>;
}

class Master {
  private readonly flags = new Set<Signal>();
  private readonly counter = { n: 0 };
  private gen!: Generation;
  private exiting: 'fast' | 'graceful' | null = null;
  /** Workers of every generation still alive. */
  private readonly live = new Set<number>();

  constructor(
    private readonly build: Build,
    private readonly buildName: BuildName,
    private readonly confPath: string,
    private readonly globals: string,
    private readonly user: WorkerUser | 'same',
    private readonly argv: readonly string[],
  ) {}

  async run(sys: Sys, config: Config, sockets: Socket[], opened: Map<string, number>, log: ErrorLog): Promise<number> {
    sys.setproctitle(`nginx: master process ${this.argv.join(' ')}`);
    log.console = false;
    try {
      sys.fs.writeFile(config.pid, `${sys.pid}\n`);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await log.write('emerg', `open() "${config.pid}" failed (${errnoText(e.code)})`);
      return 1;
    }
    for (const sig of ['SIGHUP', 'SIGTERM', 'SIGINT', 'SIGQUIT', 'SIGCHLD', 'SIGUSR1', 'SIGWINCH', 'SIGUSR2'] as const) {
      sys.signal(sig, (s) => {
        this.flags.add(s);
      });
    }
    sys.signal('SIGPIPE', 'ignore');
    const u = sys.uname();
    await log.write('notice', this.build.product);
    if (this.build.builtBy) await log.write('notice', this.build.builtBy);
    await log.write('notice', `OS: ${u.sysname} ${u.release}`);
    const nofile = sys.getrlimit('nofile');
    const lim = (n: number): string => (Number.isFinite(n) ? String(n) : 'infinity');
    await log.write('notice', `getrlimit(RLIMIT_NOFILE): ${lim(nofile.soft)}:${lim(nofile.hard)}`);
    this.gen = { temp: { n: 0 }, config, sockets, log, workers: new Set() };
    void opened;
    await this.startWorkers(sys, this.gen, opened);
    for (;;) {
      if (this.flags.size === 0) await sys.pause();
      const pending = [...this.flags];
      this.flags.clear();
      for (const sig of pending) await this.onSignal(sys, sig, opened);
      if (this.exiting && this.live.size === 0) {
        await this.gen.log.write('notice', 'exit');
        try {
          sys.fs.unlink(this.gen.config.pid);
        } catch (e) {
          if (!isSysError(e)) throw e;
        }
        return 0;
      }
    }
  }

  private async onSignal(sys: Sys, sig: Signal, opened: Map<string, number>): Promise<void> {
    const log = this.gen.log;
    const n = SIGNALS[sig];
    switch (sig) {
      case 'SIGCHLD':
        for (;;) {
          let st;
          try {
            st = await sys.wait(undefined, { nohang: true });
          } catch (e) {
            if (!isSysError(e)) throw e;
            break;
          }
          if (!st) break;
          await log.write('notice', `signal ${n} (SIGCHLD) received from ${st.pid}`);
          const how = st.signal ? `exited on signal ${SIGNALS[st.signal]}` : `exited with code ${st.code ?? 0}`;
          await log.write(st.signal && st.signal !== 'SIGKILL' ? 'alert' : 'notice', `worker process ${st.pid} ${how}`);
          this.live.delete(st.pid);
          const inGen = this.gen.workers.delete(st.pid);
          // A worker that died under a running generation is replaced, as ngx_reap_children respawns it.
          if (inGen && !this.exiting && st.code !== 2) this.spawnWorker(sys, this.gen, opened);
        }
        return;
      case 'SIGTERM': case 'SIGINT':
        await log.write('notice', `signal ${n} (${sig}) received, exiting`);
        this.exiting = 'fast';
        this.signalWorkers(sys, 'SIGTERM');
        return;
      case 'SIGQUIT':
        await log.write('notice', `signal ${n} (SIGQUIT) received, shutting down`);
        this.exiting ??= 'graceful';
        this.signalWorkers(sys, 'SIGQUIT');
        return;
      case 'SIGHUP':
        await log.write('notice', `signal ${n} (SIGHUP) received, reconfiguring`);
        await this.reload(sys, opened);
        return;
      case 'SIGUSR1':
        await log.write('notice', `signal ${n} (SIGUSR1) received, reopening logs`);
        await log.write('notice', 'reopening logs');
        return;
      default:
        await log.write('notice', `signal ${n} (${sig}) received`);
    }
  }

  private signalWorkers(sys: Sys, sig: Signal): void {
    for (const pid of this.live) {
      try {
        sys.kill(pid, sig);
      } catch (e) {
        if (isProcessEnd(e) || !isSysError(e)) throw e;
      }
    }
  }

  private async reload(sys: Sys, opened: Map<string, number>): Promise<void> {
    const old = this.gen;
    await old.log.write('notice', 'reconfiguring');
    const loaded = await load(sys, this.build, this.confPath, this.globals, old.log);
    if (!loaded) return;
    const config = loaded.config;
    const logs = openLogs(sys, config.errorLogs, opened);
    const access = openAccessLogs(sys, config, opened);
    const problem = !config.hasEvents ? 'no "events" section in configuration' : typeof logs === 'string' ? logs : access;
    if (problem !== null || typeof logs === 'string') {
      await old.log.write('emerg', problem ?? '');
      return;
    }
    const log = new ErrorLog(sys, logs);
    log.console = false;
    await log.write('notice', 'using the "epoll" event method');
    const keep = new Map(old.sockets.map((s) => [`${s.addr}:${s.port}`, s.fd]));
    const sockets = await bindAll(sys, config, keep, log);
    if (!sockets) return;
    for (const s of old.sockets) if (!sockets.some((n) => n.fd === s.fd)) sys.close(s.fd);
    this.gen = { temp: { n: 0 }, config, sockets, log, workers: new Set() };
    await this.startWorkers(sys, this.gen, opened);
    for (const pid of old.workers) {
      try {
        sys.kill(pid, 'SIGQUIT');
      } catch (e) {
        if (isProcessEnd(e) || !isSysError(e)) throw e;
      }
    }
  }

  private async startWorkers(sys: Sys, gen: Generation, opened: Map<string, number>): Promise<void> {
    await gen.log.write('notice', 'start worker processes');
    const n = gen.config.workers ?? cpus(sys);
    for (let i = 0; i < n; i++) {
      const pid = this.spawnWorker(sys, gen, opened);
      await gen.log.write('notice', `start worker process ${pid}`);
    }
  }

  private spawnWorker(sys: Sys, gen: Generation, opened: Map<string, number>): number {
    const fds: Record<number, number> = { 0: 0, 1: 1, 2: 2 };
    for (const fd of [...gen.sockets.map((s) => s.fd), ...opened.values()]) fds[fd] = fd;
    const shared: WorkerShared = {
      config: gen.config, sockets: gen.sockets, logFds: opened, product: this.build.product,
      serverHeader: this.build.product, log: gen.log, counter: this.counter, pid: 0, temp: gen.temp,
    };
    const cred = this.user === 'same' ? undefined : { uid: this.user.uid, gid: this.user.gid, groups: [this.user.gid] };
    // A fork: the worker has the master's argument block and writes its own title over it (ngx_setproctitle).
    const worker = (w: Sys): Promise<number> => {
      w.setproctitle('nginx: worker process');
      return workerMain(w, shared);
    };
    const pid = sys.spawn({ program: worker, argv: [...sys.argv], fds, cred });
    gen.workers.add(pid);
    this.live.add(pid);
    void this.buildName;
    return pid;
  }
}

async function workerMain(sys: Sys, shared: WorkerShared): Promise<number> {
  const log = new ErrorLog(sys, shared.log.targets);
  log.console = false;
  const inflight = { n: 0 };
  const w: WorkerShared = { ...shared, log, pid: sys.pid, cache: new Map(), inflight };
  let closing = false;
  const finish = async (): Promise<never> => {
    await log.write('notice', 'exiting');
    await log.write('notice', 'exit');
    return sys.exit(0);
  };
  sys.signal('SIGHUP', 'ignore');
  sys.signal('SIGPIPE', 'ignore');
  sys.signal('SIGUSR1', 'ignore');
  sys.signal('SIGTERM', async () => finish());
  sys.signal('SIGINT', async () => finish());
  sys.signal('SIGQUIT', async () => {
    if (closing) return;
    closing = true;
    await log.write('notice', 'gracefully shutting down');
    // In-flight requests finish; idle keep-alive connections are closed with the worker.
    while (inflight.n > 0) await sys.sleep(10);
    await finish();
  });
  const serve = async (t: Sys, sock: Socket, fd: number): Promise<number> => {
    await serveConnection(t, fd, sock, w);
    return 0;
  };
  const acceptLoop = async (t: Sys, sock: Socket): Promise<number> => {
    for (;;) {
      let fd: number;
      try {
        fd = await t.accept(sock.fd);
      } catch (e) {
        if (isProcessEnd(e) || !isSysError(e)) throw e;
        return 0;
      }
      if (closing) {
        t.close(fd);
        continue;
      }
      const fds: Record<number, number> = { 0: fd, 2: 2 };
      for (const l of w.logFds.values()) fds[l] = l;
      // A fiber, not a thread: nginx serves its connections from the worker's one thread (epoll).
      t.fiber({ program: (c) => serve(c, sock, 0), fds });
      t.close(fd);
    }
  };
  for (const sock of shared.sockets.slice(1)) {
    const fds: Record<number, number> = { [sock.fd]: sock.fd, 2: 2 };
    for (const l of w.logFds.values()) fds[l] = l;
    // The other listening sockets (`[::]:80`) are in the same epoll set in nginx: a fiber each, not a thread.
    sys.fiber({ program: (t) => acceptLoop(t, sock), fds });
  }
  if (shared.sockets.length === 0) {
    for (;;) await sys.pause();
  }
  await acceptLoop(sys, shared.sockets[0]);
  for (;;) await sys.pause();
}

export type { Level };
