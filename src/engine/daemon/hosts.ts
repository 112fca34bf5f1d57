/**
 * The files dockerd writes for a container and bind-mounts over /etc/hosts and /etc/hostname (libnetwork
 * etchosts.Build and the sandbox's updateHostsFile): the fixed localhost/IPv6 block, `--add-host` entries, then
 * the container's own address, tab-separated.
 */
export interface HostRecord {
  readonly hosts: string;
  readonly ip: string;
}

export interface HostsFileOptions {
  readonly hostname: string;
  readonly domainname?: string;
  /** The container's address on its network; absent for `--network none` or a stopped container. */
  readonly ip?: string;
  /** `--add-host name:ip` entries, in order. */
  readonly extraHosts?: readonly HostRecord[];
}

const DEFAULT_HOSTS: readonly HostRecord[] = [
  { ip: '127.0.0.1', hosts: 'localhost' },
  { ip: '::1', hosts: 'localhost ip6-localhost ip6-loopback' },
  { ip: 'fe00::', hosts: 'ip6-localnet' },
  { ip: 'ff00::', hosts: 'ip6-mcastprefix' },
  { ip: 'ff02::1', hosts: 'ip6-allnodes' },
  { ip: 'ff02::2', hosts: 'ip6-allrouters' },
];

export function buildHostsFile(o: HostsFileOptions): string {
  const records = [...DEFAULT_HOSTS, ...(o.extraHosts ?? [])];
  if (o.ip) {
    const names = o.domainname ? `${o.hostname}.${o.domainname} ${o.hostname}` : o.hostname;
    records.push({ ip: o.ip, hosts: names });
  }
  return records.map((r) => `${r.ip}\t${r.hosts}\n`).join('');
}

export function buildHostnameFile(hostname: string): string {
  return `${hostname}\n`;
}
