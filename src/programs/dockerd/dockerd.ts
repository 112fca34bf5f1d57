/**
 * dockerd: the Docker daemon as a process on the host. It listens on the unix socket (root:docker, 0660) and
 * on every `-H` it is given, serves the Engine API from the machine's engine (the state under
 * /var/lib/docker, which outlives the process), and stops its containers when told to stop.
 *
 * This part loads with the page: starting up, binding and logging need none of the Docker chunk, so a boot
 * (and the learner's first prompt) never waits for it. The API and the container work (./core.ts) are loaded
 * through `core` when the daemon first has some: its first accepted connection, or containers to restore or
 * stop. When that happens depends only on the machine's history, like every `hostLoad`.
 */
import type { DaemonStore } from '../../engine/daemon/store.js';
import { isSysError } from '../../engine/kernel/errno.js';
import { isProcessEnd } from '../../engine/kernel/process.js';
import type { Program, Sys } from '../../engine/kernel/sys.js';
import { groupByName } from '../lib/users.js';
import type { DaemonFlag } from './flags.js';
import { daemonLogger, type Logger } from './log.js';
import { DAEMON_JSON, readDaemonJson } from './daemonJson.js';
import { apiWarnings, ENGINE_COMMIT, ENGINE_VERSION, type DaemonConfig } from './config.js';

/** What dockerd needs from the Docker chunk (./core.ts). */
export interface DockerdCore {
  restore(engine: DaemonStore, sys: Sys): Promise<void>;
  shutdown(engine: DaemonStore, sys: Sys): Promise<void>;
  /** Serves `fd`, a connection already accepted on listener `lfd`, then everything `lfd` accepts after it. */
  serveFrom(sys: Sys, fd: number, lfd: number, engine: DaemonStore, hostname: string, config: DaemonConfig): Promise<void>;
  /** dockerd 28's option table (flags.ts): only `--help` and an unfamiliar flag need it, so it loads with the core. */
  knownDaemonFlag(arg: string): DaemonFlag | undefined;
  daemonHelp(opts: { certDir: string; proxy: string | undefined; cols: number | undefined }): string;
}

/** The core, loaded (once per machine) by the process that first needs it. */
export type CoreLoader = (sys: Sys) => Promise<DockerdCore>;

const DEFAULT_SOCKET = '/var/run/docker.sock';
const PIDFILE = '/var/run/docker.pid';
const DEFAULT_GROUP = 'docker';

interface DaemonFlags {
  hosts: string[];
  tls: boolean | undefined;
  pidfile: string;
  /** The unix sockets' group (`-G`): a name or a GID; '' leaves them root's. */
  group: string;
}

/** A flag this dockerd does not act on: refused as not simulated if dockerd 28 has it, else unknown. */
interface Unfamiliar {
  readonly unfamiliar: string;
}

function parseFlags(argv: readonly string[]): DaemonFlags | Unfamiliar | string {
  const f: DaemonFlags = { hosts: [], tls: undefined, pidfile: PIDFILE, group: DEFAULT_GROUP };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    const [name, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (name) {
      case '-H':
      case '--host': {
        const v = value();
        if (v === undefined) return `flag needs an argument: ${name === '-H' ? "'H' in -H" : '--host'}`;
        f.hosts.push(v);
        break;
      }
      case '--tls':
      case '--tlsverify':
        f.tls = inline === undefined ? true : inline === 'true';
        break;
      case '--pidfile':
      case '-p': {
        const v = value();
        if (v === undefined) return `flag needs an argument: ${name}`;
        f.pidfile = v;
        break;
      }
      case '-G':
      case '--group': {
        const v = value();
        if (v === undefined) return `flag needs an argument: ${name === '-G' ? "'G' in -G" : '--group'}`;
        f.group = v;
        break;
      }
      default:
        if (name.startsWith('--containerd')) {
          if (inline === undefined && !name.startsWith('--containerd=')) i++;
          break;
        }
        return { unfamiliar: name };
    }
  }
  return f;
}

/** `fd://` is systemd's socket activation of docker.socket: the standard unix socket here. */
function normalizeHost(h: string): string {
  if (h === 'fd://' || h.startsWith('fd://')) return `unix://${DEFAULT_SOCKET}`;
  if (h.startsWith('/')) return `unix://${h}`;
  if (h.startsWith('unix://') && h.length === 7) return `unix://${DEFAULT_SOCKET}`;
  return h;
}

/** The address part of `API listen on …`, as Go's listener reports it. */
function listenAddress(h: string): string {
  if (h.startsWith('unix://')) return h.slice(7);
  const m = /^tcp:\/\/(.*):(\d+)$/.exec(h);
  if (!m) return h;
  return m[1] === '0.0.0.0' || m[1] === '' ? `[::]:${m[2]}` : `${m[1]}:${m[2]}`;
}

/**
 * moby loadListeners: TCP without TLS client verification is warned about; unless --tls/--tlsverify was given
 * explicitly, a non-loopback address also slows startup down by 15 s (Docker 26–28; a hard failure "in future
 * versions").
 */
async function warnInsecureTcp(log: Logger, sys: Sys, host: string, explicit: boolean): Promise<void> {
  const f = { host };
  await log.warn('Binding to IP address without --tlsverify is insecure and gives root access on this machine to everyone who has access to your network.', f);
  await log.warn('Binding to an IP address, even on localhost, can also give access to scripts run in a browser. Be safe out there!', f);
  await log.warn('[DEPRECATION NOTICE] In future versions this will be a hard failure preventing the daemon from starting! Learn more at: https://docs.docker.com/go/api-security/', f);
  await sys.sleep(1000);
  if (explicit || isLoopback(host)) return;
  await log.warn('Binding to an IP address without --tlsverify is deprecated. Startup is intentionally being slowed down to show this message', f);
  await log.warn('Please consider generating tls certificates with client validation to prevent exposing unauthenticated root access to your network', f);
  await log.warn("You can override this by explicitly specifying '--tls=false' or '--tlsverify=false'", f);
  await log.warn('Support for listening on TCP without authentication or explicit intent to run without authentication will be removed in the next release', f);
  await sys.sleep(15_000);
}

/** dockerd's main prints the error that ended startup as a plain line (no log prefix) and exits 1. */
async function startFailed(sys: Sys, msg: string): Promise<void> {
  try {
    await sys.write(2, `${msg}\n`);
  } catch (e) {
    if (isProcessEnd(e)) throw e;
  }
}

/** `localhost` by name, or an address in 127.0.0.0/8 or ::1. */
function isLoopback(host: string): boolean {
  const addr = host.slice('tcp://'.length).replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return addr === 'localhost' || /^127\./.test(addr) || addr === '::1';
}

/**
 * The accept loop of ./core.ts's serveListener up to the first connection, on every listener (one child each
 * when there are several, as `serve` does); the core takes over from there.
 */
async function acceptFirst(sys: Sys, listeners: readonly number[], take: (s: Sys, fd: number, lfd: number) => Promise<void>): Promise<void> {
  const one = async (s: Sys, lfd: number): Promise<void> => {
    let fd: number;
    try {
      fd = await s.accept(lfd);
    } catch (e) {
      if (isProcessEnd(e)) throw e;
      return;
    }
    await take(s, fd, lfd);
  };
  if (listeners.length === 1) return one(sys, listeners[0]);
  const pids = listeners.map((lfd) =>
    sys.spawn({
      argv: [...sys.argv],
      thread: true,
      fds: { 3: lfd },
      program: async (s) => {
        await one(s, 3);
        return 0;
      },
    }),
  );
  for (const pid of pids) await sys.wait(pid);
}

/**
 * `dockerd --help` as this host's dockerd prints it: the TLS defaults under $DOCKER_CERT_PATH, else
 * $DOCKER_CONFIG, else ~/.docker; docker-proxy where moby's lookupBinPath finds it; wrapped to stdin's terminal.
 */
function help(sys: Sys, core: DockerdCore): string {
  const env = sys.env;
  const certDir = env.DOCKER_CERT_PATH || env.DOCKER_CONFIG || `${env.HOME ?? ''}/.docker`;
  const dirs = ['/usr/local/libexec/docker', '/usr/libexec/docker', '/usr/local/lib/docker', '/usr/lib/docker', '/usr/local/libexec', '/usr/libexec', ...(env.PATH ?? '').split(':').filter((d) => d !== '')];
  const proxy = dirs.map((d) => `${d}/docker-proxy`).find((p) => sys.fs.exists(p));
  let cols: number | undefined;
  try {
    cols = sys.getWinSize(0).cols;
  } catch {
    cols = undefined;
  }
  return core.daemonHelp({ certDir, proxy, cols });
}

export function makeDockerd(engine: () => DaemonStore, core: CoreLoader): Program {
  return async (sys) => {
    // cobra acts on --version and --help before it runs the daemon, whatever else is on the line.
    if (sys.argv.includes('-v') || sys.argv.includes('--version')) {
      await sys.write(1, `Docker version ${ENGINE_VERSION}, build ${ENGINE_COMMIT}\n`);
      return 0;
    }
    if (sys.argv.includes('-h') || sys.argv.includes('--help')) {
      await sys.write(1, help(sys, await core(sys)));
      return 0;
    }
    const flags = parseFlags(sys.argv);
    if (typeof flags === 'string') {
      await sys.write(2, `${flags}\nSee 'dockerd --help'.\n`);
      return 125;
    }
    if ('unfamiliar' in flags) {
      const name = flags.unfamiliar;
      if ((await core(sys)).knownDaemonFlag(name)) {
        await sys.write(2, `dockerd: ${name} is not simulated in dockersim\n`);
        return 1;
      }
      const text = name.startsWith('--') ? `unknown flag: ${name}` : `unknown shorthand flag: '${name.slice(1, 2)}' in ${name}`;
      await sys.write(2, `${text}\nSee 'dockerd --help'.\n`);
      return 125;
    }
    if (sys.euid !== 0) {
      await sys.write(
        2,
        'dockerd needs to be started with root privileges. To run dockerd in rootless mode as an unprivileged user, see https://docs.docker.com/go/rootless/\n',
      );
      return 1;
    }
    const file = await readDaemonJson(sys, DAEMON_JSON, async (k) =>
      (await core(sys)).knownDaemonFlag(`--${k}`) !== undefined || (await core(sys)).knownDaemonFlag(`--${k.replace(/s$/, '')}`) !== undefined);
    if (typeof file === 'string') {
      await startFailed(sys, file);
      return 1;
    }
    const log = daemonLogger(sys);
    await log.info('Starting up');
    if (sys.fs.exists(flags.pidfile)) {
      const pid = Number(sys.fs.readText(flags.pidfile).trim());
      if (pid > 0 && sys.fs.exists(`/proc/${pid}`)) {
        await startFailed(sys, `failed to start daemon, ensure docker is not running or delete ${flags.pidfile}: process with PID ${pid} is still running`);
        return 1;
      }
    }
    sys.fs.writeFile(flags.pidfile, `${sys.pid}`, { mode: 0o644 });
    const hosts = (flags.hosts.length > 0 ? flags.hosts : [DEFAULT_SOCKET]).map(normalizeHost);
    const listeners: number[] = [];
    // moby's listeners.lookupGID: a group name, else a number; only the default group may be missing.
    const gid = flags.group === '' ? 0 : groupByName(sys.fs, flags.group)?.gid ?? (/^\d+$/.test(flags.group) ? Number(flags.group) : undefined);
    if (gid === undefined && flags.group !== DEFAULT_GROUP) {
      await startFailed(sys, `failed to load listeners: group ${flags.group} not found`);
      return 1;
    }
    for (const h of hosts) {
      try {
        if (h.startsWith('unix://') && sys.fs.exists(h.slice(7))) sys.fs.unlink(h.slice(7));
        if (h.startsWith('tcp://') && flags.tls !== true) await warnInsecureTcp(log, sys, h, flags.tls === false);
        listeners.push(h.startsWith('unix://') ? sys.listen(h, { mode: 0o660, gid: gid ?? 0 }) : sys.listen(h));
      } catch (e) {
        if (isProcessEnd(e) || !isSysError(e)) throw e;
        await startFailed(sys, `failed to load listeners: listen ${h.replace(/^\w+:\/\//, '')}: bind: ${e.message.toLowerCase()}`);
        sys.fs.unlink(flags.pidfile);
        return 1;
      }
    }
    await log.info('OTEL tracing is not configured, using no-op tracer provider');
    await log.info('Loading containers: start.');
    // moby creates docker0 while it loads its networks, whatever the containers.
    engine().bridge.ensure();
    if (engine().containers.size > 0) await (await core(sys)).restore(engine(), sys);
    await log.info('Loading containers: done.');
    const config: DaemonConfig = { hosts, tls: flags.tls, insecureRegistries: file.insecureRegistries };
    for (const w of apiWarnings(config)) await log.warn(w);
    await log.info('Docker daemon', {
      commit: ENGINE_COMMIT,
      'containerd-snapshotter': 'false',
      'storage-driver': 'overlay2',
      version: ENGINE_VERSION,
    });
    await log.info('Daemon has completed initialization');
    const hostname = sys.hostname();
    const fds: Record<number, number> = {};
    listeners.forEach((l, i) => (fds[3 + i] = l));
    const acceptor = sys.spawn({
      argv: [...sys.argv],
      thread: true,
      fds: { 0: 0, 1: 1, 2: 2, ...fds },
      program: async (s) => {
        await acceptFirst(
          s,
          listeners.map((_, i) => 3 + i),
          async (a, fd, lfd) => (await core(a)).serveFrom(a, fd, lfd, engine(), hostname, config),
        );
        return 0;
      },
    });
    for (const l of listeners) sys.close(l);
    for (const h of hosts) await log.info(`API listen on ${listenAddress(h)}`);

    let signal = '';
    const onSignal = (name: string) => () => {
      if (signal) return;
      signal = name;
      sys.kill(acceptor, 'SIGKILL');
    };
    sys.signal('SIGTERM', onSignal('terminated'));
    sys.signal('SIGINT', onSignal('interrupt'));
    await sys.wait(acceptor);
    await log.info(`Processing signal '${signal || 'terminated'}'`);
    if (engine().containers.size > 0) await (await core(sys)).shutdown(engine(), sys);
    for (const h of hosts) if (h.startsWith('unix://') && sys.fs.exists(h.slice(7))) sys.fs.unlink(h.slice(7));
    if (sys.fs.exists(flags.pidfile)) sys.fs.unlink(flags.pidfile);
    await log.info('Daemon shutdown complete');
    return 0;
  };
}
