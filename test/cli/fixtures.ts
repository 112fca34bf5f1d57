/** Daemon answers for CLI tests, shaped like Engine API v1.50 JSON. */
import type { ContainerJSON, ContainerSummary, ImageSummary, Json } from '../../src/cli/client.js';
import { NOW } from './fake.js';

const sec = Math.floor(NOW / 1000);
export const DAVE_ID = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2';
export const HOPPER_ID = 'e11111111111b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7';
export const WEB_ID = 'f00dcafe1234aabbccddeeff00112233445566778899aabbccddeeff00112233';
export const UBUNTU_ID = 'sha256:bf3dc08bfed031182827888bb15977e316ad797ee2ccb63b4c7a57fdfe7eb31d';

export const DAVE: ContainerSummary = {
  Id: DAVE_ID,
  Names: ['/daemon_dave'],
  Image: 'ubuntu',
  ImageID: UBUNTU_ID,
  Command: "/bin/sh -c 'while true; do echo hello; sleep 1; done'",
  Created: sec - 90,
  Ports: [],
  Labels: {},
  State: 'running',
  Status: 'Up About a minute',
};

export const WEB: ContainerSummary = {
  Id: WEB_ID,
  Names: ['/web'],
  Image: 'nginx:1.27',
  ImageID: 'sha256:9bea9f2796e236cb18c2b3ad561ff29f655d1001f9ec7247a0bc5e08d25652a1',
  Command: '/docker-entrypoint.sh nginx -g \'daemon off;\'',
  Created: sec - 3 * 3600,
  Ports: [
    { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
    { IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
  ],
  Labels: { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' },
  State: 'running',
  Status: 'Up 3 hours',
  SizeRw: 1093,
  SizeRootFs: 192_000_000,
};

export const HOPPER: ContainerSummary = {
  Id: HOPPER_ID,
  Names: ['/hungry_hopper'],
  Image: 'ubuntu',
  ImageID: UBUNTU_ID,
  Command: '/bin/bash',
  Created: sec - 28,
  Ports: [],
  Labels: {},
  State: 'exited',
  Status: 'Exited (0) 5 seconds ago',
};

export function inspectOf(id: string, o: { name?: string; tty?: boolean; openStdin?: boolean; running?: boolean;
  paused?: boolean; restarting?: boolean; autoRemove?: boolean } = {}): { value: ContainerJSON; raw: string } {
  const value: ContainerJSON = {
    Id: id,
    Created: '2024-01-02T03:02:35.123456789Z',
    Path: '/bin/bash',
    Args: [],
    State: {
      Status: o.running === false ? 'exited' : 'running',
      Running: o.running ?? true,
      Paused: o.paused ?? false,
      Restarting: o.restarting ?? false,
      ExitCode: 0,
    },
    Name: `/${o.name ?? 'daemon_dave'}`,
    HostConfig: { AutoRemove: o.autoRemove ?? false },
    Config: { Tty: o.tty ?? false, OpenStdin: o.openStdin ?? false, Image: 'ubuntu', Labels: { a: '<b>' } },
  };
  // The daemon's own bytes: Go escapes < and > in strings.
  const raw = JSON.stringify(value).replace('"<b>"', '"\\u003cb\\u003e"');
  return { value, raw };
}

export const IMAGES: ImageSummary[] = [
  {
    Id: 'sha256:9bea9f2796e236cb18c2b3ad561ff29f655d1001f9ec7247a0bc5e08d25652a1',
    RepoTags: ['nginx:1.27', 'nginx:latest'],
    RepoDigests: ['nginx@sha256:6af79ae5de407283dcea8b00d5c37ace95441fd58a8b1d2aa1ed93f5511bb18c'],
    Created: sec - 14 * 86400,
    Size: 192_004_324,
    Containers: -1,
  },
  {
    Id: UBUNTU_ID,
    RepoTags: ['ubuntu:latest'],
    RepoDigests: ['ubuntu@sha256:2e863c44b718727c860746568e1d54afd13b2fa71b160f5cd9058fc436217b30'],
    Created: sec - 40 * 86400,
    Size: 78_118_432,
    Containers: -1,
  },
  {
    Id: 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
    RepoTags: [],
    RepoDigests: [],
    Created: sec - 3 * 3600,
    Size: 5_000,
    Containers: -1,
  },
];

export const SERVER_VERSION: Json = {
  Platform: { Name: 'Docker Engine - Community' },
  Components: [
    {
      Name: 'Engine',
      Version: '28.2.2',
      Details: {
        ApiVersion: '1.50', Arch: 'amd64', BuildTime: '2025-05-30T12:07:28.000000000+00:00', Experimental: 'false',
        GitCommit: '45873be', GoVersion: 'go1.24.3', KernelVersion: '6.8.0-60-generic', MinAPIVersion: '1.24', Os: 'linux',
      },
    },
    { Name: 'containerd', Version: '1.7.27', Details: { GitCommit: '05044ec0a9a75232cad458027ca83437aae3f4da' } },
    { Name: 'runc', Version: '1.2.5', Details: { GitCommit: 'v1.2.5-0-g59923ef' } },
    { Name: 'docker-init', Version: '0.19.0', Details: { GitCommit: 'de40ad0' } },
  ],
  Version: '28.2.2',
  ApiVersion: '1.50',
  MinAPIVersion: '1.24',
  GitCommit: '45873be',
  GoVersion: 'go1.24.3',
  Os: 'linux',
  Arch: 'amd64',
  KernelVersion: '6.8.0-60-generic',
  BuildTime: '2025-05-30T12:07:28.000000000+00:00',
};

export const INFO: Json = {
  ID: '7d1d2b5a-53b1-4b9c-9f1e-8c0a4f6c2d11',
  Containers: 2, ContainersRunning: 1, ContainersPaused: 0, ContainersStopped: 1, Images: 1,
  Driver: 'overlay2',
  DriverStatus: [['Backing Filesystem', 'extfs'], ['Supports d_type', 'true'], ['Using metacopy', 'false'],
    ['Native Overlay Diff', 'true'], ['userxattr', 'false']],
  Plugins: { Volume: ['local'], Network: ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay'], Authorization: null,
    Log: ['awslogs', 'fluentd', 'gcplogs', 'gelf', 'journald', 'json-file', 'local', 'splunk', 'syslog'] },
  LoggingDriver: 'json-file', CgroupDriver: 'systemd', CgroupVersion: '2',
  Swarm: { LocalNodeState: 'inactive' },
  Runtimes: { 'io.containerd.runc.v2': {}, runc: {} }, DefaultRuntime: 'runc',
  InitBinary: 'docker-init',
  ContainerdCommit: { ID: '05044ec0a9a75232cad458027ca83437aae3f4da' },
  RuncCommit: { ID: 'v1.2.5-0-g59923ef' },
  InitCommit: { ID: 'de40ad0' },
  SecurityOptions: ['name=apparmor', 'name=seccomp,profile=builtin', 'name=cgroupns'],
  KernelVersion: '6.8.0-60-generic', OperatingSystem: 'Ubuntu 24.04.2 LTS', OSType: 'linux', Architecture: 'x86_64',
  NCPU: 2, MemTotal: 8_184_348_672, Name: 'host', DockerRootDir: '/var/lib/docker', Debug: false,
  Labels: [], ExperimentalBuild: false,
  RegistryConfig: { InsecureRegistryCIDRs: ['::1/128', '127.0.0.0/8'], IndexConfigs: { 'docker.io': { Name: 'docker.io', Secure: true } }, Mirrors: [] },
  LiveRestoreEnabled: false,
  Warnings: ['WARNING: bridge-nf-call-iptables is disabled', 'WARNING: bridge-nf-call-ip6tables is disabled'],
  ServerVersion: '28.2.2',
};

export const STATS_DAVE: Json = {
  id: DAVE_ID,
  name: '/daemon_dave',
  cpu_stats: { cpu_usage: { total_usage: 400_000_000 }, system_cpu_usage: 20_000_000_000, online_cpus: 2 },
  precpu_stats: { cpu_usage: { total_usage: 390_000_000 }, system_cpu_usage: 18_000_000_000, online_cpus: 2 },
  memory_stats: { usage: 2_500_000, limit: 8_184_348_672, stats: { inactive_file: 900_000 } },
  networks: { eth0: { rx_bytes: 1_234, tx_bytes: 0 } },
  blkio_stats: { io_service_bytes_recursive: [{ op: 'read', value: 4_096_000 }, { op: 'write', value: 0 }] },
  pids_stats: { current: 2 },
};

export const PULL_UBUNTU = [
  { status: 'Pulling from library/ubuntu', id: 'latest' },
  { status: 'Pulling fs layer', progressDetail: {}, id: '2726e237d1a3' },
  { status: 'Downloading', progressDetail: { current: 300_000, total: 29_754_290 }, progress: '[>   ]  300kB/29.75MB', id: '2726e237d1a3' },
  { status: 'Downloading', progressDetail: { current: 29_754_290, total: 29_754_290 }, progress: '[====>]  29.75MB/29.75MB', id: '2726e237d1a3' },
  { status: 'Verifying Checksum', progressDetail: {}, id: '2726e237d1a3' },
  { status: 'Download complete', progressDetail: {}, id: '2726e237d1a3' },
  { status: 'Extracting', progressDetail: { current: 29_754_290, total: 29_754_290 }, id: '2726e237d1a3' },
  { status: 'Pull complete', progressDetail: {}, id: '2726e237d1a3' },
  { status: 'Digest: sha256:2e863c44b718727c860746568e1d54afd13b2fa71b160f5cd9058fc436217b30' },
  { status: 'Status: Downloaded newer image for ubuntu:latest' },
];
