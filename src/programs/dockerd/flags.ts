/**
 * dockerd 28.2.2's command line as its `--help` lists it (moby cmd/dockerd: options.go, config.go,
 * config_unix.go, cobra.go, on Linux), laid out the way spf13/pflag's FlagUsagesWrapped does it, to the
 * width of the terminal on stdin less one (80 when stdin is not a terminal). Deprecated and hidden flags
 * (--restart, --api-cors-header, --allow-nondistributable-artifacts, --network-diagnostic-port) are left
 * out, as pflag leaves them out.
 */

export interface DaemonFlag {
  readonly name: string;
  readonly short?: string;
  /** pflag's type name shown after the flag ('' for a bool). */
  readonly type: string;
  readonly usage: string;
  /** The `(default …)` text, already quoted as pflag quotes it; absent when pflag shows none. */
  readonly def?: string;
}

const str = (name: string, usage: string, def?: string, short?: string): DaemonFlag => ({ name, short, type: 'string', usage, def: def === undefined ? undefined : JSON.stringify(def) });
const bool = (name: string, usage: string, defTrue = false, short?: string): DaemonFlag => ({ name, short, type: '', usage, def: defTrue ? 'true' : undefined });
const list = (name: string, usage: string, short?: string): DaemonFlag => ({ name, short, type: 'list', usage });
const int = (name: string, usage: string, def: number): DaemonFlag => ({ name, type: 'int', usage, def: def === 0 ? undefined : String(def) });

/** The flags, before sorting; `certDir` is $DOCKER_CERT_PATH or ~/.docker, `proxy` the docker-proxy found. */
function flags(certDir: string, proxy: string | undefined): DaemonFlag[] {
  return [
    // options.go, docker.go, cobra.go
    bool('debug', 'Enable debug mode', false, 'D'),
    bool('validate', 'Validate daemon configuration and exit'),
    str('log-level', 'Set the logging level ("debug"|"info"|"warn"|"error"|"fatal")', 'info', 'l'),
    str('log-format', 'Set the logging format ("text"|"json")', 'text'),
    bool('tls', 'Use TLS; implied by --tlsverify'),
    bool('tlsverify', 'Use TLS and verify the remote'),
    str('tlscacert', 'Trust certs signed only by this CA', `${certDir}/ca.pem`),
    str('tlscert', 'Path to TLS certificate file', `${certDir}/cert.pem`),
    str('tlskey', 'Path to TLS key file', `${certDir}/key.pem`),
    list('host', 'Daemon socket(s) to connect to', 'H'),
    bool('version', 'Print version information and quit', false, 'v'),
    str('config-file', 'Daemon configuration file', '/etc/docker/daemon.json'),
    // -h is a deprecated shorthand: pflag prints the long form alone.
    bool('help', 'Print usage', false, 'h'),
    // config.go
    list('registry-mirror', 'Preferred Docker registry mirror'),
    list('insecure-registry', 'Enable insecure registry communication'),
    list('storage-opt', 'Storage driver options'),
    list('authorization-plugin', 'Authorization plugins to load'),
    list('exec-opt', 'Runtime execution options'),
    str('pidfile', 'Path to use for daemon PID file', '/var/run/docker.pid', 'p'),
    str('data-root', 'Root directory of persistent Docker state', '/var/lib/docker'),
    str('exec-root', 'Root directory for execution state files', '/var/run/docker'),
    str('containerd', 'containerd grpc address'),
    bool('cri-containerd', 'start containerd with cri'),
    { name: 'feature', type: 'map', usage: 'Enable feature in the daemon', def: 'map[]' },
    { name: 'default-network-opt', type: 'mapmap', usage: 'Default network options', def: 'map[]' },
    int('mtu', 'Set the MTU for the default "bridge" network', 1500),
    int('network-control-plane-mtu', 'Network Control plane MTU', 1500),
    bool('raw-logs', 'Full timestamps without ANSI coloring'),
    { name: 'dns', type: 'ipSlice', usage: 'DNS server to use', def: '[]' },
    list('dns-opt', 'DNS options to use'),
    list('dns-search', 'DNS search domains to use'),
    list('host-gateway-ip', "IP addresses that the special 'host-gateway' string in --add-host resolves to. Defaults to the IP addresses of the default bridge"),
    list('label', 'Set key=value labels to the daemon'),
    str('log-driver', 'Default driver for container logs', 'json-file'),
    { name: 'log-opt', type: 'map', usage: 'Default log driver options for containers', def: 'map[]' },
    int('max-concurrent-downloads', 'Set the max concurrent downloads', 3),
    int('max-concurrent-uploads', 'Set the max concurrent uploads', 5),
    int('max-download-attempts', 'Set the max download attempts for each pull', 5),
    int('shutdown-timeout', 'Set the default shutdown timeout', 15),
    str('swarm-default-advertise-addr', 'Set default address or interface for swarm advertised address'),
    bool('experimental', 'Enable experimental features'),
    str('metrics-addr', 'Set default address and port to serve the metrics api on'),
    list('node-generic-resource', 'Advertise user-defined resource'),
    str('containerd-namespace', 'Containerd namespace to use', 'moby'),
    str('containerd-plugins-namespace', 'Containerd namespace to use for plugins', 'plugins.moby'),
    str('default-runtime', 'Default OCI runtime for containers', 'runc'),
    str('http-proxy', 'HTTP proxy URL to use for outgoing traffic'),
    str('https-proxy', 'HTTPS proxy URL to use for outgoing traffic'),
    str('no-proxy', 'Comma-separated list of hosts or IP addresses for which the proxy is skipped'),
    list('cdi-spec-dir', 'CDI specification directories to use'),
    // config_unix.go
    { name: 'add-runtime', type: 'runtime', usage: 'Register an additional OCI compatible runtime', def: '[]' },
    str('group', 'Group for the unix socket', 'docker', 'G'),
    str('storage-driver', 'Storage driver to use', undefined, 's'),
    bool('selinux-enabled', 'Enable selinux support'),
    { name: 'default-ulimit', type: 'ulimit', usage: 'Default ulimits for containers', def: '[]' },
    bool('iptables', 'Enable addition of iptables rules', true),
    bool('ip6tables', 'Enable addition of ip6tables rules', true),
    bool('ip-forward', 'Enable IP forwarding in system configuration', true),
    bool('ip-forward-no-drop', 'Do not set the filter-FORWARD policy to DROP when enabling IP forwarding'),
    bool('ip-masq', 'Enable IP masquerading for the default bridge network', true),
    bool('ipv6', 'Enable IPv6 networking for the default bridge network'),
    str('bip', 'IPv4 address for the default bridge'),
    str('bip6', 'IPv6 address for the default bridge'),
    str('bridge', 'Attach containers to a network bridge', undefined, 'b'),
    str('fixed-cidr', 'IPv4 subnet for the default bridge network'),
    str('fixed-cidr-v6', 'IPv6 subnet for the default bridge network'),
    { name: 'default-gateway', type: 'ip', usage: 'Default gateway IPv4 address for the default bridge network' },
    { name: 'default-gateway-v6', type: 'ip', usage: 'Default gateway IPv6 address for the default bridge network' },
    bool('icc', 'Enable inter-container communication for the default bridge network', true),
    { name: 'ip', type: 'ip', usage: 'Host IP for port publishing from the default bridge network', def: '0.0.0.0' },
    bool('userland-proxy', 'Use userland proxy for loopback traffic', true),
    str('userland-proxy-path', 'Path to the userland proxy binary', proxy),
    bool('allow-direct-routing', 'Allow remote access to published ports on container IP addresses'),
    str('cgroup-parent', 'Set parent cgroup for all containers'),
    str('userns-remap', 'User/Group setting for user namespaces'),
    bool('live-restore', 'Enable live restore of docker when containers are still running'),
    bool('init', 'Run an init in the container to forward signals and reap processes'),
    str('init-path', 'Path to the docker-init binary'),
    int('cpu-rt-period', 'Limit the CPU real-time period in microseconds for the parent cgroup for all containers (not supported with cgroups v2)', 0),
    int('cpu-rt-runtime', 'Limit the CPU real-time runtime in microseconds for the parent cgroup for all containers (not supported with cgroups v2)', 0),
    str('seccomp-profile', 'Path to seccomp profile. Set to "unconfined" to disable the default seccomp profile', 'builtin'),
    { name: 'default-shm-size', type: 'bytes', usage: 'Default shm size for containers', def: '64MiB' },
    bool('no-new-privileges', 'Set no-new-privileges by default for new containers'),
    str('default-ipc-mode', 'Default mode for containers ipc ("shareable" | "private")', 'private'),
    { name: 'default-address-pool', type: 'pool-options', usage: 'Default address pools for node specific local networks' },
    bool('rootless', 'Enable rootless mode; typically used with RootlessKit'),
    str('default-cgroupns-mode', 'Default mode for containers cgroup namespace ("host" | "private")', 'private'),
  ].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Every flag dockerd 28.2.2 knows, by `--name` and `-x`: what a refusal can tell from an unknown flag. */
export function knownDaemonFlag(arg: string): DaemonFlag | undefined {
  const all = flags('', undefined);
  if (arg.startsWith('--')) return all.find((f) => f.name === arg.slice(2));
  return all.find((f) => f.short !== undefined && f.short === arg.slice(1, 2));
}

/** `dockerd --help`: cobra's help template (a blank line first) around pflag's option list. */
export function daemonHelp(opts: { certDir: string; proxy: string | undefined; cols: number | undefined }): string {
  const lines = flags(opts.certDir, opts.proxy).map((f) => {
    const head = `${f.short && f.name !== 'help' ? `  -${f.short}, --` : '      --'}${f.name}${f.type ? ` ${f.type}` : ''}`;
    return { head, usage: f.def === undefined ? f.usage : `${f.usage} (default ${f.def})` };
  });
  const maxlen = Math.max(...lines.map((l) => l.head.length)) + 1;
  const width = (opts.cols ?? 80) - 1;
  const body = lines.map((l) => `${l.head} ${' '.repeat(maxlen - l.head.length)} ${wrap(maxlen + 2, width, l.usage)}`);
  return `\nUsage:\tdockerd [OPTIONS]\n\nA self-sufficient runtime for containers.\n\nOptions:\n${body.join('\n')}\n`;
}

/** pflag's wrapN: up to `i` characters at a space, or `slop` more when that takes the rest. */
function wrapN(i: number, slop: number, s: string): [string, string] {
  if (i + slop > s.length) return [s, ''];
  const w = Math.max(s.lastIndexOf(' ', i - 1), s.lastIndexOf('\t', i - 1));
  if (w <= 0) return [s, ''];
  return [s.slice(0, w), s.slice(w + 1)];
}

/** pflag's wrap: the usage column starts at `i`; lines end before `w`. */
function wrap(i: number, w: number, s: string): string {
  let room = w - i;
  let out = '';
  if (room < 24) {
    i = 16;
    room = w - i;
    out = `\n${' '.repeat(i)}`;
  }
  if (room < 24) return s;
  const slop = 5;
  room -= slop;
  let [line, rest] = wrapN(room, slop, s);
  out += line;
  while (rest !== '') {
    [line, rest] = wrapN(room, slop, rest);
    out += `\n${' '.repeat(i)}${line}`;
  }
  return out;
}
