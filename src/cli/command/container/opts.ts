/**
 * What `docker run` and `docker create` share (docker/cli's cli/command/container/opts.go): their flags, and
 * the parse from those flags to the three bodies of POST /containers/create, for the flags the simulation
 * models. Errors are docker's texts; the caller adds the `docker: … Run 'docker run --help'` frame.
 */
import type { Json } from '../../client.js';
import type { Invocation } from '../../spec.js';
import { notSimulated, StatusError } from '../../errors.js';
import { changed, flag, getBool, getInt, getList, getString, type FlagSpec } from '../../flags.js';
import { extraHost } from '../../values.js';
import { portOptions } from './portopts.js';
import { networkEndpoint } from './netopts.js';
import { parseGoDuration } from '../../../pkg/timetypes.js';
import { ramInBytes } from '../../../pkg/units.js';
import { mountOptions } from './mountopts.js';

/**
 * The flags `docker create` and `docker run` share (addFlags);
 * each command adds its own (`--pull` wording, and run's `-d`, `--detach-keys`, `--sig-proxy`). `sim` here
 * means the CLI does its part as docker/cli does: a flag that only sets a create field is sent, and the
 * daemon honours it or refuses it (`dockersim: --ulimit (HostConfig.Ulimits) is not simulated`). The CLI
 * refuses the others itself before it talks to the daemon.
 */
export const CONTAINER_FLAGS: readonly FlagSpec[] = [
    flag("add-host", "", "list", "Add a custom host-to-IP mapping (host:ip)", { sim: true }),
    flag("annotation", "", "map", "Add an annotation to the container (passed through to the OCI runtime)", { def: "map[]", sim: true }),
    flag("attach", "a", "list", "Attach to STDIN, STDOUT or STDERR", { sim: true }),
    flag("blkio-weight", "", "uint16", "Block IO (relative weight), between 10 and 1000, or 0 to disable", { def: "0", sim: true }),
    flag("blkio-weight-device", "", "list", "Block IO weight (relative device weight)", { def: "[]", sim: true }),
    flag("cap-add", "", "list", "Add Linux capabilities", { sim: true }),
    flag("cap-drop", "", "list", "Drop Linux capabilities", { sim: true }),
    flag("cgroup-parent", "", "string", "Optional parent cgroup for the container", { sim: true }),
    flag("cgroupns", "", "string", "Cgroup namespace to use (host|private)\n'host':    Run the container in the Docker host's cgroup namespace\n'private': Run the container in its own private cgroup namespace\n'':        Use the cgroup namespace as configured by the\n           default-cgroupns-mode option on the daemon (default)", { sim: true }),
    flag("cidfile", "", "string", "Write the container ID to the file"),
    flag("cpu-count", "", "int", "CPU count (Windows only)", { sim: true, annotations: { ostype: 'windows' } }),
    flag("cpu-percent", "", "int", "CPU percent (Windows only)", { sim: true, annotations: { ostype: 'windows' } }),
    flag("cpu-period", "", "int", "Limit CPU CFS (Completely Fair Scheduler) period", { sim: true }),
    flag("cpu-quota", "", "int", "Limit CPU CFS (Completely Fair Scheduler) quota", { sim: true }),
    flag("cpu-rt-period", "", "int", "Limit CPU real-time period in microseconds", { sim: true }),
    flag("cpu-rt-runtime", "", "int", "Limit CPU real-time runtime in microseconds", { sim: true }),
    flag("cpu-shares", "c", "int", "CPU shares (relative weight)", { sim: true }),
    flag("cpus", "", "decimal", "Number of CPUs", { sim: true }),
    flag("cpuset-cpus", "", "string", "CPUs in which to allow execution (0-3, 0,1)", { sim: true }),
    flag("cpuset-mems", "", "string", "MEMs in which to allow execution (0-3, 0,1)", { sim: true }),
    flag("device", "", "list", "Add a host device to the container", { sim: true }),
    flag("device-cgroup-rule", "", "list", "Add a rule to the cgroup allowed devices list", { sim: true }),
    flag("device-read-bps", "", "list", "Limit read rate (bytes per second) from a device", { def: "[]", sim: true }),
    flag("device-read-iops", "", "list", "Limit read rate (IO per second) from a device", { def: "[]", sim: true }),
    flag("device-write-bps", "", "list", "Limit write rate (bytes per second) to a device", { def: "[]", sim: true }),
    flag("device-write-iops", "", "list", "Limit write rate (IO per second) to a device", { def: "[]", sim: true }),
    flag("disable-content-trust", "", "", "Skip image verification", { def: "true", sim: true }),
    flag("dns", "", "list", "Set custom DNS servers", { sim: true }),
    flag("dns-option", "", "list", "Set DNS options", { sim: true }),
    flag("dns-search", "", "list", "Set custom DNS search domains", { sim: true }),
    flag("domainname", "", "string", "Container NIS domain name", { sim: true }),
    flag("entrypoint", "", "string", "Overwrite the default ENTRYPOINT of the image", { sim: true }),
    flag("env", "e", "list", "Set environment variables", { sim: true }),
    flag("env-file", "", "list", "Read in a file of environment variables", { sim: true }),
    flag("expose", "", "list", "Expose a port or a range of ports", { sim: true }),
    flag("gpus", "", "gpu-request", "GPU devices to add to the container ('all' to pass all GPUs)", { sim: true }),
    flag("group-add", "", "list", "Add additional groups to join", { sim: true }),
    flag("health-cmd", "", "string", "Command to run to check health", { sim: true }),
    flag("health-interval", "", "duration", "Time between running the check (ms|s|m|h)", { def: "0s", sim: true }),
    flag("health-retries", "", "int", "Consecutive failures needed to report unhealthy", { sim: true }),
    flag("health-start-interval", "", "duration", "Time between running the check during the start period (ms|s|m|h)", { def: "0s", sim: true }),
    flag("health-start-period", "", "duration", "Start period for the container to initialize before starting health-retries countdown (ms|s|m|h)", { def: "0s", sim: true }),
    flag("health-timeout", "", "duration", "Maximum time to allow one check to run (ms|s|m|h)", { def: "0s", sim: true }),
    flag("help", "", "", "Print usage", { sim: true }),
    flag("hostname", "h", "string", "Container host name", { sim: true }),
    flag("init", "", "", "Run an init inside the container that forwards signals and reaps processes", { sim: true }),
    flag("interactive", "i", "", "Keep STDIN open even if not attached", { sim: true }),
    flag("io-maxbandwidth", "", "bytes", "Maximum IO bandwidth limit for the system drive (Windows only)", { sim: true, annotations: { ostype: 'windows' } }),
    flag("io-maxiops", "", "uint", "Maximum IOps limit for the system drive (Windows only)", { sim: true, annotations: { ostype: 'windows' } }),
    flag("ip", "", "string", "IPv4 address (e.g., 172.30.100.104)", { sim: true }),
    flag("ip6", "", "string", "IPv6 address (e.g., 2001:db8::33)", { sim: true }),
    flag("ipc", "", "string", "IPC mode to use", { sim: true }),
    flag("isolation", "", "string", "Container isolation technology", { sim: true }),
    flag("kernel-memory", "", "bytes", "Kernel memory limit", { sim: true }),
    flag("label", "l", "list", "Set meta data on a container", { sim: true }),
    flag("label-file", "", "list", "Read in a line delimited file of labels", { sim: true }),
    flag("link", "", "list", "Add link to another container", { sim: true }),
    flag("link-local-ip", "", "list", "Container IPv4/IPv6 link-local addresses", { sim: true }),
    flag("log-driver", "", "string", "Logging driver for the container", { sim: true }),
    flag("log-opt", "", "list", "Log driver options", { sim: true }),
    flag("mac-address", "", "string", "Container MAC address (e.g., 92:d0:c6:0a:29:33)", { sim: true }),
    flag("memory", "m", "bytes", "Memory limit", { sim: true }),
    flag("memory-reservation", "", "bytes", "Memory soft limit", { sim: true }),
    flag("memory-swap", "", "bytes", "Swap limit equal to memory plus swap: '-1' to enable unlimited swap", { sim: true }),
    flag("memory-swappiness", "", "int", "Tune container memory swappiness (0 to 100)", { def: "-1", sim: true }),
    flag("mount", "", "mount", "Attach a filesystem mount to the container", { sim: true }),
    flag("name", "", "string", "Assign a name to the container", { sim: true }),
    flag("network", "", "network", "Connect a container to a network", { sim: true }),
    flag("network-alias", "", "list", "Add network-scoped alias for the container", { sim: true }),
    flag("no-healthcheck", "", "", "Disable any container-specified HEALTHCHECK", { sim: true }),
    flag("oom-kill-disable", "", "", "Disable OOM Killer", { sim: true }),
    flag("oom-score-adj", "", "int", "Tune host's OOM preferences (-1000 to 1000)", { sim: true }),
    flag("pid", "", "string", "PID namespace to use", { sim: true }),
    flag("pids-limit", "", "int", "Tune container pids limit (set -1 for unlimited)", { sim: true }),
    flag("platform", "", "string", "Set platform if server is multi-platform capable", { sim: true }),
    flag("privileged", "", "", "Give extended privileges to this container", { sim: true }),
    flag("publish", "p", "list", "Publish a container's port(s) to the host", { sim: true }),
    flag("publish-all", "P", "", "Publish all exposed ports to random ports", { sim: true }),
    flag("quiet", "q", "", "Suppress the pull output", { sim: true }),
    flag("read-only", "", "", "Mount the container's root filesystem as read only", { sim: true }),
    flag("restart", "", "string", "Restart policy to apply when a container exits", { def: "\"no\"", sim: true }),
    flag("rm", "", "", "Automatically remove the container and its associated anonymous volumes when it exits", { sim: true }),
    flag("runtime", "", "string", "Runtime to use for this container", { sim: true }),
    flag("security-opt", "", "list", "Security Options", { sim: true }),
    flag("shm-size", "", "bytes", "Size of /dev/shm", { sim: true }),
    flag("stop-signal", "", "string", "Signal to stop the container", { sim: true }),
    flag("stop-timeout", "", "int", "Timeout (in seconds) to stop a container", { sim: true }),
    flag("storage-opt", "", "list", "Storage driver options for the container", { sim: true }),
    flag("sysctl", "", "map", "Sysctl options", { def: "map[]", sim: true }),
    flag("tmpfs", "", "list", "Mount a tmpfs directory", { sim: true }),
    flag("tty", "t", "", "Allocate a pseudo-TTY", { sim: true }),
    flag("ulimit", "", "ulimit", "Ulimit options", { def: "[]", sim: true }),
    flag("use-api-socket", "", "", "Bind mount Docker API socket and required auth"),
    flag("user", "u", "string", "Username or UID (format: <name|uid>[:<group|gid>])", { sim: true }),
    flag("userns", "", "string", "User namespace to use", { sim: true }),
    flag("uts", "", "string", "UTS namespace to use", { sim: true }),
    flag("volume", "v", "list", "Bind mount a volume", { sim: true }),
    flag("volume-driver", "", "string", "Optional volume driver for the container", { sim: true }),
    flag("volumes-from", "", "list", "Mount volumes from the specified container(s)", { sim: true }),
    flag("workdir", "w", "string", "Working directory inside the container", { sim: true }),
    flag("net", "", "network", "Connect a container to a network", { sim: true, hidden: true }),
    flag("net-alias", "", "list", "Add network-scoped alias for the container", { hidden: true, sim: true }),
    flag("dns-opt", "", "list", "Set DNS options", { hidden: true, sim: true }),
];

/** Reads a file the CLI was pointed at (--env-file, --label-file); throws Go's `open PATH: …` error. */
export type ReadFile = (path: string) => string;

export interface ContainerConfig {
  readonly config: Json & { Image: string; AttachStdin: boolean; AttachStdout: boolean; AttachStderr: boolean; Tty: boolean; OpenStdin: boolean };
  readonly hostConfig: Json & { AutoRemove: boolean; ConsoleSize: [number, number] };
  readonly networkingConfig: Json;
}

export interface CreateOptions {
  readonly name: string;
  readonly pull: string;
  readonly platform: string;
  readonly quiet: boolean;
  /** -a values as given (lower-cased). */
  readonly attach: readonly string[];
}

export function createOptions(inv: Invocation): CreateOptions {
  const f = inv.flags;
  return {
    name: getString(f, 'name'),
    pull: getString(f, 'pull'),
    platform: getString(f, 'platform'),
    quiet: getBool(f, 'quiet'),
    attach: getList(f, 'attach').map((a) => a.toLowerCase()),
  };
}

export function validatePullOpt(v: string): Error | null {
  if (['always', 'missing', 'never', ''].includes(v)) return null;
  return new Error(`invalid pull option: '${v}': must be one of "always", "missing" or "never"`);
}

/** opts.ValidateEnv: `KEY` alone takes the CLI's own value when it has one. */
function envEntry(v: string, env: (k: string) => string | undefined): string {
  if (v.includes('=')) return v;
  const own = env(v);
  return own === undefined ? v : `${v}=${own}`;
}

export function restartPolicy(v: string): Json {
  if (v === '') return { Name: 'no', MaximumRetryCount: 0 };
  const colon = v.indexOf(':');
  const name = colon < 0 ? v : v.slice(0, colon);
  const count = colon < 0 ? '' : v.slice(colon + 1);
  if (colon >= 0 && name === '') throw new Error('invalid restart policy format: no policy provided before colon');
  if (count !== '' && !/^[+-]?\d+$/.test(count)) {
    throw new Error('invalid restart policy format: maximum retry count must be an integer');
  }
  return { Name: name, MaximumRetryCount: count === '' ? 0 : Number(count) };
}

function labelMap(list: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of list) {
    const eq = l.indexOf('=');
    if (eq < 0) out[l] = '';
    else out[l.slice(0, eq)] = l.slice(eq + 1);
  }
  return out;
}

/**
 * The run/create flags as API bodies; a bad value is the CLI's usage error for `command` (exit 125), as
 * docker/cli reports a failed parse before it talks to the daemon.
 */
export function containerConfigFor(cli: { env(k: string): string | undefined; readFile?: ReadFile; cwd?(): string }, inv: Invocation, pull: string, command: string): ContainerConfig {
  try {
    const bad = validatePullOpt(pull);
    if (bad) throw bad;
    // Content trust (Notary) is not modelled: only the default, trust disabled, is honest.
    if (!getBool(inv.flags, 'disable-content-trust')) throw notSimulated('--disable-content-trust=false');
    return parseContainerConfig(inv, (k) => cli.env(k), cli.readFile, cli.cwd ? () => cli.cwd!() : undefined);
  } catch (e) {
    if (e instanceof StatusError) throw e;
    throw new StatusError(125, `docker: ${(e as Error).message}\n\nRun 'docker ${command} --help' for more information`);
  }
}

export function parseContainerConfig(inv: Invocation, env: (k: string) => string | undefined, readFile?: ReadFile, cwd?: () => string): ContainerConfig {
  const f = inv.flags;
  const read: ReadFile = readFile ?? ((p) => {
    throw new Error(`open ${p}: no such file or directory`);
  });
  const attach = getList(f, 'attach').map((a) => a.toLowerCase());
  for (const a of attach) {
    if (!['stdin', 'stdout', 'stderr'].includes(a)) throw new Error('valid streams are STDIN, STDOUT and STDERR');
  }
  const stdin = getBool(f, 'interactive');
  const attachStdin = attach.includes('stdin') || stdin;
  const attachStdout = attach.length === 0 || attach.includes('stdout');
  const attachStderr = attach.length === 0 || attach.includes('stderr');

  const { exposed, bindings } = portOptions(getList(f, 'publish'), getList(f, 'expose'));

  const mounts = mountOptions({ get: (n) => getList(f, n) }, cwd);

  const autoRemove = getBool(f, 'rm');
  const restart = restartPolicy(getString(f, 'restart'));
  if (autoRemove && restart.Name !== 'no' && restart.Name !== '') {
    throw new Error('conflicting options: cannot specify both --restart and --rm');
  }

  let memory = 0;
  if (changed(f, 'memory')) memory = ramInBytes(getString(f, 'memory')) as number;
  let nanoCpus = 0;
  if (changed(f, 'cpus')) nanoCpus = Math.round(parseRational(getString(f, 'cpus')) * 1e9);

  let entrypoint: string[] | null = null;
  if (getString(f, 'entrypoint') !== '') entrypoint = [getString(f, 'entrypoint')];
  else if (changed(f, 'entrypoint')) entrypoint = [''];

  const network = changed(f, 'network') ? getString(f, 'network') : changed(f, 'net') ? getString(f, 'net') : 'default';
  const tty = getBool(f, 'tty');
  const config: ContainerConfig['config'] = {
    Hostname: getString(f, 'hostname'),
    Domainname: '',
    User: getString(f, 'user'),
    AttachStdin: attachStdin,
    AttachStdout: attachStdout,
    AttachStderr: attachStderr,
    ExposedPorts: Object.keys(exposed).length > 0 ? exposed : undefined,
    Tty: tty,
    OpenStdin: stdin,
    StdinOnce: stdin && attachStdin,
    Env: [...getList(f, 'env-file').flatMap((p) => kvFile(read, p, env)), ...getList(f, 'env').map((e) => envEntry(e, env))],
    Cmd: inv.args.length > 1 ? inv.args.slice(1) : null,
    Image: inv.args[0],
    // docker/cli sends the map even when empty (Config.Volumes has no omitempty): the container keeps `{}`, and a
    // commit hashes it into the image ID.
    Volumes: mounts.volumes,
    WorkingDir: getString(f, 'workdir'),
    Entrypoint: entrypoint,
    Labels: labelMap([...getList(f, 'label-file').flatMap((p) => kvFile(read, p, null)), ...getList(f, 'label')]),
    StopSignal: getString(f, 'stop-signal') || undefined,
    StopTimeout: changed(f, 'stop-timeout') ? getInt(f, 'stop-timeout') : undefined,
  };
  const hostConfig: ContainerConfig['hostConfig'] = {
    Binds: null,
    NetworkMode: network,
    PortBindings: bindings,
    RestartPolicy: restart,
    AutoRemove: autoRemove,
    PublishAllPorts: getBool(f, 'publish-all'),
    Memory: memory,
    NanoCpus: nanoCpus,
    ConsoleSize: [0, 0],
  };
  const endpoint = networkEndpoint(f, network);
  Object.assign(config, otherConfig(f));
  Object.assign(hostConfig, otherHostConfig(f), mounts.host);
  const net = network === 'default' || network === '' ? 'default' : network;
  const networkingConfig = { EndpointsConfig: Object.keys(endpoint).length > 0 ? { [net]: endpoint } : {} };
  return { config, hostConfig, networkingConfig };
}

/**
 * docker/cli's kvfile.Parse (--env-file, --label-file): `KEY=value` lines kept as written, blank and `#` lines
 * skipped, a bare name replaced by the CLI's own `KEY=value` when `env` has it and dropped otherwise.
 */
function kvFile(read: ReadFile, path: string, env: ((k: string) => string | undefined) | null): string[] {
  const out: string[] = [];
  const lines = read(path).replace(/^\uFEFF/, '').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (const raw of lines) {
    const line = raw.replace(/\r$/, '').replace(/^\s+/, '');
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    const key = eq < 0 ? line : line.slice(0, eq);
    if (key === '') throw new Error(`invalid env file (${path}): no variable name on line '${line}'`);
    if (/[ \t]/.test(key)) throw new Error(`invalid env file (${path}): variable '${key}' contains whitespaces`);
    if (eq >= 0) out.push(line);
    else {
      const own = env?.(line);
      if (own !== undefined) out.push(`${key}=${own}`);
    }
  }
  return out;
}

const mapOf = (list: readonly string[]): Record<string, string> => labelMap(list);

/** Config fields the daemon judges (it refuses what it does not model): sent as docker/cli sends them. */
function otherConfig(f: Invocation['flags']): Json {
  const out: Json = {};
  if (getString(f, 'domainname') !== '') out.Domainname = getString(f, 'domainname');
  const health = {
    cmd: getString(f, 'health-cmd'), interval: duration(f, 'health-interval'), timeout: duration(f, 'health-timeout'),
    startPeriod: duration(f, 'health-start-period'), startInterval: duration(f, 'health-start-interval'),
    retries: changed(f, 'health-retries') ? getInt(f, 'health-retries') : 0,
  };
  const haveHealth = health.cmd !== '' || health.interval !== 0 || health.timeout !== 0 || health.startPeriod !== 0 ||
    health.retries !== 0 || health.startInterval !== 0;
  if (getBool(f, 'no-healthcheck')) {
    if (haveHealth) throw new Error('--no-healthcheck conflicts with --health-* options');
    out.Healthcheck = { Test: ['NONE'] };
  } else if (haveHealth) {
    for (const [k, v] of [['interval', health.interval], ['timeout', health.timeout], ['retries', health.retries]] as const) {
      if (v < 0) throw new Error(`--health-${k} cannot be negative`);
    }
    if (health.startPeriod < 0) throw new Error('--health-start-period cannot be negative');
    if (health.startInterval < 0) throw new Error('--health-start-interval cannot be negative');
    out.Healthcheck = {
      Test: health.cmd !== '' ? ['CMD-SHELL', health.cmd] : null, Interval: health.interval, Timeout: health.timeout,
      StartPeriod: health.startPeriod, StartInterval: health.startInterval, Retries: health.retries,
    };
  }
  return out;
}

function duration(f: Invocation['flags'], name: string): number {
  const d = parseGoDuration(getString(f, name) || '0s');
  return typeof d === 'number' ? d : 0;
}

const MODES: ReadonlyArray<readonly [flag: string, field: string, ok: (v: string) => boolean, error: string]> = [
  ['pid', 'PidMode', (v) => v === '' || v === 'host' || (v.startsWith('container:') && v.length > 10), '--pid: invalid PID mode'],
  ['uts', 'UTSMode', (v) => v === '' || v === 'host', '--uts: invalid UTS mode'],
  ['userns', 'UsernsMode', (v) => v === '' || v === 'host', '--userns: invalid USER mode'],
  ['cgroupns', 'CgroupnsMode', (v) => ['', 'host', 'private'].includes(v), '--cgroupns: invalid CGROUP mode'],
];

/** HostConfig fields beyond the core ones, as docker/cli's parse fills them (zero values left out). */
function otherHostConfig(f: Invocation['flags']): Json {
  const out: Json = {};
  const list = (name: string, field: string, map: (v: string) => unknown = (v) => v): void => {
    const vs = getList(f, name);
    if (vs.length > 0) out[field] = vs.map(map);
  };
  const str = (name: string, field: string): void => {
    if (getString(f, name) !== '') out[field] = getString(f, name);
  };
  const int = (name: string, field: string): void => {
    if (changed(f, name) && getInt(f, name) !== 0) out[field] = getInt(f, name);
  };
  const bytes = (name: string, field: string): void => {
    if (!changed(f, name)) return;
    const v = getString(f, name);
    out[field] = v === '-1' ? -1 : (ramInBytes(v) as number);
  };
  const bool = (name: string, field: string): void => {
    if (getBool(f, name)) out[field] = true;
  };
  for (const [flag, field, ok, error] of MODES) {
    const v = getString(f, flag);
    if (!ok(v)) throw new Error(error);
    if (v !== '') out[field] = v;
  }
  const swappiness = changed(f, 'memory-swappiness') ? getInt(f, 'memory-swappiness') : -1;
  if (swappiness !== -1 && (swappiness < 0 || swappiness > 100)) {
    throw new Error(`invalid value: ${swappiness}. Valid memory swappiness range is 0-100`);
  }
  if (swappiness !== -1) out.MemorySwappiness = swappiness;
  list('add-host', 'ExtraHosts', (v) => extraHost(v).value);
  list('dns', 'Dns');
  list('dns-option', 'DnsOptions');
  list('dns-opt', 'DnsOptions');
  list('dns-search', 'DnsSearch');
  list('cap-add', 'CapAdd', capName);
  list('cap-drop', 'CapDrop', capName);
  list('group-add', 'GroupAdd');
  list('link', 'Links');
  list('security-opt', 'SecurityOpt');
  list('device', 'Devices', (v) => ({ PathOnHost: v.split(':')[0], PathInContainer: v.split(':')[1] ?? v.split(':')[0], CgroupPermissions: 'rwm' }));
  list('device-cgroup-rule', 'DeviceCgroupRules');
  list('blkio-weight-device', 'BlkioWeightDevice', (v) => ({ Path: v.split(':')[0], Weight: Number(v.split(':')[1]) || 0 }));
  for (const [name, field] of [['device-read-bps', 'BlkioDeviceReadBps'], ['device-write-bps', 'BlkioDeviceWriteBps'],
    ['device-read-iops', 'BlkioDeviceReadIOps'], ['device-write-iops', 'BlkioDeviceWriteIOps']] as const) {
    list(name, field, (v) => ({ Path: v.split(':')[0], Rate: Number(v.split(':')[1]) || 0 }));
  }
  list('ulimit', 'Ulimits', (v) => {
    const [name, limits = ''] = v.split('=');
    const [soft, hard = soft] = limits.split(':');
    return { Name: name, Hard: Number(hard), Soft: Number(soft) };
  });
  list('gpus', 'DeviceRequests', (v) => ({ Driver: '', Count: v === 'all' ? -1 : Number(v) || 0, DeviceIDs: null, Capabilities: [['gpu']], Options: {} }));
  if (getList(f, 'sysctl').length > 0) out.Sysctls = mapOf(getList(f, 'sysctl'));
  if (getList(f, 'annotation').length > 0) out.Annotations = mapOf(getList(f, 'annotation'));
  if (getList(f, 'storage-opt').length > 0) {
    for (const o of getList(f, 'storage-opt')) if (!o.includes('=')) throw new Error('invalid storage option');
    out.StorageOpt = mapOf(getList(f, 'storage-opt'));
  }
  const driver = getString(f, 'log-driver');
  const logOpts = getList(f, 'log-opt');
  for (const o of logOpts) if (!o.includes('=')) throw new Error(`invalid logging opts for driver ${driver}`);
  if (driver !== '' || logOpts.length > 0) out.LogConfig = { Type: driver, Config: mapOf(logOpts) };
  str('cgroup-parent', 'CgroupParent');
  str('cpuset-cpus', 'CpusetCpus');
  str('cpuset-mems', 'CpusetMems');
  str('ipc', 'IpcMode');
  str('isolation', 'Isolation');
  str('runtime', 'Runtime');
  str('volume-driver', 'VolumeDriver');
  int('cpu-shares', 'CpuShares');
  int('cpu-period', 'CpuPeriod');
  int('cpu-quota', 'CpuQuota');
  int('cpu-rt-period', 'CpuRealtimePeriod');
  int('cpu-rt-runtime', 'CpuRealtimeRuntime');
  int('cpu-count', 'CpuCount');
  int('cpu-percent', 'CpuPercent');
  int('blkio-weight', 'BlkioWeight');
  int('oom-score-adj', 'OomScoreAdj');
  int('io-maxiops', 'IOMaximumIOps');
  if (changed(f, 'pids-limit')) out.PidsLimit = getInt(f, 'pids-limit');
  bytes('memory-reservation', 'MemoryReservation');
  bytes('memory-swap', 'MemorySwap');
  bytes('kernel-memory', 'KernelMemory');
  bytes('shm-size', 'ShmSize');
  bytes('io-maxbandwidth', 'IOMaximumBandwidth');
  bool('privileged', 'Privileged');
  bool('read-only', 'ReadonlyRootfs');
  bool('oom-kill-disable', 'OomKillDisable');
  if (changed(f, 'init')) out.Init = getBool(f, 'init');
  return out;
}

/** docker/cli's capability normalisation: upper case with the CAP_ prefix (ALL stays ALL). */
function capName(c: string): string {
  const u = c.toUpperCase();
  return u === 'ALL' || u.startsWith('CAP_') ? u : `CAP_${u}`;
}

export function parseRational(s: string): number {
  const slash = s.indexOf('/');
  if (slash >= 0) return Number(s.slice(0, slash)) / Number(s.slice(slash + 1));
  return Number(s);
}
