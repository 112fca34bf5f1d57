/**
 * A fake docker process for CLI tests: streams that record what is written, scripted stdin, a virtual
 * clock, and a fake Engine API client with one function per method (unlisted methods fail loudly).
 * Every client call is logged as `method args…`, so a golden file shows the request sequence too.
 */
import type { Cli, CommandCli, InStream, OutStream } from '../../src/cli/cli.js';
import type { ApiClient, HijackedConn, JSONMessage, MessageStream, WaitHandle } from '../../src/cli/client.js';
import { ProcessKilled } from '../../src/engine/kernel/process.js';

/** 2024-01-02T03:04:05Z */
export const NOW = Date.UTC(2024, 0, 2, 3, 4, 5);

export class FakeDaemonError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'DaemonResponseError';
  }
}

export function connectionError(): Error {
  const e = new Error('Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?');
  e.name = 'ConnectionError';
  return e;
}

export const noSuchContainer = (n: string): FakeDaemonError => new FakeDaemonError(404, `No such container: ${n}`);

export interface FakeOptions {
  client?: Partial<ApiClient>;
  /** Chunks stdin delivers; null in the list is end of input; past the end, reads block forever. */
  stdin?: Array<string | null>;
  tty?: boolean;
  /** Terminal size when tty. */
  size?: { height: number; width: number };
  env?: Record<string, string>;
  /** Signals delivered once a handler is set, one per virtual tick. */
  signals?: string[];
  /** Live stats: the process is killed by SIGINT (Ctrl-C) at this many sleeps. */
  maxSleeps?: number;
}

export interface Fake {
  cli: Cli;
  out: string[];
  err: string[];
  calls: string[];
  rawModes: boolean[];
  stdout(): string;
  stderr(): string;
}

const fmt = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

export function fake(o: FakeOptions = {}): Fake {
  const out: string[] = [];
  const err: string[] = [];
  const calls: string[] = [];
  const rawModes: boolean[] = [];
  let now = NOW;
  let sleeps = 0;
  const tty = o.tty ?? false;
  const size = tty ? (o.size ?? { height: 40, width: 120 }) : { height: 0, width: 0 };
  const stream = (sink: string[]): OutStream => ({
    write: async (t) => {
      sink.push(t);
    },
    isTerminal: () => tty,
    ttySize: () => size,
  });
  const input = [...(o.stdin ?? [null])];
  const inStream: InStream = {
    read: () => (input.length > 0 ? Promise.resolve(input.shift()!) : new Promise<string | null>(() => undefined)),
    isTerminal: () => tty,
    ttySize: () => size,
    setRaw: (on) => {
      rawModes.push(on);
    },
  };
  const client = new Proxy({} as ApiClient, {
    get(_t, name: string) {
      if (name === 'then') return undefined;
      if (name === 'clientVersion') return o.client?.clientVersion ?? (() => '1.50');
      // The ping help and isSupported read: dockerd 28 on Linux, not experimental, outside a swarm.
      if (name === 'serverInfo') {
        return () => {
          calls.push('serverInfo');
          return o.client?.serverInfo?.() ?? Promise.resolve({ hasExperimental: false, osType: 'linux', swarm: { nodeState: 'inactive', controlAvailable: false } });
        };
      }
      return (...args: unknown[]) => {
        calls.push([name, ...args.filter((a) => a !== undefined).map(fmt)].join(' '));
        const f = (o.client as Record<string, ((...a: unknown[]) => unknown) | undefined> | undefined)?.[name];
        if (!f) return Promise.reject(new Error(`unexpected client call ${name}`));
        return f(...args);
      };
    },
  });
  const cli: Cli = {
    in: inStream,
    out: stream(out),
    err: stream(err),
    env: (k) => o.env?.[k],
    client: (host) => {
      calls.push(`client ${host}`);
      return client;
    },
    now: () => now,
    sleep: async (ms) => {
      sleeps++;
      if (o.maxSleeps !== undefined && sleeps > o.maxSleeps) throw new ProcessKilled('SIGINT');
      now += ms;
    },
    onSignal: o.signals
      ? (wanted, h) => {
          for (const s of o.signals!) if (wanted.includes(s)) queueMicrotask(() => h(s));
          return () => undefined;
        }
      : undefined,
  };
  return { cli, out, err, calls, rawModes, stdout: () => out.join(''), stderr: () => err.join('') };
}

/** A hijacked connection that yields `chunks`, then ends (or blocks until closed if `block`). */
export function conn(chunks: string[], opts: { block?: boolean; writes?: string[] } = {}): HijackedConn {
  const queue = [...chunks];
  let release: ((v: string | null) => void) | null = null;
  let closed = false;
  return {
    read: () => {
      if (queue.length > 0) return Promise.resolve(queue.shift()!);
      if (!opts.block || closed) return Promise.resolve(null);
      return new Promise((r) => (release = r));
    },
    write: async (b) => {
      opts.writes?.push(b);
    },
    closeWrite: () => {
      opts.writes?.push('<closeWrite>');
    },
    close: () => {
      closed = true;
      release?.(null);
    },
  };
}

/** An 8-byte stdcopy header + payload (ASCII payloads only). */
export function frame(stream: 1 | 2, payload: string): string {
  const n = payload.length;
  return String.fromCharCode(stream, 0, 0, 0, (n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff) + payload;
}

export function waitFor(code: number): Promise<WaitHandle> {
  return Promise.resolve({ result: () => Promise.resolve({ StatusCode: code }) });
}

export function messages(list: JSONMessage[]): Promise<MessageStream> {
  const q = [...list];
  return Promise.resolve({ nextMessage: async () => q.shift() ?? null, close: () => undefined });
}

/** The view a command's run function gets (client already chosen). */
export function commandCli(f: Fake): CommandCli {
  const { client, ...rest } = f.cli;
  return { ...rest, client: () => client('unix:///var/run/docker.sock') };
}
