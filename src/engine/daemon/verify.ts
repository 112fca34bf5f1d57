/**
 * What moby checks before it creates anything (runconfig's validateNetMode at decode time, then the daemon's
 * verifyContainerSettings and verifyPlatformContainerResources), on the request's own JSON. Each refusal is an
 * InvalidParameter with moby's exact text; warnings are returned for the create response.
 */
import { validateHealthCheck } from './healthConfig.js';
import { parseSignal } from '../kernel/signals.js';
import { invalidParameter } from '../../pkg/errdefs.js';

type Json = Record<string, unknown>;

/** The simulated host's CPUs (`docker info` NCPU): `--cpus` above it is Docker's range error. */
export const HOST_NCPU = 2;
const LINUX_MIN_MEMORY = 6 * 1024 * 1024;

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
const len = (v: unknown): number => (Array.isArray(v) ? v.length : v && typeof v === 'object' ? Object.keys(v).length : 0);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** runconfig's checks while decoding the request: validateNetMode, validateIsolation, validateQoS, validateResources. */
export function validateRunconfig(config: Json, h: Json): void {
  const mode = str(h.NetworkMode);
  if (mode === 'container' || mode.startsWith('container:')) {
    if (mode.slice('container:'.length) === '') {
      throw invalidParameter('invalid network mode: invalid container format container:<name|id>');
    }
    if (str(config.Hostname) !== '') throw invalidParameter('conflicting options: hostname and the network mode');
    if (len(h.Links) > 0) {
      throw invalidParameter("conflicting options: container type network can't be used with links. This would result in undefined behavior");
    }
    if (len(h.Dns) > 0) throw invalidParameter('conflicting options: dns and the network mode');
    if (len(h.ExtraHosts) > 0) throw invalidParameter('conflicting options: custom host-to-IP mapping and the network mode');
    if (len(h.PortBindings) > 0 || h.PublishAllPorts === true) {
      throw invalidParameter('conflicting options: port publishing and the container type network mode');
    }
    if (len(config.ExposedPorts) > 0) throw invalidParameter('conflicting options: port exposing and the container type network mode');
  }
  if (str(h.UTSMode) === 'host' && str(config.Hostname) !== '') {
    throw invalidParameter('conflicting options: hostname and the UTS mode');
  }
  if (mode === 'host' && len(h.Links) > 0) {
    throw invalidParameter("conflicting options: host type networking can't be used with links. This would result in undefined behavior");
  }
  if (h.IOMaximumBandwidth !== undefined && num(h.IOMaximumBandwidth) !== 0) {
    throw invalidParameter('invalid option: QoS maximum bandwidth configuration is not supported on linux');
  }
  if (h.IOMaximumIOps !== undefined && num(h.IOMaximumIOps) !== 0) {
    throw invalidParameter('invalid option: QoS maximum IOPs configuration is not supported on linux');
  }
  const isolation = str(h.Isolation);
  if (isolation !== '' && isolation.toLowerCase() !== 'default') {
    throw invalidParameter(`invalid isolation (${isolation}): linux only supports 'default'`);
  }
  if (num(h.CpuRealtimePeriod) !== 0 || num(h.CpuRealtimeRuntime) !== 0) {
    throw invalidParameter('kernel does not support CPU real-time scheduler');
  }
  if (num(h.CpuShares) < 0) throw invalidParameter(`invalid CPU shares (${num(h.CpuShares)}): value must be a positive integer`);
}

/** IPv4 dotted quad or an IPv6 address as Go's net.ParseIP takes them (close enough for add-host). */
function isIP(s: string): boolean {
  const t = s.trim();
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(t)) return t.split('.').every((o) => Number(o) <= 255 && (o === '0' || !o.startsWith('0')));
  return t.includes(':') && /^[0-9a-fA-F:.]+$/.test(t) && (t.match(/::/g)?.length ?? 0) <= 1;
}

/** The log drivers a Linux dockerd 28 has registered. */
const LOG_DRIVERS = ['awslogs', 'fluentd', 'gcplogs', 'gelf', 'journald', 'json-file', 'local', 'none', 'splunk', 'syslog'];

/** mergeAndVerifyLogConfig: an unknown driver name is Docker's error, before anything dockersim refuses. */
export function validateLogConfig(h: Json): void {
  const type = str((h.LogConfig as Json | null | undefined)?.Type);
  if (type !== '' && !LOG_DRIVERS.includes(type)) throw invalidParameter(`logger: no log driver named '${type}' is registered`);
}

/** validateContainerConfig (daemon/container.go). */
export function validateContainerConfig(config: Json): void {
  const wd = str(config.WorkingDir);
  if (wd !== '' && !wd.startsWith('/')) {
    throw invalidParameter(`the working directory '${wd}' is invalid, it needs to be an absolute path`);
  }
  const stop = str(config.StopSignal);
  if (stop !== '' && parseSignal(stop) === undefined) throw invalidParameter(`Invalid signal: ${stop}`);
  for (const e of Array.isArray(config.Env) ? config.Env : []) {
    if (typeof e === 'string' && (e === '' || e.startsWith('='))) throw invalidParameter(`invalid environment variable: ${e}`);
  }
  validateHealthCheck(config.Healthcheck);
}

/** The add-host part of validateHostConfig. */
export function validateExtraHosts(h: Json): void {
  for (const x of Array.isArray(h.ExtraHosts) ? h.ExtraHosts : []) {
    const s = String(x);
    const colon = s.indexOf(':');
    if (colon <= 0) throw invalidParameter(`bad format for add-host: "${s}"`);
    const ip = s.slice(colon + 1);
    if (ip !== 'host-gateway' && !isIP(ip)) throw invalidParameter(`invalid IP address in add-host: "${ip}"`);
  }
}

/**
 * verifyPlatformContainerResources (and the namespace modes after it), for a cgroup v2 host with 2 CPUs. An
 * update may give a swap limit alone: the container's memory limit is already set.
 */
export function verifyResources(h: Json, update = false): string[] {
  const warnings: string[] = [];
  const memory = num(h.Memory);
  const swap = num(h.MemorySwap);
  if (memory !== 0 && memory < LINUX_MIN_MEMORY) throw invalidParameter('Minimum memory limit allowed is 6MB');
  if (memory > 0 && swap > 0 && swap < memory) {
    throw invalidParameter('Minimum memoryswap limit should be larger than memory limit, see usage');
  }
  if (memory === 0 && swap > 0 && !update) {
    throw invalidParameter('You should always set the Memory limit when using Memoryswap limit, see usage');
  }
  const swappiness = h.MemorySwappiness;
  if (typeof swappiness === 'number' && swappiness !== -1 && (swappiness < 0 || swappiness > 100)) {
    throw invalidParameter(`Invalid value: ${swappiness}, valid memory swappiness range is 0-100`);
  }
  const reservation = num(h.MemoryReservation);
  if (reservation > 0 && reservation < LINUX_MIN_MEMORY) throw invalidParameter('Minimum memory reservation allowed is 6MB');
  if (memory > 0 && reservation > 0 && memory < reservation) {
    throw invalidParameter('Minimum memory limit can not be less than memory reservation limit, see usage');
  }
  if (num(h.KernelMemory) > 0) {
    warnings.push('Your kernel does not support kernel memory limit capabilities or the cgroup is not mounted. Limitation discarded.');
    h.KernelMemory = 0;
  }
  if (h.OomKillDisable === true && memory === 0) {
    warnings.push('OOM killer is disabled for the container, but no memory limit is set, this can result in the system running out of resources.');
  }
  const nano = num(h.NanoCpus);
  if (nano > 0 && num(h.CpuPeriod) > 0) throw invalidParameter('Conflicting options: Nano CPUs and CPU Period cannot both be set');
  if (nano > 0 && num(h.CpuQuota) > 0) throw invalidParameter('Conflicting options: Nano CPUs and CPU Quota cannot both be set');
  if (nano !== 0 && (nano < 0 || nano > HOST_NCPU * 1e9)) {
    throw invalidParameter(`range of CPUs is from 0.01 to ${HOST_NCPU}.00, as there are only ${HOST_NCPU} CPUs available`);
  }
  const period = num(h.CpuPeriod);
  if (period !== 0 && (period < 1000 || period > 1000000)) {
    throw invalidParameter('CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)');
  }
  const quota = num(h.CpuQuota);
  if (quota > 0 && quota < 1000) throw invalidParameter('CPU cfs quota can not be less than 1ms (i.e. 1000)');
  if (num(h.CpuPercent) > 0) {
    warnings.push('linux does not support CPU percent. Percent discarded.');
    h.CpuPercent = 0;
  }
  const blkio = num(h.BlkioWeight);
  if (blkio > 0 && (blkio < 10 || blkio > 1000)) throw invalidParameter('Range of blkio weight is from 10 to 1000');
  const oom = num(h.OomScoreAdj);
  if (oom < -1000 || oom > 1000) throw invalidParameter(`Invalid value ${oom}, range for oom score adj is [-1000, 1000]`);
  if (num(h.ShmSize) < 0) throw invalidParameter('SHM size can not be less than 0');
  for (const [field, what] of [['IpcMode', 'IPC'], ['PidMode', 'PID'], ['UTSMode', 'UTS']] as const) {
    const v = str(h[field]);
    const ok = field === 'IpcMode'
      ? ['', 'none', 'private', 'shareable', 'host'].includes(v) || (v.startsWith('container:') && v.length > 10)
      : ['', 'host'].includes(v) || (field === 'PidMode' && v.startsWith('container:') && v.length > 10);
    if (!ok) throw invalidParameter(`invalid ${what} mode: ${v}`);
  }
  return warnings;
}
