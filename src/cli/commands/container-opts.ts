/**
 * From `docker run`/`docker create` flags to the three bodies of POST /containers/create (docker/cli's
 * parse in cli/command/container/opts.go), for the flags the simulation models. Errors are docker's texts;
 * the caller adds the `docker: … Run 'docker run --help'` frame.
 */
import type { Json } from '../client.js';
import type { Invocation } from '../dispatch.js';
import { StatusError } from '../errors.js';
import { changed, getBool, getInt, getList, getString } from '../flags.js';
import { ramInBytes } from '../values.js';

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

function restartPolicy(v: string): Json {
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

function portRange(s: string, what: string): [number, number] {
  const m = /^(\d+)(?:-(\d+))?$/.exec(s);
  if (!m) throw new Error(`invalid ${what}: ${s}`);
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  if (a > 65535 || b > 65535 || b < a) throw new Error(`invalid ${what}: ${s}`);
  return [a, b];
}

/** nat.ParsePortSpec: `[ip:][hostPort:]containerPort[/proto]`, ranges of equal length. */
function addPublish(spec: string, exposed: Json, bindings: Record<string, Json[]>): void {
  const slash = spec.lastIndexOf('/');
  let body = spec;
  let proto = 'tcp';
  if (slash >= 0 && !spec.slice(slash).includes(':')) {
    proto = spec.slice(slash + 1).toLowerCase();
    body = spec.slice(0, slash);
  }
  if (!['tcp', 'udp', 'sctp'].includes(proto)) throw new Error(`invalid proto: ${proto}`);
  const parts = body.split(':');
  let ip = '';
  let host = '';
  let ctr: string;
  if (parts.length === 1) ctr = parts[0];
  else if (parts.length === 2) [host, ctr] = parts;
  else {
    ctr = parts.pop()!;
    host = parts.pop()!;
    ip = parts.join(':').replace(/^\[(.*)\]$/, '$1');
  }
  if (ctr === '') throw new Error(`no port specified: ${spec}<empty>`);
  const [c0, c1] = portRange(ctr, 'containerPort');
  const [h0, h1] = host === '' ? [0, 0] : portRange(host, 'hostPort');
  if (host !== '' && h1 - h0 !== c1 - c0 && h0 !== h1) {
    throw new Error(`invalid ranges specified for container and host Ports: ${ctr} and ${host}`);
  }
  for (let p = c0; p <= c1; p++) {
    const key = `${p}/${proto}`;
    exposed[key] = {};
    let hostPort = '';
    if (host !== '') hostPort = String(h0 === h1 ? h0 : h0 + (p - c0));
    (bindings[key] ??= []).push({ HostIp: ip, HostPort: hostPort });
  }
}

function addExpose(spec: string, exposed: Json): void {
  const slash = spec.indexOf('/');
  const proto = slash < 0 ? 'tcp' : spec.slice(slash + 1);
  const [a, b] = portRange(slash < 0 ? spec : spec.slice(0, slash), 'range format for --expose');
  for (let p = a; p <= b; p++) exposed[`${p}/${proto}`] = {};
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
export function containerConfigFor(cli: { env(k: string): string | undefined }, inv: Invocation, pull: string, command: string): ContainerConfig {
  try {
    const bad = validatePullOpt(pull);
    if (bad) throw bad;
    return parseContainerConfig(inv, (k) => cli.env(k));
  } catch (e) {
    throw new StatusError(125, `docker: ${(e as Error).message}\n\nRun 'docker ${command} --help' for more information`);
  }
}

export function parseContainerConfig(inv: Invocation, env: (k: string) => string | undefined): ContainerConfig {
  const f = inv.flags;
  const attach = getList(f, 'attach').map((a) => a.toLowerCase());
  for (const a of attach) {
    if (!['stdin', 'stdout', 'stderr'].includes(a)) throw new Error('valid streams are STDIN, STDOUT and STDERR');
  }
  const stdin = getBool(f, 'interactive');
  const attachStdin = attach.includes('stdin') || stdin;
  const attachStdout = attach.length === 0 || attach.includes('stdout');
  const attachStderr = attach.length === 0 || attach.includes('stderr');

  const exposed: Json = {};
  const bindings: Record<string, Json[]> = {};
  for (const p of getList(f, 'publish')) addPublish(p, exposed, bindings);
  for (const p of getList(f, 'expose')) addExpose(p, exposed);

  const binds: string[] = [];
  const volumes: Json = {};
  for (const v of getList(f, 'volume')) {
    if (v.includes(':')) binds.push(v);
    else volumes[v] = {};
  }

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
    Env: getList(f, 'env').map((e) => envEntry(e, env)),
    Cmd: inv.args.length > 1 ? inv.args.slice(1) : null,
    Image: inv.args[0],
    Volumes: Object.keys(volumes).length > 0 ? volumes : undefined,
    WorkingDir: getString(f, 'workdir'),
    Entrypoint: entrypoint,
    Labels: labelMap(getList(f, 'label')),
    StopSignal: getString(f, 'stop-signal') || undefined,
    StopTimeout: changed(f, 'stop-timeout') ? getInt(f, 'stop-timeout') : undefined,
  };
  const hostConfig: ContainerConfig['hostConfig'] = {
    Binds: binds.length > 0 ? binds : null,
    NetworkMode: network,
    PortBindings: bindings,
    RestartPolicy: restart,
    AutoRemove: autoRemove,
    PublishAllPorts: getBool(f, 'publish-all'),
    Memory: memory,
    NanoCpus: nanoCpus,
    ConsoleSize: [0, 0],
  };
  return { config, hostConfig, networkingConfig: { EndpointsConfig: {} } };
}

function parseRational(s: string): number {
  const slash = s.indexOf('/');
  if (slash >= 0) return Number(s.slice(0, slash)) / Number(s.slice(slash + 1));
  return Number(s);
}
