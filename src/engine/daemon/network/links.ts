/**
 * Legacy links on the default bridge (moby daemon/links and container_operations_unix.go): `--link redis:db`
 * gives the parent `/etc/hosts` lines for the child and the `DB_PORT_6379_TCP…`, `DB_NAME`, `DB_ENV_…`
 * variables, read from the child's address and its Config.ExposedPorts and Env when the parent starts.
 */
import { systemError } from '../../../pkg/errdefs.js';
import type { Container } from '../container.js';

interface Linked {
  readonly child: Container;
  readonly alias: string;
}

export interface LinkSource {
  getContainer(ref: string): Container;
}

/** The parent's links, in the order given: only a container on the default bridge has any. */
function children(src: LinkSource, c: Container): Linked[] {
  if (c.HostConfig.NetworkMode !== 'bridge') return [];
  const out: Linked[] = [];
  for (const l of c.HostConfig.Links ?? []) {
    const [name, alias = name] = l.split(':');
    let child: Container;
    try {
      child = src.getContainer(name.replace(/^\//, ''));
    } catch {
      continue; // removed since: moby's link index dropped it with the child
    }
    out.push({ child, alias: alias.replace(/^\//, '') });
  }
  return out;
}

function linkName(parent: Container, alias: string): string {
  return `${parent.Name}/${alias}`;
}

/** nat.Sort with withTCPPriority: tcp first, then by port number. */
function sortedPorts(c: Container): Array<[number, string]> {
  const ports = Object.keys(c.Config.ExposedPorts ?? {}).map((p): [number, string] => {
    const [port, proto = 'tcp'] = p.split('/');
    return [Number(port), proto];
  });
  return ports.sort((a, b) => {
    if (a[1].toLowerCase() === b[1].toLowerCase()) return a[0] - b[0];
    if (a[1].toLowerCase() === 'tcp') return -1;
    if (b[1].toLowerCase() === 'tcp') return 1;
    return a[1].toLowerCase() < b[1].toLowerCase() ? -1 : 1;
  });
}

/** links.Link.ToEnv for one child. */
export function linkEnvVars(name: string, childIp: string, exposed: Array<[number, string]>, childEnv: readonly string[]): string[] {
  const alias = name.slice(name.lastIndexOf('/') + 1).toUpperCase().replaceAll('-', '_');
  const env: string[] = [];
  let start: [number, string] | undefined;
  let end: [number, string] | undefined;
  exposed.forEach((p, i) => {
    const [port, proto] = p;
    if (i === 0) {
      start = end = p;
      env.push(`${alias}_PORT=${proto}://${childIp}:${port}`);
    }
    const prefix = `${alias}_PORT_${port}_${proto.toUpperCase()}`;
    env.push(`${prefix}=${proto}://${childIp}:${port}`, `${prefix}_ADDR=${childIp}`, `${prefix}_PORT=${port}`, `${prefix}_PROTO=${proto}`);
    if (port === end![0] + 1 && proto.toLowerCase() === start![1].toLowerCase()) {
      end = p;
      if (i < exposed.length - 1) return;
    }
    if (end !== start) {
      const sp = `${alias}_PORT_${start![0]}_${start![1].toUpperCase()}`;
      env.push(`${sp}_START=${start![1]}://${childIp}:${start![0]}`, `${sp}_PORT_START=${start![0]}`);
      env.push(`${sp}_END=${end![1]}://${childIp}:${end![0]}`, `${sp}_PORT_END=${end![0]}`);
    }
    start = end = p;
  });
  env.push(`${alias}_NAME=${name}`);
  for (const kv of childEnv) {
    const i = kv.indexOf('=');
    if (i < 0) continue;
    const k = kv.slice(0, i);
    if (k === 'HOME' || k === 'PATH') continue;
    env.push(`${alias}_ENV_${k}=${kv.slice(i + 1)}`);
  }
  return env;
}

/** setupLinkedContainers: every child must be running on the default bridge. */
export function linkedEnv(src: LinkSource, c: Container): string[] {
  const env: string[] = [];
  for (const { child, alias } of children(src, c)) {
    const name = linkName(c, alias);
    if (!child.State.Running) throw systemError(`Cannot link to a non running container: ${child.Name} AS ${name}`);
    const ep = child.Networks.get('bridge');
    if (!ep) throw systemError(`Cannot link to ${child.Name}, as it does not belong to the default network`);
    env.push(...linkEnvVars(name, ep.IPAddress, sortedPorts(child), child.Config.Env));
  }
  return env;
}

/** addLegacyLinks: `<child IP>\t<alias> <child hostname>[ <child name>]` per child. */
export function linkHostsLines(src: LinkSource, c: Container): string[] {
  const out: string[] = [];
  for (const { child, alias } of children(src, c)) {
    const ip = child.Networks.get('bridge')?.IPAddress;
    if (!ip) continue;
    let names = `${alias} ${child.Config.Hostname}`;
    if (alias !== child.Name.slice(1)) names += ` ${child.Name.slice(1)}`;
    out.push(`${ip}\t${names}`);
  }
  return out;
}

/** inspect's HostConfig.Links: `/child:/parent/alias`. */
export function inspectLinks(src: LinkSource, c: Container): string[] | null {
  const list = children(src, c).map(({ child, alias }) => `${child.Name}:${linkName(c, alias)}`);
  return list.length > 0 ? list : null;
}
