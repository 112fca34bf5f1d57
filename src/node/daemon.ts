/**
 * `npm run daemon -- [-H tcp://127.0.0.1:2375] [-H unix:///path.sock] [--seed N] [--speed X] [--allow-remote]`:
 * boots one simulated host, runs it in real time, and serves its dockerd's Engine API over real HTTP/1.1, so
 * the real `docker` CLI (`DOCKER_HOST=tcp://127.0.0.1:2375 docker ps`) and dockerode can drive it.
 */
import { ArgsError, isLoopback, parseArgs, USAGE, type DaemonArgs } from './daemon/args.js';
import { startDaemon } from './daemon/start.js';

function logLine(level: 'INFO' | 'WARN' | 'ERRO', msg: string, fields = ''): void {
  process.stderr.write(`${level}[${new Date().toISOString()}] ${msg}${fields ? ` ${fields}` : ''}\n`);
}

async function main(): Promise<void> {
  let args: DaemonArgs;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof ArgsError)) throw e;
    process.stderr.write(`daemon: ${e.message}\nSee 'npm run daemon -- --help'.\n`);
    process.exit(125);
  }
  if (args.help) {
    process.stdout.write(USAGE);
    return;
  }
  for (const h of args.hosts) {
    if (isLoopback(h)) continue;
    // dockerd's own warning for an unauthenticated TCP socket.
    logLine('WARN', 'Binding to IP address without --tlsverify is insecure and gives root access on this machine to everyone who has access to your network.', `host="${h.url}"`);
    logLine('WARN', 'Binding to an IP address, even on localhost, can also give access to scripts run in a browser. Be safe out there!', `host="${h.url}"`);
  }
  logLine('INFO', 'Starting up simulated host', `seed=${args.seed} speed=${args.speed}`);
  const daemon = await startDaemon({
    hosts: args.hosts,
    seed: args.seed,
    clock: { kind: 'realtime', speed: args.speed },
    // The simulated clock starts at the real time, so the real CLI's "2 minutes ago" agrees with the host.
    bootEpochMs: Date.now(),
    onError: (err) => {
      logLine('ERRO', `simulation stopped: ${(err as Error)?.stack ?? String(err)}`);
      process.exit(70);
    },
  }).catch((e: Error & { code?: string }) => {
    logLine('ERRO', `failed to load listeners: ${e.message}`);
    process.exit(1);
  });
  for (const a of daemon.addresses) logLine('INFO', `API listen on ${a.kind === 'unix' ? a.path : `${a.host}:${a.port}`}`);

  let stopping = false;
  const shutdown = (signal: string) => (): void => {
    if (stopping) return;
    stopping = true;
    logLine('INFO', `Processing signal '${signal}'`);
    const force = setTimeout(() => process.exit(0), 3000);
    force.unref();
    void daemon.close().then(() => {
      for (const f of daemon.host.kernel.faults) logLine('ERRO', `internal fault in ${f.argv.join(' ')}: ${String(f.error)}`);
      logLine('INFO', 'Daemon shutdown complete');
      process.exit(0);
    });
  };
  process.on('SIGINT', shutdown('interrupt'));
  process.on('SIGTERM', shutdown('terminated'));
}

void main();
