/**
 * redis-server: reads its config, logs its start as the build does, loads dump.rdb, listens with
 * `sys.listen('tcp://…')` and serves every client in a thread of its own (a slow client holds up no other).
 * Commands run to completion between system calls, so they are atomic as in single-threaded Redis. A cron
 * thread expires keys and runs the `save` points; SIGTERM/SIGINT and SHUTDOWN end it with the final save.
 */
import { isSysError } from '../../engine/kernel/errno.js';
import { isProcessEnd } from '../../engine/kernel/process.js';
import type { Program, Sys } from '../../engine/kernel/sys.js';
import type { RedisBuild } from './builds.js';
import { loadConfig, savePoints } from './config.js';
import { procTitle, titleBytes } from './proctitle.js';
import type { ClientState, CommandContext, ServerHost, ServerStats } from './context.js';
import { execute } from './commands/table.js';
import { usedMemory } from './info.js';
import { Keyspace } from './keyspace.js';
import { levelOf, logLine, logs } from './log.js';
import { asciiLogo } from './logo.js';
import { loadAtStart, snapshot, strerror, writeRdb, type Logger } from './persistence.js';
import { ProtocolError, RespReader, encode, error } from './resp.js';

const USAGE = (argv0: string): string => [
  `Usage: ./redis-server [/path/to/redis.conf] [options] [-]`,
  `       ./redis-server - (read config from stdin)`,
  `       ./redis-server -v or --version`,
  `       ./redis-server -h or --help`,
  `       ./redis-server --test-memory <megabytes>`,
  `       ./redis-server --check-system`,
  ``,
  `Examples:`,
  `       ./redis-server (run the server with default conf)`,
  `       echo 'maxmemory 128mb' | ./redis-server -`,
  `       ./redis-server /etc/redis/6379.conf`,
  `       ./redis-server --port 7777`,
  `       ./redis-server --port 7777 --replicaof 127.0.0.1 8888`,
  `       ./redis-server /etc/myredis.conf --loglevel verbose -`,
  `       ./redis-server /etc/myredis.conf --loglevel verbose`,
  ``,
  `Sentinel mode:`,
  `       ./redis-server /etc/sentinel.conf --sentinel`,
  ``,
].join('\n').replace(/\.\/redis-server/g, argv0 === 'redis-server' ? './redis-server' : './redis-server');

/** The module files the official image ships, by the name each registers. */
const MODULE_NAMES: Readonly<Record<string, string>> = {
  'redisbloom.so': 'bf', 'redisearch.so': 'search', 'redistimeseries.so': 'timeseries', 'rejson.so': 'ReJSON',
};

export function makeRedisServer(build: RedisBuild): Program {
  return async (sys: Sys) => {
    const args = sys.argv.slice(1);
    const as = sys.argv[0].slice(sys.argv[0].lastIndexOf('/') + 1);
    if (as === 'redis-sentinel' || as === 'redis-check-rdb' || as === 'redis-check-aof') {
      await sys.write(2, `dockersim: ${as} is not simulated\n`);
      return 1;
    }
    if (args[0] === '-v' || args[0] === '--version') {
      await sys.write(1, `Redis server v=${build.version} sha=00000000:${build.dirty ? 1 : 0} malloc=${build.malloc} bits=64 build=${build.buildId}\n`);
      return 0;
    }
    if (args[0] === '-h' || args[0] === '--help') {
      await sys.write(2, USAGE(sys.argv[0]));
      return 1;
    }
    if (args[0] === '-' || args.includes('-') || args[0] === '--test-memory' || args[0] === '--check-system' || args.includes('--sentinel')) {
      await sys.write(2, `dockersim: redis-server ${args.includes('--sentinel') ? '--sentinel' : args[0]} is not simulated\n`);
      return 1;
    }
    let fileText = '';
    let configFile = '';
    let options = args;
    if (args[0] !== undefined && !args[0].startsWith('-')) {
      configFile = args[0].startsWith('/') ? args[0] : `${sys.cwd()}/${args[0]}`;
      options = args.slice(1);
      try {
        fileText = sys.fs.readText(args[0]);
      } catch (e) {
        if (isProcessEnd(e) || !isSysError(e)) throw e;
        await sys.write(1, logLine(sys.pid, 'C', sys.now(), '#', `Fatal error, can't open config file '${configFile}': ${strerror(e.code)}`));
        return 1;
      }
    }
    const loaded = loadConfig(build, sys.cwd(), fileText, options);
    if (!loaded.ok) {
      await sys.write(2, loaded.fatal);
      return 1;
    }
    const config = loaded.config;
    const run = (s: Sys): Promise<number> => serve(s, build, config, loaded.modules, configFile, args.length === 0);
    if (config.get('daemonize') === 'yes') {
      // daemonize(): the parent returns at once; the server goes on in a new session without a terminal.
      sys.spawn({ argv: [...sys.argv], setsid: true, fds: {}, program: run });
      return 0;
    }
    return run(sys);
  };
}

async function serve(sys: Sys, build: RedisBuild, config: Map<string, string>, modules: readonly string[], configFile: string, noArgs: boolean): Promise<number> {
  const pid = sys.pid;
  const logfile = config.get('logfile') ?? '';
  let logFd = 1;
  if (logfile !== '') {
    try {
      logFd = sys.open(logfile, 'a');
    } catch (e) {
      if (isProcessEnd(e) || !isSysError(e)) throw e;
      await sys.write(1, `Can't open the log file: ${strerror(e.code)}\n`);
      return 1;
    }
  }
  const write = async (text: string): Promise<void> => {
    try {
      await sys.write(logFd, text);
    } catch (e) {
      if (isProcessEnd(e) || !isSysError(e)) throw e;
    }
  };
  let role: 'C' | 'M' = 'C';
  const log: Logger = async (level, msg, r, p) => {
    if (logs(config.get('loglevel') ?? 'notice', levelOf(level))) await write(logLine(p ?? pid, r ?? role, sys.now(), level, msg));
  };
  const start = build.startLevel;
  const overcommit = (): boolean => {
    try {
      return sys.fs.readText('/proc/sys/vm/overcommit_memory').trim() !== '1';
    } catch {
      return true; // what a Docker host usually has: the heuristic default, 0
    }
  };
  if (build.overcommit === 'before-start' && overcommit()) await log('#', `WARNING ${OVERCOMMIT_8}`);
  await log(start, 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo');
  await log(start, `Redis version=${build.version}, bits=64, commit=00000000, modified=${build.dirty ? 1 : 0}, pid=${pid}, just started`);
  if (noArgs) await log('#', `Warning: no config file specified, using the default config. In order to specify a config file use ${sys.argv[0]} /path/to/redis.conf`);
  else await log(start, 'Configuration loaded');
  role = 'M';
  if (build.monotonicLine) await log('*', 'monotonic clock: POSIX clock_gettime');

  const port = Number(config.get('port') ?? '6379');
  const bind = (config.get('bind') ?? '').split(/\s+/).filter(Boolean);
  const host = bind.find((b) => !b.startsWith('-') && !b.includes(':') && b !== '*') ?? '0.0.0.0';
  let lfd: number;
  try {
    lfd = sys.listen(`tcp://${host}:${port}`);
  } catch (e) {
    if (isProcessEnd(e) || !isSysError(e)) throw e;
    const where = bind.length ? bind[0].replace(/^-/, '') : '*';
    const legacy = build.version.startsWith('6.');
    await log('#', `${legacy ? '' : 'Warning: '}Could not create server TCP listening socket ${where}:${port}: bind: ${strerror(e.code === 'EADDRINUSE' ? 'EADDRINUSE' : e.code).replace('EADDRINUSE', 'Address already in use')}`);
    await log('#', `Failed listening on port ${port} (${build.readyNamesTransport ? 'tcp' : 'TCP'}), aborting.`);
    return 1;
  }
  const pidfile = config.get('pidfile') ?? '';
  if (pidfile !== '') {
    try {
      sys.fs.writeFile(pidfile, `${pid}\n`);
    } catch (e) {
      if (isProcessEnd(e) || !isSysError(e)) throw e;
      await log('#', `Failed to write PID file: ${strerror(e.code)}`);
    }
  }
  // redisSetProcTitle, as main() calls it between the PID file and the logo (and each fork child with its role).
  const setTitle = (s: Sys, title: string): void => {
    const t = procTitle(build, config, configFile, title);
    if (t !== null) s.setproctitle(titleBytes(s.argv[0], t));
  };
  setTitle(sys, sys.argv[0]);
  const showLogo = (logfile === '' && sys.isatty(1)) || config.get('always-show-logo') === 'yes';
  if (showLogo) await write(asciiLogo(build, port, pid));
  else await log('*', `Running mode=standalone, port=${port}.`);

  const loadedModules: string[] = [];
  for (const m of modules) {
    const base = m.slice(m.lastIndexOf('/') + 1);
    const name = MODULE_NAMES[base];
    if (!sys.fs.exists(m)) {
      await log('#', `Module ${m} failed to load: ${m}: cannot open shared object file: No such file or directory`);
      await log('#', `Can't load module from ${m}: server aborting`);
      return 1;
    }
    if (!name) {
      await log('#', `dockersim: loading the module ${m} is not simulated`);
      return 1;
    }
    await log('*', `Module '${name}' loaded from ${m}`);
    loadedModules.push(name);
  }
  if (build.overcommit !== 'before-start') await log('#', 'Server initialized');
  else await log('*', 'Server initialized');
  if (build.overcommit === 'after-init' && overcommit()) await log('#', `WARNING ${OVERCOMMIT_7}`);
  if (build.overcommit === 'legacy' && overcommit()) await log('#', OVERCOMMIT_6);
  startBackgroundThreads(sys);

  const keyspace = new Keyspace(() => sys.now());
  if (!(await loadAtStart(sys, build, keyspace, config, log))) return 1;

  const stats: ServerStats = {
    connectionsReceived: 0, commandsProcessed: 0, keyspaceHits: 0, keyspaceMisses: 0, expiredKeys: 0,
    netInputBytes: 0, netOutputBytes: 0, rejectedConnections: 0,
  };
  const clients = new Map<number, ClientState>();
  const startedAt = sys.now();
  const bootUptime = sys.uptime();
  let lastSave = startedAt;
  let changes = 0;
  let bgChild: number | undefined;
  let bgChanges = 0;
  let shuttingDown = false;
  const threads: number[] = [];

  const save = async (): Promise<boolean> => {
    const ok = await writeRdb(sys, config, snapshot(keyspace, build, sys.now(), usedMemory(ctxFor(nullClient))), pid, log, 'M');
    if (ok) {
      lastSave = sys.now();
      changes = 0;
    }
    return ok;
  };

  const bgsave = (): 'started' | 'in-progress' => {
    if (bgChild !== undefined) return 'in-progress';
    const text = snapshot(keyspace, build, sys.now(), usedMemory(ctxFor(nullClient)));
    bgChanges = changes;
    const cfg = new Map(config);
    bgChild = -1;
    // The forking side is a thread, so that the child is its own to wait for.
    threads.push(sys.spawn({
      argv: [...sys.argv], thread: true, fds: { 1: logFd },
      program: async (t) => {
        const childPid = t.spawn({
          argv: [...t.argv],
          fds: { 1: 1, 2: 1 },
          program: async (c) => {
            setTitle(c, 'redis-rdb-bgsave');
            const ok = await writeRdb(c, cfg, text, c.pid, async (level, msg, r, p) => {
              if (logs(cfg.get('loglevel') ?? 'notice', levelOf(level))) await c.write(1, logLine(p ?? c.pid, r ?? 'C', c.now(), level, msg));
            }, 'C');
            if (ok) {
              const cow = build.version.startsWith('6.') ? 'RDB: 0 MB of memory used by copy-on-write' : 'Fork CoW for RDB: current 0 MB, peak 0 MB, average 0 MB';
              await c.write(1, logLine(c.pid, 'C', c.now(), '*', cow));
            }
            return ok ? 0 : 1;
          },
        });
        bgChild = childPid;
        await log('*', `Background saving started by pid ${childPid}`);
        const st = await t.wait(childPid);
        bgChild = undefined;
        if (st && st.status === 0) {
          lastSave = t.now();
          changes -= bgChanges;
          await log('*', 'Background saving terminated with success');
        } else await log('#', 'Background saving error');
        return 0;
      },
    }));
    return 'started';
  };

  // The main thread sleeps on this pipe; a signal handler or a finished SHUTDOWN writes why it should wake.
  const [wakeR, wakeW] = sys.pipe();
  const wake = (why: 'T' | 'I' | 'S'): void => void sys.write(wakeW, why).catch(() => undefined);

  const finalShutdown = async (opts: { save?: boolean; nosave?: boolean }): Promise<boolean> => {
    if (shuttingDown) return true;
    await log(build.version.startsWith('8') ? '*' : '#', 'User requested shutdown...');
    const points = savePoints(config.get('save') ?? '');
    if (!opts.nosave && (opts.save || points.length > 0)) {
      await log('*', 'Saving the final RDB snapshot before exiting.');
      if (!(await save())) {
        await log('#', 'Error trying to save the DB, can\'t exit.');
        return false;
      }
    }
    shuttingDown = true;
    if (pidfile !== '') {
      await log('*', 'Removing the pid file.');
      try {
        sys.fs.unlink(pidfile);
      } catch (e) {
        if (isProcessEnd(e) || !isSysError(e)) throw e;
      }
    }
    await log('#', 'Redis is now ready to exit, bye bye...');
    return true;
  };

  const host_: ServerHost = {
    build, keyspace, config, stats, clients, pid, startedAt, configFile,
    executable: sys.argv[0].startsWith('/') ? sys.argv[0] : `${sys.cwd()}/${sys.argv[0]}`,
    now: () => sys.now(),
    uptimeMs: () => sys.uptime() - bootUptime,
    save,
    bgsave,
    lastSave: () => lastSave,
    bgsaveInProgress: () => bgChild !== undefined,
    changesSinceSave: () => changes,
    dirty: (n) => void (changes += n),
    shutdown: async (opts) => {
      const ok = await finalShutdown(opts);
      if (ok) wake('S');
      return ok;
    },
    uname: () => sys.uname(),
    hostname: () => sys.hostname(),
  };
  const nullClient: ClientState = {
    id: 0, addr: '', laddr: '', fd: -1, connectedAt: 0, lastInteraction: 0, db: 0, name: '', lastCommand: '',
    authenticated: true, closeAfterReply: false,
  };
  const ctxFor = (client: ClientState): CommandContext => ({
    server: host_, client, get db() { return keyspace.dbs[client.db]; },
  });

  await log('*', build.readyNamesTransport ? 'Ready to accept connections tcp' : 'Ready to accept connections');

  let nextId = 3;
  let ephemeral = 32768 + Math.floor(sys.random() * 28000);
  // Redis accepts, serves its clients and runs its cron in the main thread's event loop: here each is a fiber
  // of the process (no thread: `docker stats` PIDS and --pids-limit count only redis's real threads).
  sys.fiber({
    fds: { 3: lfd },
    program: async (a) => {
      for (;;) {
        let fd: number;
        try {
          fd = await a.accept(3);
        } catch (e) {
          if (isProcessEnd(e)) throw e;
          return 0;
        }
        const addr = peerAddress(a, fd) ?? `127.0.0.1:${ephemeral++}`;
        if (protectedModeRefuses(config, addr)) {
          stats.rejectedConnections++;
          await a.write(fd, `-${DENIED}\r\n`).catch(() => undefined);
          a.close(fd);
          continue;
        }
        const client: ClientState = {
          id: nextId++, addr, laddr: `127.0.0.1:${port}`, fd: 8 + clients.size, connectedAt: a.now(),
          lastInteraction: a.now(), db: 0, name: '', lastCommand: '', authenticated: false, closeAfterReply: false,
        };
        stats.connectionsReceived++;
        a.fiber({
          fds: { 3: fd },
          program: async (c) => {
            clients.set(client.id, client);
            try {
              await serveClient(c, 3, ctxFor(client), loadedModules, stats);
            } finally {
              clients.delete(client.id);
            }
            return 0;
          },
        });
        a.close(fd);
      }
    },
  });
  sys.close(lfd);

  sys.fiber({
    program: async (c) => {
      for (;;) {
        await c.sleep(1000);
        for (const d of keyspace.dbs) stats.expiredKeys += d.activeExpire();
        if (bgChild !== undefined || shuttingDown) continue;
        const elapsed = (c.now() - lastSave) / 1000;
        const due = savePoints(config.get('save') ?? '').find(([secs, n]) => changes >= n && elapsed >= secs);
        if (due) {
          await log('*', `${due[1]} changes in ${due[0]} seconds. Saving...`);
          bgsave();
        }
      }
    },
  });

  sys.signal('SIGTERM', () => wake('T'));
  sys.signal('SIGINT', () => wake('I'));
  for (;;) {
    let why: string | null;
    try {
      why = await sys.read(wakeR, 1);
    } catch (e) {
      if (isProcessEnd(e) || !isSysError(e)) throw e;
      continue; // EINTR: the handler has written; read again
    }
    if (why === 'S' || why === null) break;
    const name = why === 'T' ? 'SIGTERM' : 'SIGINT';
    await write(`${pid}:signal-handler (${Math.floor(sys.now() / 1000)}) Received ${name} scheduling shutdown...\n`);
    if (await finalShutdown({})) break;
    await log('#', 'SIGTERM received but errors trying to shut down the server, check the logs for more information');
  }
  for (const t of threads) {
    try {
      sys.kill(t, 'SIGKILL');
    } catch (e) {
      if (isProcessEnd(e) || !isSysError(e)) throw e;
    }
  }
  return 0;
}

/**
 * The threads a real redis-server has besides its main one (InitServerLast): bio.c's three workers (closing
 * files, fsyncing the AOF, lazy frees) and jemalloc's background purging thread (`jemalloc-bg-thread yes`). The
 * model has no work for them, but they are tasks of the process: `docker stats` counts them, as
 * `--pids-limit` does. They end with the process (exit_group).
 */
function startBackgroundThreads(sys: Sys): void {
  for (const name of ['bio_close_file', 'bio_aof', 'bio_lazy_free', 'jemalloc_bg_thd']) {
    sys.spawn({
      argv: [...sys.argv], thread: true, fds: {},
      program: (t) => {
        t.setName(name);
        const idle = (): Promise<number> => t.pause().then(idle);
        return idle();
      },
    });
  }
}

/** The client's `ip:port` as CLIENT LIST shows it (IPv6 peers would be bracketed; the kernel has none). */
function peerAddress(sys: Sys, fd: number): string | undefined {
  try {
    const peer = sys.getpeername(fd);
    return `${peer.address}:${peer.port}`;
  } catch (e) {
    if (isProcessEnd(e) || !isSysError(e)) throw e;
    return undefined;
  }
}

/** Protected mode: no password and protected-mode on, and the client is not on the loopback interface. */
export function protectedModeRefuses(config: ReadonlyMap<string, string>, addr: string): boolean {
  if (config.get('protected-mode') !== 'yes' || (config.get('requirepass') ?? '') !== '') return false;
  const ip = addr.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return !(ip.startsWith('127.') || ip === '::1');
}

export const DENIED = 'DENIED Redis is running in protected mode because protected mode is enabled and no password is set for the default user. In this mode connections are only accepted from the loopback interface. If you want to connect from external computers to Redis you may adopt one of the following solutions: 1) Just disable protected mode sending the command \'CONFIG SET protected-mode no\' from the loopback interface by connecting to Redis from the same host the server is running, however MAKE SURE Redis is not publicly accessible from internet if you do so. Use CONFIG REWRITE to make this change permanent. 2) Alternatively you can just disable the protected mode by editing the Redis configuration file, and setting the protected mode option to \'no\', and then restarting the server. 3) If you started the server manually just for testing, restart it with the \'--protected-mode no\' option. 4) Setup a an authentication password for the default user. NOTE: You only need to do one of the above things in order for the server to start accepting connections from the outside.';

/** One client's connection: read, run every whole command that arrived, answer them in one write. */
async function serveClient(sys: Sys, fd: number, ctx: CommandContext, modules: readonly string[], stats: ServerStats): Promise<void> {
  const reader = new RespReader();
  for (;;) {
    let chunk: string | null;
    try {
      chunk = await sys.read(fd, 65536);
    } catch (e) {
      if (isProcessEnd(e) || !isSysError(e)) throw e;
      return;
    }
    if (chunk === null) return;
    stats.netInputBytes += chunk.length;
    reader.push(chunk);
    let out = '';
    let close = false;
    for (;;) {
      let argv: string[] | undefined;
      try {
        argv = reader.command();
      } catch (e) {
        if (!(e instanceof ProtocolError)) throw e;
        out += encode(error(`ERR ${e.message}`));
        close = true;
        break;
      }
      if (argv === undefined) break;
      if (argv.length === 0) continue;
      ctx.client.lastInteraction = sys.now();
      stats.commandsProcessed++;
      const reply = await execute(ctx, argv, modules);
      if (reply === null) {
        close = true;
        break;
      }
      out += encode(reply);
      if (ctx.client.closeAfterReply) {
        close = true;
        break;
      }
    }
    if (out) {
      stats.netOutputBytes += out.length;
      try {
        await sys.write(fd, out);
      } catch (e) {
        if (isProcessEnd(e) || !isSysError(e)) throw e;
        return;
      }
    }
    if (close) return;
  }
}

const OVERCOMMIT_8 = "Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.";
const OVERCOMMIT_7 = "Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.";
const OVERCOMMIT_6 = "WARNING overcommit_memory is set to 0! Background save may fail under low memory condition. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.";
