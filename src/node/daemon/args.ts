/**
 * `npm run daemon -- [-H ADDR]… [--seed N] [--speed X] [--allow-remote]`: flags in dockerd's spelling where
 * dockerd has one (`-H`/`--host`, `tcp://` and `unix://` addresses), plus the simulator's own.
 */

export type ListenAddress =
  | { readonly kind: 'tcp'; readonly host: string; readonly port: number; readonly url: string }
  | { readonly kind: 'unix'; readonly path: string; readonly url: string };

export interface DaemonArgs {
  readonly hosts: readonly ListenAddress[];
  readonly seed: number;
  /** Virtual ms per real ms. */
  readonly speed: number;
  /** Binding a non-loopback address was asked for explicitly. */
  readonly allowRemote: boolean;
  readonly help: boolean;
}

export const DEFAULT_HOST = 'tcp://127.0.0.1:2375';

export const USAGE = `Usage:  npm run daemon -- [OPTIONS]

Serve a simulated Docker host's Engine API over real HTTP

Options:
  -H, --host list        Daemon socket(s) to listen on (default ${DEFAULT_HOST}); tcp://HOST:PORT or unix:///PATH
      --seed int         Seed of the simulated host's random choices (IDs, names) (default 1)
      --speed float      Virtual seconds per real second (default 1)
      --allow-remote     Allow binding a non-loopback address (unauthenticated root access to the simulated host)
  -h, --help             Print usage
`;

export class ArgsError extends Error {}

export function parseAddress(raw: string): ListenAddress {
  if (raw.startsWith('unix://')) {
    const path = raw.slice('unix://'.length);
    if (!path.startsWith('/')) throw new ArgsError(`invalid unix address '${raw}': the path must be absolute`);
    return { kind: 'unix', path, url: raw };
  }
  if (raw.startsWith('/')) return { kind: 'unix', path: raw, url: `unix://${raw}` };
  const m = /^(?:tcp:\/\/)?(\[[0-9a-fA-F:.]+\]|[^:/[\]]*):(\d{1,5})$/.exec(raw);
  if (!m || Number(m[2]) > 65535) throw new ArgsError(`invalid listen address '${raw}': use tcp://HOST:PORT or unix:///PATH`);
  const host = (m[1] || '127.0.0.1').replace(/^\[(.*)\]$/, '$1');
  return { kind: 'tcp', host, port: Number(m[2]), url: `tcp://${m[1] || '127.0.0.1'}:${m[2]}` };
}

/** Loopback only: 127.0.0.0/8, ::1, localhost. */
export function isLoopback(a: ListenAddress): boolean {
  if (a.kind === 'unix') return true;
  return a.host === 'localhost' || a.host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a.host);
}

export function parseArgs(argv: readonly string[]): DaemonArgs {
  const hosts: ListenAddress[] = [];
  let seed = 1;
  let speed = 1;
  let allowRemote = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    const value = (): string => {
      const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (v === undefined) throw new ArgsError(`flag needs an argument: ${name}`);
      return v;
    };
    switch (name) {
      case '-H':
      case '--host':
        hosts.push(parseAddress(value()));
        break;
      case '--seed': {
        const v = value();
        if (!/^\d+$/.test(v)) throw new ArgsError(`invalid argument "${v}" for "--seed" flag: a whole number is expected`);
        seed = Number(v);
        break;
      }
      case '--speed': {
        const v = value();
        speed = Number(v);
        if (!(speed > 0) || !Number.isFinite(speed)) throw new ArgsError(`invalid argument "${v}" for "--speed" flag: a positive number is expected`);
        break;
      }
      case '--allow-remote':
        allowRemote = true;
        break;
      case '-h':
      case '--help':
        help = true;
        break;
      default:
        throw new ArgsError(name.startsWith('--') ? `unknown flag: ${name}` : `unknown shorthand flag: '${name.slice(1, 2)}' in ${name}`);
    }
  }
  const list = hosts.length > 0 ? hosts : [parseAddress(DEFAULT_HOST)];
  const remote = list.find((h) => !isLoopback(h));
  if (remote && !allowRemote) {
    throw new ArgsError(`refusing to listen on ${remote.url}: it is not a loopback address; pass --allow-remote to expose the simulated host's API without authentication`);
  }
  return { hosts: list, seed, speed, allowRemote, help };
}
