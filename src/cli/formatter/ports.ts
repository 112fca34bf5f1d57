/**
 * The PORTS cell (docker/cli formatter DisplayablePorts): ports published on the same number are grouped per
 * IP and type and consecutive ones merged into ranges (`0.0.0.0:80-81->80-81/tcp`, `:::80->80/tcp`);
 * ports published on another number (`[::]:8080->80/tcp`) come after the groups.
 */
export interface Port {
  readonly IP?: string;
  readonly PrivatePort: number;
  readonly PublicPort?: number;
  readonly Type: string;
}

export function displayablePorts(ports: readonly Port[]): string {
  const groups = new Map<string, { first: number; last: number }>();
  const result: string[] = [];
  const hostMappings: string[] = [];
  for (const p of [...ports].sort(comparePorts)) {
    const current = p.PrivatePort;
    let key = p.Type;
    if (p.IP) {
      if ((p.PublicPort ?? 0) !== current) {
        const host = p.IP.includes(':') ? `[${p.IP}]` : p.IP; // net.JoinHostPort
        hostMappings.push(`${host}:${p.PublicPort ?? 0}->${current}/${p.Type}`);
        continue;
      }
      key = `${p.IP}/${p.Type}`;
    }
    const g = groups.get(key);
    if (!g) groups.set(key, { first: current, last: current });
    else if (current === g.last + 1) g.last = current;
    else {
      result.push(formGroup(key, g.first, g.last));
      // Go replaces the map entry, so the key keeps its first-seen position.
      groups.set(key, { first: current, last: current });
    }
  }
  for (const [key, g] of groups) result.push(formGroup(key, g.first, g.last));
  return [...result, ...hostMappings].join(', ');
}

function comparePorts(a: Port, b: Port): number {
  if (a.PrivatePort !== b.PrivatePort) return a.PrivatePort - b.PrivatePort;
  const ai = a.IP ?? '';
  const bi = b.IP ?? '';
  if (ai !== bi) return ai < bi ? -1 : 1;
  const ap = a.PublicPort ?? 0;
  const bp = b.PublicPort ?? 0;
  if (ap !== bp) return ap - bp;
  return a.Type < b.Type ? -1 : a.Type > b.Type ? 1 : 0;
}

function formGroup(key: string, first: number, last: number): string {
  const parts = key.split('/');
  const type = parts.length > 1 ? parts[1] : parts[0];
  const ip = parts.length > 1 ? parts[0] : '';
  let group = first === last ? String(first) : `${first}-${last}`;
  if (ip !== '') group = `${ip}:${group}->${group}`;
  return `${group}/${type}`;
}
