/**
 * dockersim's one voice for what it does not model. A create request whose field holds anything but what the
 * docker CLI sends for a flag left out is refused — NotImplemented, `dockersim: --ulimit (HostConfig.Ulimits)
 * is not simulated` — rather than stored and ignored. Docker's own validation runs first (verify.ts), so a bad
 * value still gets Docker's error. A key that is no field of Docker's (dockerode sends `name` in the body) is
 * ignored, as Go's JSON decoder ignores it.
 */
import { DaemonError } from '../../pkg/errdefs.js';

type Json = Record<string, unknown>;

export function notSimulated(what: string): DaemonError {
  return new DaemonError('NotImplemented', `dockersim: ${what} is not simulated`);
}

/** null/false/0/''/[]/{}: what Go's zero value serialises to, and what a client leaving a field out sends. */
export function isZero(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  return typeof v === 'object' && Object.keys(v as object).length === 0;
}

type Accept = (v: unknown, all: Json) => boolean;
const zero: Accept = (v) => isZero(v);
const always: Accept = () => true;
const oneOf = (...ok: unknown[]): Accept => (v) => isZero(v) || ok.includes(v);

/** HostConfig: which values the simulator honours, and the flag that sets the field. */
const HOST: Record<string, readonly [flag: string, accept: Accept]> = {
  Binds: ['-v', always],
  ContainerIDFile: ['--cidfile', always],
  LogConfig: ['--log-driver', (v) => {
    const l = (v ?? {}) as Json;
    return ['', 'json-file', 'none', undefined].includes(l.Type as string) && isZero(l.Config);
  }],
  NetworkMode: ['--network', always],
  // Docker discards published ports in host network mode (with a warning): nothing to model.
  PortBindings: ['-p', always],
  RestartPolicy: ['--restart', always],
  AutoRemove: ['--rm', always],
  VolumeDriver: ['--volume-driver', always],
  VolumesFrom: ['--volumes-from', always],
  ConsoleSize: ['HostConfig.ConsoleSize', always],
  Annotations: ['--annotation', zero],
  CapAdd: ['--cap-add', zero],
  CapDrop: ['--cap-drop', zero],
  CgroupnsMode: ['--cgroupns', oneOf('private')],
  Dns: ['--dns', always],
  DnsOptions: ['--dns-option', always],
  DnsSearch: ['--dns-search', always],
  ExtraHosts: ['--add-host', always],
  GroupAdd: ['--group-add', zero],
  IpcMode: ['--ipc', oneOf('private', 'shareable')],
  Cgroup: ['HostConfig.Cgroup', zero],
  Links: ['--link', always],
  OomScoreAdj: ['--oom-score-adj', zero],
  PidMode: ['--pid', zero],
  Privileged: ['--privileged', always],
  PublishAllPorts: ['-P', always],
  ReadonlyRootfs: ['--read-only', zero],
  SecurityOpt: ['--security-opt', zero],
  StorageOpt: ['--storage-opt', zero],
  Tmpfs: ['--tmpfs', always],
  UTSMode: ['--uts', zero],
  UsernsMode: ['--userns', zero],
  ShmSize: ['--shm-size', oneOf(67108864)],
  Sysctls: ['--sysctl', zero],
  Runtime: ['--runtime', oneOf('runc')],
  Isolation: ['--isolation', always],
  CpuShares: ['--cpu-shares', zero],
  Memory: ['-m', always],
  NanoCpus: ['--cpus', zero],
  CgroupParent: ['--cgroup-parent', zero],
  BlkioWeight: ['--blkio-weight', zero],
  BlkioWeightDevice: ['--blkio-weight-device', zero],
  BlkioDeviceReadBps: ['--device-read-bps', zero],
  BlkioDeviceWriteBps: ['--device-write-bps', zero],
  BlkioDeviceReadIOps: ['--device-read-iops', zero],
  BlkioDeviceWriteIOps: ['--device-write-iops', zero],
  CpuPeriod: ['--cpu-period', zero],
  CpuQuota: ['--cpu-quota', zero],
  CpuRealtimePeriod: ['--cpu-rt-period', zero],
  CpuRealtimeRuntime: ['--cpu-rt-runtime', zero],
  CpusetCpus: ['--cpuset-cpus', zero],
  CpusetMems: ['--cpuset-mems', zero],
  Devices: ['--device', zero],
  DeviceCgroupRules: ['--device-cgroup-rule', zero],
  DeviceRequests: ['--gpus', zero],
  KernelMemory: ['--kernel-memory', always],
  KernelMemoryTCP: ['HostConfig.KernelMemoryTCP', zero],
  MemoryReservation: ['--memory-reservation', zero],
  // The host has no swap: any memory+swap limit leaves memory.max as the one that binds, as on a real swapless host.
  MemorySwap: ['--memory-swap', always],
  MemorySwappiness: ['--memory-swappiness', oneOf(-1)],
  OomKillDisable: ['--oom-kill-disable', zero],
  PidsLimit: ['--pids-limit', always],
  Ulimits: ['--ulimit', zero],
  CpuCount: ['--cpu-count', always],
  CpuPercent: ['--cpu-percent', always],
  IOMaximumIOps: ['--io-maxiops', always],
  IOMaximumBandwidth: ['--io-maxbandwidth', always],
  Mounts: ['--mount', always],
  MaskedPaths: ['HostConfig.MaskedPaths', zero],
  ReadonlyPaths: ['HostConfig.ReadonlyPaths', zero],
  Init: ['--init', always],
};

/** Config (the body's top level). */
const CONFIG: Record<string, readonly [flag: string, accept: Accept]> = {
  Hostname: ['--hostname', always],
  Domainname: ['--domainname', zero],
  User: ['--user', always],
  AttachStdin: ['-a', always],
  AttachStdout: ['-a', always],
  AttachStderr: ['-a', always],
  ExposedPorts: ['--expose', always],
  Tty: ['-t', always],
  OpenStdin: ['-i', always],
  StdinOnce: ['Config.StdinOnce', always],
  Env: ['-e', always],
  Cmd: ['COMMAND', always],
  Healthcheck: ['--health-cmd', always],
  ArgsEscaped: ['Config.ArgsEscaped', always],
  Image: ['IMAGE', always],
  Volumes: ['-v', always],
  WorkingDir: ['--workdir', always],
  Entrypoint: ['--entrypoint', always],
  NetworkDisabled: ['Config.NetworkDisabled', zero],
  MacAddress: ['--mac-address', zero],
  OnBuild: ['Config.OnBuild', zero],
  Labels: ['--label', always],
  StopSignal: ['--stop-signal', always],
  StopTimeout: ['--stop-timeout', always],
  Shell: ['Config.Shell', zero],
};

const ENDPOINT_FLAGS: Record<string, string> = {
  IPAMConfig: '--ip', Links: '--link', Aliases: '--network-alias', MacAddress: '--mac-address',
  DriverOpts: '--network driver-opt', GwPriority: '--network gw-priority',
};

/** network.EndpointSettings: the fields a client may set (the rest are the daemon's to fill). */
const ENDPOINT_FIELDS = new Set([
  'IPAMConfig', 'Links', 'Aliases', 'MacAddress', 'DriverOpts', 'GwPriority', 'NetworkID', 'EndpointID', 'Gateway',
  'IPAddress', 'IPPrefixLen', 'IPv6Gateway', 'GlobalIPv6Address', 'GlobalIPv6PrefixLen', 'DNSNames',
]);

/** Modelled: `--network-alias`, `--link` and an IPv4 `--ip`. */
function endpointAccepts(k: string, v: unknown): boolean {
  if (k === 'Aliases' || k === 'Links') return true;
  if (k !== 'IPAMConfig') return false;
  const ipam = v as Json;
  return isZero(ipam.IPv6Address) && isZero(ipam.LinkLocalIPs);
}

function what(flag: string, field: string): string {
  return flag.startsWith('-') ? `${flag} (${field})` : field;
}

/** `docker update`'s resources: the HostConfig fields of a container.Resources the simulator refuses. */
export function refuseUnsimulatedResources(resources: Json): void {
  for (const [k, v] of Object.entries(resources)) {
    const rule = HOST[k];
    if (rule && !rule[1](v, resources)) throw notSimulated(what(rule[0], `HostConfig.${k}`));
  }
}

/** Throws the first field of the request the simulator would otherwise accept and ignore. */
export function refuseUnsimulated(config: Json, h: Json, networking: Json): void {
  // Object.keys, not entries: every create walks both objects, and entries made a pair per field.
  for (const k of Object.keys(config)) {
    const rule = CONFIG[k];
    if (rule && !rule[1](config[k], config)) throw notSimulated(what(rule[0], `Config.${k}`));
  }
  for (const k of Object.keys(h)) {
    const rule = HOST[k];
    const v = h[k];
    if (!rule || rule[1](v, h)) continue;
    let flag = rule[0];
    if (k === 'LogConfig') flag = isZero((v as Json).Config) ? '--log-driver' : '--log-opt';
    throw notSimulated(what(flag, `HostConfig.${k}`));
  }
  const eps = (networking.EndpointsConfig ?? {}) as Record<string, Json | null>;
  for (const name of Object.keys(eps)) {
    for (const [k, v] of Object.entries(eps[name] ?? {})) {
      if (!ENDPOINT_FIELDS.has(k) || isZero(v) || endpointAccepts(k, v)) continue;
      throw notSimulated(what(ENDPOINT_FLAGS[k] ?? '', `NetworkingConfig.EndpointsConfig.${name}.${k}`));
    }
  }
}
