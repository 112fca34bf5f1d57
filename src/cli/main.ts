/**
 * The docker program's main (cmd/docker/docker.go): parse, run the command, print its error and turn it
 * into an exit status. Help, usage errors and version come finished from dispatch; commands dockersim
 * does not model say so instead of pretending.
 */
import { DEFAULT_DOCKER_HOST, type Cli, type CommandCli } from './cli.js';
import type { ApiClient, ServerInfo } from './client.js';
import { dispatch, type Dispatch, type Output } from './dispatch.js';
import { helpNeedsServer, needsServerInfo, unsupported } from './features.js';
import { renderHelp, type HelpOptions } from './help.js';
import { listPlugins, type PluginInfo } from './plugins.js';
import { ROOT } from './command/commands.js';
import { globalFlags } from './globals.js';
import { errorText, notSimulated, passProcessEnd, StatusError } from './errors.js';
import { getList, parseFlags, unsimulatedFlags } from './flags.js';
import { Cancelled } from './prompt.js';
import { simulatorNote } from './simnote.js';
import { commandPath, type CommandNode, type Invocation } from './spec.js';
import { runComplete } from './complete.js';
import { dispatchBuildx, processBuilder } from './command/image/build/builder.js';

/** -H wins over DOCKER_HOST, which wins over the default socket. */
export function daemonHost(inv: Pick<Invocation, 'globals'>, env: (k: string) => string | undefined): string {
  const hosts = getList(inv.globals, 'host');
  return parseHost(hosts.length > 0 ? hosts[hosts.length - 1] : env('DOCKER_HOST') ?? '');
}

/**
 * docker/cli's opts.ParseHost: `:2375` and `tcp://:2375` mean tcp://localhost:2375, a bare `host:port` is
 * TCP, `unix://` alone is the default socket.
 */
export function parseHost(value: string): string {
  const v = value.trim();
  if (v === '') return DEFAULT_DOCKER_HOST;
  const sep = v.indexOf('://');
  const [proto, addr] = sep < 0 ? ['tcp', v] : [v.slice(0, sep), v.slice(sep + 3)];
  if (proto === 'unix') return `unix://${addr === '' ? DEFAULT_DOCKER_HOST.slice(7) : addr}`;
  if (proto === 'fd' || proto === 'ssh') return v;
  if (proto !== 'tcp') throw new Error(`invalid bind address format: ${v}`);
  const m = /^(\[[^\]]*\]|[^:/]*)(?::(\d*))?(\/.*)?$/.exec(addr);
  if (!m) throw new Error(`invalid bind address format: ${v}`);
  return `tcp://${m[1] || 'localhost'}:${m[2] || '2375'}${m[3] ?? ''}`;
}

function configDir(cli: Cli): string {
  return cli.env('DOCKER_CONFIG') || `${cli.env('HOME') || '/root'}/.docker`;
}

/** Go's os.Exit keeps the low 8 bits: -1 is 255. */
function exitStatus(code: number): number {
  return ((code % 256) + 256) % 256;
}

export async function main(cli: Cli, argv: readonly string[]): Promise<number> {
  // cobra's hidden completion command, called by the bash completion script on Tab.
  if (argv[0] === '__complete' || argv[0] === '__completeNoDesc') {
    return runComplete(cli, argv.slice(1), (h) => parseHost(h ?? cli.env('DOCKER_HOST') ?? ''), configDir(cli));
  }
  const width = cli.in.isTerminal() ? cli.in.ttySize().width : undefined;
  // docker build → docker buildx build, or the legacy builder's notice (cmd/docker/builder.go)
  let plugins: PluginInfo[] | undefined;
  const installed = (): PluginInfo[] => (plugins ??= listPlugins(cli.fs, configDir(cli)));
  // Only a CLI that has a filesystem to look in can tell whether buildx is there (the test fakes have none).
  const b = processBuilder(argv, (k) => cli.env(k), configDir(cli), () => !cli.fs || installed().some((p) => p.Name === 'buildx'));
  if (b.stderr) await cli.err.write(b.stderr);
  if (b.kind === 'exit') return b.exit;
  const opts = { configDir: configDir(cli), width, plugins: cli.fs ? installed : undefined };
  let d: Dispatch = dispatchBuildx(b.argv, opts, b.forwarded) ?? dispatch(b.argv, opts);
  // One client for the whole run: help's and isSupported's ping negotiates for the command's requests too.
  let client: ApiClient | undefined;
  const daemon = (): ApiClient | null => {
    try {
      return (client ??= cli.client(daemonHost({ globals: parseFlags(globalFlags(opts.configDir), b.argv, false) }, (k) => cli.env(k))));
    } catch {
      return null;
    }
  };
  if (d.kind === 'output' && d.help) d = await helpAgainstDaemon(d, opts, daemon);
  if (d.kind === 'unsimulated') {
    const refused = await supportedOrError(d.node, null, daemon);
    if (refused !== null) {
      // docker's help function prints isSupported's error on stdout and exits 0; a run fails with it.
      const help = d.args.some((a) => a === '--help' || a === '-h');
      await (help ? cli.out : cli.err).write(refused + '\n');
      return help ? 0 : 1;
    }
  }
  if (d.kind === 'output') {
    if (d.stdout) await cli.out.write(d.stdout);
    if (d.stderr) await cli.err.write(d.stderr);
    return d.exit;
  }
  if (d.kind === 'unsimulated' || !d.node.spec) {
    await cli.err.write(`docker: '${commandPath(d.node)}' is a real docker command that dockersim does not simulate yet\n`);
    return 1;
  }
  if (d.stdout) await cli.out.write(d.stdout);
  const refused = await supportedOrError(d.node, d.flags, daemon);
  if (refused !== null) {
    await cli.err.write(refused + '\n');
    return 1;
  }
  const run = d.node.spec.run;
  // A flag docker accepts but the simulation does not model is refused, never accepted and ignored.
  const unsimulated = unsimulatedFlags(d.globals).concat(unsimulatedFlags(d.flags));
  if (unsimulated.length > 0) {
    await cli.err.write(notSimulated(`--${unsimulated[0].name}`).status + '\n');
    return 125;
  }
  let host: string;
  try {
    host = daemonHost(d, (k) => cli.env(k));
  } catch (e) {
    await cli.err.write(`Failed to initialize: unable to resolve docker endpoint: ${(e as Error).message}\n`);
    return 1;
  }
  const ccli: CommandCli = {
    in: cli.in, out: cli.out, err: cli.err,
    env: (k) => cli.env(k),
    now: () => cli.now(),
    readFile: cli.readFile ? (p) => cli.readFile!(p) : undefined,
    writeFile: cli.writeFile ? (p, t, m, dm) => cli.writeFile!(p, t, m, dm) : undefined,
    cwd: cli.cwd ? () => cli.cwd!() : undefined,
    fs: cli.fs,
    sleep: (ms) => cli.sleep(ms),
    onSignal: cli.onSignal ? (sigs, h) => cli.onSignal!(sigs, h) : undefined,
    client: () => (client ??= cli.client(host)),
    plugins: opts.plugins,
    hostIo: cli.hostIo,
  };
  try {
    await run(ccli, d);
    return 0;
  } catch (e) {
    passProcessEnd(e);
    if (e instanceof Cancelled) return 0;
    const text = errorText(e);
    if (text !== '') await cli.err.write(text + '\n');
    const note = simulatorNote(text);
    if (note) await cli.err.write(note + '\n');
    if (e instanceof StatusError) return exitStatus(e.code === 0 ? 1 : e.code);
    return 1;
  }
}

/** initializeFromClient: a daemon that cannot be asked counts as experimental with no OS, so nothing is hidden. */
async function serverOf(daemon: () => ApiClient | null): Promise<ServerInfo> {
  return (await daemon()?.serverInfo().catch(() => null)) ?? { hasExperimental: true, osType: '' };
}

/** isSupported against the daemon, asked only when an annotation needs it: its error text, or null. */
async function supportedOrError(node: CommandNode, flags: Invocation['flags'] | null, daemon: () => ApiClient | null): Promise<string | null> {
  if (!needsServerInfo(ROOT, node, flags)) return null;
  return unsupported(ROOT, node, flags, await serverOf(daemon));
}

/**
 * docker's help function: isSupported first (its error printed in place of the help, on stdout, status 0;
 * a group run bare fails with it as its RunE would), then the help with what the daemon cannot serve hidden.
 * A daemon out of reach leaves everything listed.
 */
async function helpAgainstDaemon(d: Output, opts: HelpOptions, daemon: () => ApiClient | null): Promise<Output> {
  const h = d.help!;
  if (!helpNeedsServer(ROOT, h.node, h.flags)) return d;
  const server = await serverOf(daemon);
  const refused = unsupported(ROOT, h.node, h.flags, server);
  if (refused !== null) return h.bare ? { ...d, stdout: h.notes, stderr: refused + '\n', exit: 1 } : { ...d, stdout: h.notes + refused + '\n' };
  const text = renderHelp(h.node, { ...opts, server });
  return h.bare ? { ...d, stderr: text } : { ...d, stdout: h.notes + text };
}
