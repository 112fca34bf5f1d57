/**
 * GET /version and GET /info as Docker Engine 28.2.2 answers them, filled from the simulated host. With the
 * Docker half: what dockerd needs at boot (its version, its configuration's warnings) is config.ts.
 */
import type { DaemonStore } from '../../engine/daemon/store.js';
import { formatRFC3339Nano } from '../../pkg/timetypes.js';
import { apiWarnings, ENGINE_COMMIT, ENGINE_VERSION, type DaemonConfig } from './config.js';
const BUILD_TIME = '2025-05-30T12:07:28.000000000+00:00';
const GO_VERSION = 'go1.24.3';

export function systemVersion(engine: DaemonStore): Record<string, unknown> {
  const kernel = engine.kernel.release;
  return {
    Platform: { Name: 'Docker Engine - Community' },
    Components: [
      {
        Name: 'Engine',
        Version: ENGINE_VERSION,
        Details: {
          ApiVersion: '1.50',
          Arch: 'amd64',
          BuildTime: BUILD_TIME,
          Experimental: 'false',
          GitCommit: ENGINE_COMMIT,
          GoVersion: GO_VERSION,
          KernelVersion: kernel,
          MinAPIVersion: '1.24',
          Os: 'linux',
        },
      },
      { Name: 'containerd', Version: '1.7.27', Details: { GitCommit: '05044ec0a9a75232cad458027ca83437aae3f4da' } },
      { Name: 'runc', Version: '1.2.5', Details: { GitCommit: 'v1.2.5-0-g59923ef' } },
      { Name: 'docker-init', Version: '0.19.0', Details: { GitCommit: 'de40ad0' } },
    ],
    Version: ENGINE_VERSION,
    ApiVersion: '1.50',
    MinAPIVersion: '1.24',
    GitCommit: ENGINE_COMMIT,
    GoVersion: GO_VERSION,
    Os: 'linux',
    Arch: 'amd64',
    KernelVersion: kernel,
    BuildTime: BUILD_TIME,
  };
}

/** The host's memory as /proc/meminfo reports it (4 GiB VM), in bytes. */
const MEM_TOTAL = 4026512 * 1024;

export function systemInfo(engine: DaemonStore, hostname: string, config: DaemonConfig = { hosts: [], tls: undefined }): Record<string, unknown> {
  const states = [...engine.containers.values()].map((c) => c.State);
  const running = states.filter((s) => s.Running && !s.Paused).length;
  const paused = states.filter((s) => s.Paused).length;
  const k = engine.kernel;
  return {
    ID: daemonId(engine),
    Containers: states.length,
    ContainersRunning: running,
    ContainersPaused: paused,
    ContainersStopped: states.length - running - paused,
    Images: engine.images.all().length,
    Driver: 'overlay2',
    DriverStatus: [
      ['Backing Filesystem', 'extfs'],
      ['Supports d_type', 'true'],
      ['Using metacopy', 'false'],
      ['Native Overlay Diff', 'true'],
      ['userxattr', 'false'],
    ],
    Plugins: {
      Volume: ['local'],
      Network: ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay'],
      Authorization: null,
      Log: ['awslogs', 'fluentd', 'gcplogs', 'gelf', 'journald', 'json-file', 'local', 'splunk', 'syslog'],
    },
    MemoryLimit: true,
    SwapLimit: false,
    CpuCfsPeriod: true,
    CpuCfsQuota: true,
    CPUShares: true,
    CPUSet: true,
    PidsLimit: true,
    IPv4Forwarding: true,
    Debug: false,
    NFd: 27 + 4 * running,
    OomKillDisable: false,
    NGoroutines: 45 + 8 * running,
    SystemTime: formatRFC3339Nano(k.clock.epochNs()),
    LoggingDriver: 'json-file',
    CgroupDriver: 'systemd',
    CgroupVersion: '2',
    NEventsListener: 0,
    KernelVersion: k.release,
    OperatingSystem: 'Ubuntu 24.04.1 LTS',
    OSVersion: '24.04',
    OSType: 'linux',
    Architecture: 'x86_64',
    IndexServerAddress: 'https://index.docker.io/v1/',
    RegistryConfig: {
      IndexConfigs: {
        'docker.io': { Mirrors: [], Name: 'docker.io', Official: true, Secure: true },
      },
      InsecureRegistryCIDRs: ['::1/128', '127.0.0.0/8'],
      Mirrors: null,
    },
    NCPU: 2,
    MemTotal: MEM_TOTAL,
    GenericResources: null,
    DockerRootDir: '/var/lib/docker',
    HttpProxy: '',
    HttpsProxy: '',
    NoProxy: '',
    Name: hostname,
    Labels: [],
    ExperimentalBuild: false,
    ServerVersion: ENGINE_VERSION,
    Runtimes: {
      'io.containerd.runc.v2': { path: 'runc', status: { 'org.opencontainers.runtime-spec.features': '{}' } },
      runc: { path: 'runc', status: { 'org.opencontainers.runtime-spec.features': '{}' } },
    },
    DefaultRuntime: 'runc',
    Swarm: {
      NodeID: '',
      NodeAddr: '',
      LocalNodeState: 'inactive',
      ControlAvailable: false,
      Error: '',
      RemoteManagers: null,
    },
    LiveRestoreEnabled: false,
    Isolation: '',
    InitBinary: 'docker-init',
    ContainerdCommit: { ID: '05044ec0a9a75232cad458027ca83437aae3f4da' },
    RuncCommit: { ID: 'v1.2.5-0-g59923ef' },
    InitCommit: { ID: 'de40ad0' },
    SecurityOptions: ['name=apparmor', 'name=seccomp,profile=builtin', 'name=cgroupns'],
    CDISpecDirs: ['/etc/cdi', '/var/run/cdi'],
    Containerd: {
      Address: '/run/containerd/containerd.sock',
      Namespaces: { Containers: 'moby', Plugins: 'plugins.moby' },
    },
    Warnings: apiWarnings(config).length > 0 ? apiWarnings(config) : null,
  };
}

const ids = new WeakMap<DaemonStore, string>();

/** The engine's UUID (/var/lib/docker/engine-id), drawn once from the seeded PRNG. */
function daemonId(engine: DaemonStore): string {
  let id = ids.get(engine);
  if (!id) {
    const h = engine.kernel.prng.hex(16);
    id = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    ids.set(engine, id);
  }
  return id;
}
