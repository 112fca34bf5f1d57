/**
 * `-p` and `--expose` as docker/cli 28.2.2 turns them into API fields: convertToStandardNotation (the long
 * `published=8080,target=80` form), then go-connections' nat.ParsePortSpecs, and opts.go's expose loop.
 * Errors are the CLI's own (exit 125, before any request).
 */
import type { Json } from '../../client.js';

/** strconv.ParseUint(s, 10, 16)'s error text, or null. */
function uint16Error(s: string): string | null {
  if (!/^[0-9]+$/.test(s)) return `strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax`;
  return Number(s) > 65535 ? `strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range` : null;
}

/** nat.ParsePortRange: `80` or `8000-8010`. */
export function parsePortRange(ports: string): [number, number] {
  if (ports === '') throw new Error('empty string specified for ports');
  if (!ports.includes('-')) {
    const e = uint16Error(ports);
    if (e) throw new Error(e);
    return [Number(ports), Number(ports)];
  }
  const parts = ports.split('-');
  for (const p of parts.slice(0, 2)) {
    const e = uint16Error(p);
    if (e) throw new Error(e);
  }
  const [start, end] = [Number(parts[0]), Number(parts[1])];
  if (end < start) throw new Error(`invalid range specified for port: ${ports}`);
  return [start, end];
}

/** nat.SplitProtoPort: `80/udp` → [udp, 80]; no proto (or an empty one) is tcp. */
export function splitProtoPort(raw: string): [string, string] {
  const parts = raw.split('/');
  if (raw === '' || parts[0] === '') return ['', ''];
  if (parts.length === 1) return ['tcp', raw];
  if (parts[1] === '') return ['tcp', parts[0]];
  return [parts[1], parts[0]];
}

/** net.ParseIP: a dotted quad, or eight (or fewer with one `::`) hex groups, the last two maybe a quad. */
export function parseIP(s: string): boolean {
  const quad = (t: string): boolean => /^\d{1,3}(\.\d{1,3}){3}$/.test(t) && t.split('.').every((o) => Number(o) <= 255 && !(o.length > 1 && o[0] === '0'));
  if (!s.includes(':')) return quad(s);
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups = (h: string): string[] | null => (h === '' ? [] : h.split(':'));
  const all = halves.map(groups);
  if (all.some((g) => g === null)) return false;
  let count = 0;
  const flat = all.flat() as string[];
  for (let i = 0; i < flat.length; i++) {
    const g = flat[i];
    if (i === flat.length - 1 && g.includes('.')) {
      if (!quad(g)) return false;
      count += 2;
    } else if (/^[0-9a-fA-F]{1,4}$/.test(g)) count++;
    else return false;
  }
  return halves.length === 2 ? count < 8 : count === 8;
}

/** nat.ParsePortSpec for one `[ip:][hostPort:]containerPort[/proto]`, into the create body's maps. */
function parsePortSpec(raw: string, exposed: Json, bindings: Record<string, Json[]>): void {
  const parts = raw.split(':');
  const n = parts.length;
  let ip = n >= 3 ? parts.slice(0, n - 2).join(':') : '';
  let hostPort = n >= 2 ? parts[n - 2] : '';
  const [proto0, containerPort] = splitProtoPort(parts[n - 1]);
  if (ip !== '' && ip[0] === '[') {
    // net.SplitHostPort(ip + ":")'s complaints.
    const hp = `${ip}:`;
    const close = ip.indexOf(']');
    const bad = (why: string): Error => new Error(`invalid IP address ${ip}: address ${hp}: ${why}`);
    if (close < 0) throw bad("missing ']' in address");
    if (close !== ip.length - 1) throw bad(ip[close + 1] === ':' ? 'too many colons in address' : 'missing port in address');
    ip = ip.slice(1, close);
  }
  if (ip !== '' && !parseIP(ip)) throw new Error(`invalid IP address: ${ip}`);
  if (containerPort === '') throw new Error(`no port specified: ${raw}<empty>`);
  let start: number;
  let end: number;
  try {
    [start, end] = parsePortRange(containerPort);
  } catch {
    throw new Error(`invalid containerPort: ${containerPort}`);
  }
  let hStart = 0;
  let hEnd = 0;
  if (hostPort !== '') {
    try {
      [hStart, hEnd] = parsePortRange(hostPort);
    } catch {
      throw new Error(`invalid hostPort: ${hostPort}`);
    }
  }
  if (hostPort !== '' && end - start !== hEnd - hStart && end !== start) {
    throw new Error(`invalid ranges specified for container and host Ports: ${containerPort} and ${hostPort}`);
  }
  const proto = proto0.toLowerCase();
  if (!['tcp', 'udp', 'sctp'].includes(proto)) throw new Error(`invalid proto: ${proto}`);
  for (let i = 0; i <= end - start; i++) {
    const key = `${start + i}/${proto}`;
    if (hostPort !== '') hostPort = String(hStart + i);
    // One container port and a host range: the daemon allocates within the range.
    if (start === end && hStart !== hEnd) hostPort = `${hostPort}-${hEnd}`;
    exposed[key] = {};
    (bindings[key] ??= []).push({ HostIp: ip, HostPort: hostPort });
  }
}

/** convertToStandardNotation: `published=8080,target=80[,protocol=udp]` is `8080:80/udp`. */
function standardNotation(publish: string): string {
  if (!publish.includes('=')) return publish;
  const params: Record<string, string> = { protocol: 'tcp' };
  for (const param of publish.split(',')) {
    const eq = param.indexOf('=');
    if (eq <= 0) throw new Error(`invalid publish opts format (should be name=value but got '${param}')`);
    params[param.slice(0, eq)] = param.slice(eq + 1);
  }
  return `${params.published ?? ''}:${params.target ?? ''}/${params.protocol}`;
}

/** `-p` and `--expose` as the body's ExposedPorts and HostConfig.PortBindings. */
export function portOptions(publish: readonly string[], expose: readonly string[]): { exposed: Json; bindings: Record<string, Json[]> } {
  const exposed: Json = {};
  const bindings: Record<string, Json[]> = {};
  const specs = publish.map(standardNotation);
  for (const p of specs) parsePortSpec(p, exposed, bindings);
  for (const e of expose) {
    if (e.includes(':')) throw new Error(`invalid port format for --expose: ${e}`);
    const [proto, port] = splitProtoPort(e);
    let range: [number, number];
    try {
      range = parsePortRange(port);
    } catch (err) {
      throw new Error(`invalid range format for --expose: ${e}, error: ${(err as Error).message}`);
    }
    for (let i = range[0]; i <= range[1]; i++) exposed[`${i}/${proto}`] ??= {};
  }
  return { exposed, bindings };
}
