/**
 * A container as the Engine API shows it: GET /containers/{id}/json (ContainerInspectResponse) and one element
 * of GET /containers/json (ContainerSummary). Keys are inserted in the order moby's Go structs serialise them
 * (embedded ContainerJSONBase first, then Mounts, Config, NetworkSettings); JSON.stringify keeps that order.
 * Fields the simulator does not model carry the values a default `docker run` shows on Docker 28.
 */
import { portList, portMap } from './network/published.js';
import type { Container, ContainerConfig, NetworkEndpoint } from './container.js';
import { DOCKER_ROOT } from './container.js';
import { healthConfigJSON } from './healthConfig.js';
import { formatRFC3339Nano, unixSeconds } from '../../pkg/timetypes.js';
import { hostConfigMounts, mountsJSON } from './volume/inspect.js';

const MASKED_PATHS = [
  '/proc/asound', '/proc/acpi', '/proc/interrupts', '/proc/kcore', '/proc/keys', '/proc/latency_stats',
  '/proc/timer_list', '/proc/timer_stats', '/proc/sched_debug', '/proc/scsi', '/sys/firmware',
  '/sys/devices/virtual/powercap',
];
const READONLY_PATHS = ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'];

type Json = Record<string, unknown>;

function endpointJSON(e: NetworkEndpoint): Json {
  return {
    IPAMConfig: e.IPAMConfig ?? null, Links: e.Links ?? null, MacAddress: e.MacAddress, Aliases: e.Aliases ?? null,
    DriverOpts: null, GwPriority: 0, NetworkID: e.NetworkID, EndpointID: e.EndpointID, Gateway: e.Gateway,
    IPAddress: e.IPAddress, IPPrefixLen: e.IPPrefixLen, IPv6Gateway: '', GlobalIPv6Address: '', GlobalIPv6PrefixLen: 0,
    DNSNames: e.DNSNames ?? null,
  };
}

function hostConfigJSON(c: Container, links: string[] | null): Json {
  const h = c.HostConfig;
  const out: Json = {
    Binds: h.Binds, ContainerIDFile: h.ContainerIDFile, LogConfig: h.LogConfig, NetworkMode: h.NetworkMode,
    PortBindings: h.PortBindings, RestartPolicy: h.RestartPolicy, AutoRemove: h.AutoRemove, VolumeDriver: '',
    VolumesFrom: null, ConsoleSize: h.ConsoleSize, CapAdd: null, CapDrop: null, CgroupnsMode: 'private',
    Dns: h.Dns, DnsOptions: h.DnsOptions, DnsSearch: h.DnsSearch, ExtraHosts: h.ExtraHosts, GroupAdd: null,
    IpcMode: 'private', Cgroup: '', Links: links, OomScoreAdj: 0, PidMode: '', Privileged: h.Privileged,
    PublishAllPorts: h.PublishAllPorts ?? false, ReadonlyRootfs: false, SecurityOpt: null, UTSMode: '', UsernsMode: '',
    ShmSize: 67108864, Runtime: 'runc', Isolation: h.Isolation ?? '',
    // Resources (embedded)
    CpuShares: 0, Memory: h.Memory, NanoCpus: h.NanoCpus, CgroupParent: '', BlkioWeight: 0,
    BlkioWeightDevice: [], BlkioDeviceReadBps: [], BlkioDeviceWriteBps: [], BlkioDeviceReadIOps: [],
    BlkioDeviceWriteIOps: [], CpuPeriod: 0, CpuQuota: 0, CpuRealtimePeriod: 0, CpuRealtimeRuntime: 0,
    CpusetCpus: '', CpusetMems: '', Devices: [], DeviceCgroupRules: null, DeviceRequests: null,
    MemoryReservation: 0, MemorySwap: h.MemorySwap, MemorySwappiness: null, OomKillDisable: null, PidsLimit: h.PidsLimit,
    Ulimits: [], CpuCount: 0, CpuPercent: 0, IOMaximumIOps: 0, IOMaximumBandwidth: 0,
    MaskedPaths: h.Privileged ? null : MASKED_PATHS, ReadonlyPaths: h.Privileged ? null : READONLY_PATHS,
  };
  if (h.Init !== undefined) out.Init = h.Init;
  return hostConfigMounts(c, out);
}

function configJSON(c: Container): Json {
  return containerConfigJSON(c.Config);
}

/** container.Config in Go's field order: a container's, and the one `docker commit` writes into an image config. */
export function containerConfigJSON(k: ContainerConfig): Json {
  const out: Json = {
    Hostname: k.Hostname, Domainname: k.Domainname, User: k.User, AttachStdin: k.AttachStdin,
    AttachStdout: k.AttachStdout, AttachStderr: k.AttachStderr,
  };
  if (k.ExposedPorts && Object.keys(k.ExposedPorts).length > 0) out.ExposedPorts = k.ExposedPorts;
  Object.assign(out, {
    Tty: k.Tty, OpenStdin: k.OpenStdin, StdinOnce: k.StdinOnce, Env: k.Env, Cmd: k.Cmd,
  });
  if (k.Healthcheck) out.Healthcheck = healthConfigJSON(k.Healthcheck);
  Object.assign(out, {
    Image: k.Image, Volumes: k.Volumes, WorkingDir: k.WorkingDir, Entrypoint: k.Entrypoint, OnBuild: k.OnBuild, Labels: k.Labels,
  });
  if (k.StopSignal) out.StopSignal = k.StopSignal;
  if (k.StopTimeout !== undefined) out.StopTimeout = k.StopTimeout;
  if (k.Shell && k.Shell.length > 0) out.Shell = k.Shell;
  return out;
}

/**
 * The image's EXPOSEd ports while the container runs on a network of its own, unpublished (`"80/tcp": null`);
 * a stopped container's sandbox, and so its port map, is gone.
 */
function exposed(c: Container): string[] {
  const mode = c.HostConfig.NetworkMode;
  if (!c.State.Running || mode === 'host' || mode === 'none' || mode.startsWith('container:')) return [];
  return Object.keys(c.Config.ExposedPorts ?? {}).sort(comparePorts);
}

function comparePorts(a: string, b: string): number {
  const [pa, ta] = a.split('/');
  const [pb, tb] = b.split('/');
  return Number(pa) - Number(pb) || (ta < tb ? -1 : ta > tb ? 1 : 0);
}

function networkSettingsJSON(c: Container): Json {
  const bridge = c.Networks.get('bridge');
  const networks: Json = {};
  for (const [name, e] of c.Networks) networks[name] = endpointJSON(e);
  // The host network's sandbox is the host's own namespace, which libnetwork calls "default".
  const key = c.HostConfig.NetworkMode === 'host' ? 'default' : c.SandboxID.slice(0, 12);
  return {
    Bridge: '', SandboxID: c.SandboxID, SandboxKey: c.SandboxID ? `/var/run/docker/netns/${key}` : '',
    Ports: portMap(c, exposed(c)), HairpinMode: false, LinkLocalIPv6Address: '', LinkLocalIPv6PrefixLen: 0,
    SecondaryIPAddresses: null, SecondaryIPv6Addresses: null,
    EndpointID: bridge?.EndpointID ?? '', Gateway: bridge?.Gateway ?? '', GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0, IPAddress: bridge?.IPAddress ?? '', IPPrefixLen: bridge?.IPPrefixLen ?? 0,
    IPv6Gateway: '', MacAddress: bridge?.MacAddress ?? '', Networks: networks,
  };
}

function graphDriverJSON(c: Container): Json {
  const dir = `${DOCKER_ROOT}/overlay2/${c.rwLayerId}`;
  const lower = [`${dir}-init/diff`, ...c.imageLayerIds.map((l) => `${DOCKER_ROOT}/overlay2/${l}/diff`)].join(':');
  // A Go map: keys sorted.
  return { Data: { LowerDir: lower, MergedDir: `${dir}/merged`, UpperDir: `${dir}/diff`, WorkDir: `${dir}/work` }, Name: 'overlay2' };
}

/** GET /containers/{id}/json. `links`: HostConfig.Links as the link index shows them (`/redis:/webapp/db`). */
export function toInspectJSON(c: Container, links: string[] | null = null): Json {
  return {
    Id: c.ID, Created: formatRFC3339Nano(c.Created), Path: c.Path, Args: c.Args, State: c.State.toJSON(),
    Image: c.ImageID, ResolvConfPath: c.ResolvConfPath, HostnamePath: c.HostnamePath, HostsPath: c.HostsPath,
    LogPath: c.LogPath, Name: c.Name, RestartCount: c.RestartCount, Driver: c.Driver, Platform: c.Platform,
    MountLabel: '', ProcessLabel: '', AppArmorProfile: c.HostConfig.Privileged ? 'unconfined' : 'docker-default',
    ExecIDs: c.ExecIDs.length > 0 ? c.ExecIDs : null, HostConfig: hostConfigJSON(c, links), GraphDriver: graphDriverJSON(c),
    Mounts: mountsJSON(c), Config: configJSON(c), NetworkSettings: networkSettingsJSON(c),
  };
}

/** One element of GET /containers/json. `names` are all names reserved to the container, each with `/`. */
export function toListJSON(c: Container, names: readonly string[], nowNs: bigint): Json {
  const networks: Json = {};
  for (const [name, e] of c.Networks) networks[name] = endpointJSON(e);
  return {
    Id: c.ID, Names: [...names], Image: c.Config.Image, ImageID: c.ImageID, Command: c.command,
    Created: unixSeconds(c.Created),
    Ports: portList(c, exposed(c)), Labels: c.Config.Labels, State: c.State.stateString(),
    Status: c.State.statusString(nowNs), HostConfig: { NetworkMode: c.HostConfig.NetworkMode },
    NetworkSettings: { Networks: networks }, Mounts: mountsJSON(c),
  };
}
