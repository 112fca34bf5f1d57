/**
 * The real listeners: node:net servers on TCP and unix addresses, each accepted socket handed to a bridge.
 * Plain sockets rather than node:http: the simulated dockerd already speaks HTTP/1.1 byte for byte (see
 * bridge.ts), and a second HTTP implementation in front of it could only make the answers differ.
 */
import { lstatSync, unlinkSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { ListenAddress } from './args.js';
import { bridge, type Bridge, type ConnectionTap } from './bridge.js';
import type { SimHost } from './host.js';

export interface Listening {
  /** The address actually bound (port 0 resolved). */
  readonly address: ListenAddress;
  readonly server: Server;
}

export class ApiServer {
  private readonly listening: Listening[] = [];
  private readonly bridges = new Set<Bridge>();
  private readonly sockets = new Set<Socket>();
  private closed = false;

  constructor(
    private readonly host: SimHost,
    /** Called per connection; what it returns sees the bytes (tests). */
    private readonly tap?: () => ConnectionTap,
  ) {}

  /** Connections open now (each has a bridge thread inside dockerd until it closes). */
  get connections(): number {
    return this.bridges.size;
  }

  get addresses(): ListenAddress[] {
    return this.listening.map((l) => l.address);
  }

  async listen(address: ListenAddress): Promise<ListenAddress> {
    const server = createServer({ allowHalfOpen: true, noDelay: true }, (socket) => this.accept(socket));
    if (address.kind === 'unix') removeStaleSocket(address.path);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      const done = (): void => {
        server.off('error', reject);
        resolve();
      };
      if (address.kind === 'unix') server.listen(address.path, done);
      else server.listen(address.port, address.host, done);
    });
    const bound = address.kind === 'tcp' ? withPort(address, (server.address() as AddressInfo).port) : address;
    this.listening.push({ address: bound, server });
    return bound;
  }

  /** Stops listening, ends every connection, and waits for their bridges to finish. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const stopped = this.listening.map((l) => new Promise<void>((r) => l.server.close(() => r())));
    for (const s of this.sockets) s.destroy();
    await Promise.all([...stopped, ...[...this.bridges].map((b) => b.done)]);
  }

  private accept(socket: Socket): void {
    if (this.closed) {
      socket.destroy();
      return;
    }
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
    const b = bridge(this.host, socket, this.tap?.());
    this.bridges.add(b);
    void b.done.then(() => this.bridges.delete(b));
  }
}

function withPort(a: Extract<ListenAddress, { kind: 'tcp' }>, port: number): ListenAddress {
  const h = a.host.includes(':') ? `[${a.host}]` : a.host;
  return { kind: 'tcp', host: a.host, port, url: `tcp://${h}:${port}` };
}

/** A socket file left by an earlier run is replaced, as dockerd does; anything else is an error to report. */
function removeStaleSocket(path: string): void {
  try {
    if (lstatSync(path).isSocket()) unlinkSync(path);
  } catch {
    /* absent */
  }
}
