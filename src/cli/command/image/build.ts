/**
 * `docker build`: the docker CLI's own legacy builder (cli/command/image/build.go, docker 28.2.2, used with
 * DOCKER_BUILDKIT=0) and the buildx plugin's `docker buildx build` (buildx v0.24, which `docker build` becomes
 * when BuildKit is on: build/builder.ts). Both send the context as a tar to POST /build: the legacy builder
 * with version=1 and shows the daemon's JSON stream as jsonmessage does; the BuildKit one with version=2 and
 * draws the `moby.buildkit.trace` progress with progressui (build/progressui.ts). Flag text is the real
 * clients' (`docker build --help` 28.2.2; buildx v0.24's build.go).
 */
import { command, type CommandSpec } from '../../spec.js';
import type { CommandCli } from '../../cli.js';
import type { BuildRequest, JSONMessage } from '../../client.js';
import { errorText, passProcessEnd, StatusError } from '../../errors.js';
import { flag, getBool, getList, getString, type FlagSpec, type ParsedFlags } from '../../flags.js';
import { displayJSONMessages } from '../../formatter/jsonmessage.js';
import { parseNormalizedNamed } from '../../../pkg/reference.js';
import { humanSize } from '../../../pkg/units.js';
import { encodeJSON } from '../../../pkg/gojson.js';
import { decodeStatusResponse } from '../../../pkg/buildkit/statuspb.js';
import { base64Decode } from '../../../pkg/base64.js';
import { ContextError, absPath, contextFromDir, contextFromDockerfile, type BuildContext } from './build/context.js';
import { ProgressDisplay, warningsFooter, type DisplayMode } from './build/progressui.js';
import { printSource, stepRange } from './build/source.js';
import { registryConfigHeader } from '../../config/configfile.js';

const USE = 'build [OPTIONS] PATH | URL | -';

/** The legacy builder's flags, as `docker build --help` lists them (28.2.2, no buildx). */
const LEGACY_FLAGS: readonly FlagSpec[] = [
  flag('add-host', '', 'list', 'Add a custom host-to-IP mapping ("host:ip")'),
  flag('build-arg', '', 'list', 'Set build-time variables', { sim: true }),
  flag('cache-from', '', 'strings', 'Images to consider as cache sources'),
  flag('cgroup-parent', '', 'string', 'Set the parent cgroup for the "RUN" instructions during build'),
  flag('compress', '', '', 'Compress the build context using gzip'),
  flag('cpu-period', '', 'int', 'Limit the CPU CFS (Completely Fair Scheduler) period'),
  flag('cpu-quota', '', 'int', 'Limit the CPU CFS (Completely Fair Scheduler) quota'),
  flag('cpu-shares', 'c', 'int', 'CPU shares (relative weight)'),
  flag('cpuset-cpus', '', 'string', 'CPUs in which to allow execution (0-3, 0,1)'),
  flag('cpuset-mems', '', 'string', 'MEMs in which to allow execution (0-3, 0,1)'),
  flag('disable-content-trust', '', '', 'Skip image verification', { def: 'true', sim: true }),
  flag('file', 'f', 'string', 'Name of the Dockerfile (Default is "PATH/Dockerfile")', { sim: true }),
  flag('force-rm', '', '', 'Always remove intermediate containers'),
  flag('iidfile', '', 'string', 'Write the image ID to the file', { sim: true }),
  flag('isolation', '', 'string', 'Container isolation technology'),
  flag('label', '', 'list', 'Set metadata for an image', { sim: true }),
  flag('memory', 'm', 'bytes', 'Memory limit'),
  flag('memory-swap', '', 'bytes', 'Swap limit equal to memory plus swap: -1 to enable unlimited swap'),
  flag('network', '', 'string', 'Set the networking mode for the RUN instructions during build', { def: '"default"' }),
  flag('no-cache', '', '', 'Do not use cache when building the image', { sim: true }),
  flag('platform', '', 'string', 'Set platform if server is multi-platform capable', { sim: true }),
  flag('pull', '', '', 'Always attempt to pull a newer version of the image', { sim: true }),
  flag('quiet', 'q', '', 'Suppress the build output and print image ID on success', { sim: true }),
  flag('rm', '', '', 'Remove intermediate containers after a successful build', { def: 'true' }),
  flag('security-opt', '', 'strings', 'Security options'),
  flag('shm-size', '', 'bytes', 'Size of "/dev/shm"'),
  flag('squash', '', '', 'Squash newly built layers into a single new layer', { annotations: { experimental: true } }),
  flag('tag', 't', 'list', 'Name and optionally a tag in the "name:tag" format', { sim: true }),
  flag('target', '', 'string', 'Set the target build stage to build.', { sim: true }),
  flag('ulimit', '', 'ulimit', 'Ulimit options', { def: '[]' }),
];

/** `docker build` / `docker image build` with the legacy builder. */
export const legacyBuildCommand: CommandSpec = command({
  use: USE,
  short: 'Build an image from a Dockerfile',
  aliases: 'docker image build, docker build, docker builder build',
  args: { exact: 1 },
  flags: LEGACY_FLAGS,
  completion: { files: true },
  run: (cli, inv) => runLegacyBuild(cli, buildOptions(cli, inv.flags, inv.args[0], false)),
});

/** buildx's flags (commands/build.go and its root's persistent --builder and --debug), hidden ones included. */
function buildxFlags(forwarded: boolean): FlagSpec[] {
  return [
    flag('add-host', '', 'strings', 'Add a custom host-to-IP mapping (format: "host:ip")'),
    flag('allow', '', 'stringArray', 'Allow extra privileged entitlement (e.g., "network.host", "security.insecure")'),
    flag('annotation', '', 'stringArray', 'Add annotation to the image'),
    flag('attest', '', 'stringArray', 'Attestation parameters (format: "type=sbom,generator=image")'),
    flag('build-arg', '', 'stringArray', 'Set build-time variables', { sim: true }),
    flag('build-context', '', 'stringArray', 'Additional build contexts (e.g., name=path)'),
    // `docker build` sets BUILDX_BUILDER to the current context (processBuilder), which becomes the default
    flag('builder', '', 'string', 'Override the configured builder instance', forwarded ? { def: '"default"' } : {}),
    flag('cache-from', '', 'stringArray', 'External cache sources (e.g., "user/app:cache", "type=local,src=path/to/dir")'),
    flag('cache-to', '', 'stringArray', 'Cache export destinations (e.g., "user/app:cache", "type=local,dest=path/to/dir")'),
    flag('call', '', 'string', 'Set method for evaluating build ("check", "outline", "targets")', { def: '"build"' }),
    flag('cgroup-parent', '', 'string', 'Set the parent cgroup for the "RUN" instructions during build'),
    flag('check', '', '', 'Shorthand for "--call=check"'),
    flag('debug', 'D', '', 'Enable debug logging'),
    flag('file', 'f', 'string', 'Name of the Dockerfile (default: "PATH/Dockerfile")', { sim: true }),
    flag('iidfile', '', 'string', 'Write the image ID to a file', { sim: true }),
    flag('label', '', 'stringArray', 'Set metadata for an image', { sim: true }),
    flag('load', '', '', 'Shorthand for "--output=type=docker"'),
    flag('metadata-file', '', 'string', 'Write build result metadata to a file'),
    flag('network', '', 'string', 'Set the networking mode for the "RUN" instructions during build', { def: '"default"' }),
    flag('no-cache', '', '', 'Do not use cache when building the image', { sim: true }),
    flag('no-cache-filter', '', 'stringArray', 'Do not cache specified stages'),
    flag('output', 'o', 'stringArray', 'Output destination (format: "type=local,dest=path")'),
    flag('platform', '', 'stringArray', 'Set target platform for build', { sim: true }),
    flag('progress', '', 'string', 'Set type of progress output ("auto", "quiet", "plain", "tty", "rawjson"). Use plain to show container output', { def: '"auto"', sim: true }),
    flag('provenance', '', 'string', 'Shorthand for "--attest=type=provenance"'),
    flag('pull', '', '', 'Always attempt to pull all referenced images', { sim: true }),
    flag('push', '', '', 'Shorthand for "--output=type=registry"'),
    flag('quiet', 'q', '', 'Suppress the build output and print image ID on success', { sim: true }),
    flag('sbom', '', 'string', 'Shorthand for "--attest=type=sbom"'),
    flag('secret', '', 'stringArray', 'Secret to expose to the build (format: "id=mysecret[,src=/local/secret]")'),
    flag('shm-size', '', 'bytes', 'Shared memory size for build containers'),
    flag('ssh', '', 'stringArray', 'SSH agent socket or keys to expose to the build (format: "default|<id>[=<socket>|<key>[,<key>]]")'),
    flag('tag', 't', 'stringArray', 'Name and optionally a tag (format: "name:tag")', { sim: true }),
    flag('target', '', 'string', 'Set the target build stage to build', { sim: true }),
    flag('ulimit', '', 'ulimit', 'Ulimit options', { def: '[]' }),
    // hidden: accepted for `docker build` compatibility; BuildKit ignores --rm/--force-rm (it always cleans up)
    flag('print', '', 'string', 'Print result of information request (e.g., outline, targets)', { hidden: true }),
    flag('compress', '', '', 'Compress the build context using gzip', { hidden: true }),
    flag('isolation', '', 'string', 'Container isolation technology', { hidden: true }),
    flag('security-opt', '', 'strings', 'Security options', { hidden: true }),
    flag('squash', '', '', 'Squash newly built layers into a single new layer', { hidden: true }),
    flag('memory', 'm', 'string', 'Memory limit', { hidden: true }),
    flag('memory-swap', '', 'string', 'Swap limit equal to memory plus swap: "-1" to enable unlimited swap', { hidden: true }),
    flag('cpu-shares', 'c', 'int', 'CPU shares (relative weight)', { hidden: true }),
    flag('cpu-period', '', 'int', 'Limit the CPU CFS (Completely Fair Scheduler) period', { hidden: true }),
    flag('cpu-quota', '', 'int', 'Limit the CPU CFS (Completely Fair Scheduler) quota', { hidden: true }),
    flag('cpuset-cpus', '', 'string', 'CPUs in which to allow execution ("0-3", "0,1")', { hidden: true }),
    flag('cpuset-mems', '', 'string', 'MEMs in which to allow execution ("0-3", "0,1")', { hidden: true }),
    flag('rm', '', '', 'Remove intermediate containers after a successful build', { hidden: true, def: 'true', sim: true }),
    flag('force-rm', '', '', 'Always remove intermediate containers', { hidden: true, sim: true }),
  ];
}

/** `docker buildx build` (alias `b`); `forwarded`: reached as `docker build` with BuildKit on. */
export function buildxBuildCommand(forwarded: boolean): CommandSpec {
  return command({
    use: USE,
    short: 'Start a build',
    aliases: 'docker build, docker builder build, docker image build, docker buildx b',
    cobraAliases: ['b'],
    args: { exact: 1 },
    flags: buildxFlags(forwarded),
    completion: { files: true },
    run: (cli, inv) => runBuildKitBuild(cli, buildOptions(cli, inv.flags, inv.args[0], true)),
  });
}

export interface BuildOptions {
  readonly context: string;
  readonly file: string;
  readonly tags: readonly string[];
  /** KEY=VALUE as given; KEY alone takes the environment's value (legacy: null when unset; buildx: left out). */
  readonly buildArgs: Readonly<Record<string, string | null>>;
  readonly labels: Readonly<Record<string, string>>;
  readonly target: string;
  readonly noCache: boolean;
  readonly pull: boolean;
  readonly quiet: boolean;
  readonly progress: string;
  readonly iidfile: string;
  readonly platform: string;
}

function buildOptions(cli: CommandCli, f: ParsedFlags, context: string, buildkit: boolean): BuildOptions {
  const buildArgs: Record<string, string | null> = {};
  for (const kv of getList(f, 'build-arg')) {
    const eq = kv.indexOf('=');
    if (eq >= 0) buildArgs[kv.slice(0, eq)] = kv.slice(eq + 1);
    else {
      const v = cli.env(kv);
      if (v !== undefined) buildArgs[kv] = v;
      else if (!buildkit) buildArgs[kv] = null;
    }
  }
  const labels: Record<string, string> = {};
  for (const kv of getList(f, 'label')) {
    const eq = kv.indexOf('=');
    labels[eq >= 0 ? kv.slice(0, eq) : kv] = eq >= 0 ? kv.slice(eq + 1) : '';
  }
  const platforms = getList(f, 'platform');
  return {
    context,
    file: getString(f, 'file'),
    tags: getList(f, 'tag'),
    buildArgs, labels,
    target: getString(f, 'target'),
    noCache: getBool(f, 'no-cache'),
    pull: getBool(f, 'pull'),
    quiet: getBool(f, 'quiet'),
    progress: buildkit ? getString(f, 'progress') : '',
    iidfile: getString(f, 'iidfile'),
    platform: platforms.join(','),
  };
}

/** moby's client.imageBuildOptionsToQuery for what the simulated CLI sends (empty values left out). */
export function buildQuery(o: BuildOptions, ctx: BuildContext, version: '1' | '2'): BuildRequest['query'] {
  const q: Record<string, string | readonly string[] | undefined> = { t: o.tags.length > 0 ? o.tags : undefined };
  if (o.quiet && version === '1') q.q = '1';
  if (o.noCache) q.nocache = '1';
  if (o.pull) q.pull = '1';
  q.dockerfile = ctx.dockerfile;
  if (Object.keys(o.buildArgs).length > 0) q.buildargs = encodeJSON(sortKeys(o.buildArgs)).trimEnd();
  if (Object.keys(o.labels).length > 0) q.labels = encodeJSON(sortKeys(o.labels)).trimEnd();
  if (o.target) q.target = o.target;
  if (o.platform) q.platform = o.platform;
  q.version = version;
  return q;
}

function sortKeys<T>(o: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
}

const headers = (cli: CommandCli): Record<string, string> => ({ 'Content-Type': 'application/x-tar', 'X-Registry-Config': registryConfigHeader(cli) });

async function readStdin(cli: CommandCli): Promise<string> {
  let text = '';
  for (;;) {
    const chunk = await cli.in.read();
    if (chunk === null) return text;
    text += chunk;
  }
}

function isUrl(s: string): boolean {
  return /^(https?:\/\/|git:\/\/|github\.com\/|git@)/.test(s);
}

/** Reads the context: a directory, or `-` (a Dockerfile on stdin). What the CLI says when it cannot. */
async function loadContext(cli: CommandCli, o: BuildOptions, buildkit = false): Promise<BuildContext> {
  if (o.context === '-') {
    if (o.file === '-') throw new ContextError("invalid argument: can't use stdin for both build context and dockerfile");
    const text = await readStdin(cli);
    if (text.length > 262 && text.slice(257, 262) === 'ustar') throw new StatusError(1, 'dockersim: a build context tar on stdin is not simulated: build from a directory');
    if (o.file !== '') throw new ContextError('unable to prepare context: ambiguous Dockerfile source: both stdin and flag correspond to Dockerfiles');
    return contextFromDockerfile(text, cli.now());
  }
  if (isUrl(o.context)) throw new StatusError(1, 'dockersim: building from a URL or a Git repository is not simulated: build from a directory');
  if (!cli.fs || !cli.cwd) throw new StatusError(1, 'dockersim: this docker client has no filesystem to read a build context from');
  const stdinDockerfile = o.file === '-' ? await readStdin(cli) : undefined;
  return contextFromDir(cli.fs, { cwd: cli.cwd(), context: o.context, file: o.file, stdinDockerfile, missingDockerfileOk: buildkit, buildkit });
}

async function writeIidfile(cli: CommandCli, path: string, id: string): Promise<void> {
  if (!cli.fs || !cli.cwd) return;
  cli.fs.writeFile(absPath(cli.cwd(), path), id);
}

function removeIidfile(cli: CommandCli, path: string): void {
  if (!path || !cli.fs || !cli.cwd) return;
  try {
    cli.fs.unlink(absPath(cli.cwd(), path));
  } catch {
    /* not there: os.IsNotExist */
  }
}

/** The legacy builder's client (runBuild in cli/command/image/build.go). */
export async function runLegacyBuild(cli: CommandCli, o: BuildOptions): Promise<void> {
  removeIidfile(cli, o.iidfile);
  let ctx: BuildContext;
  try {
    ctx = await loadContext(cli, o);
  } catch (e) {
    if (e instanceof ContextError) throw new Error(e.message);
    throw e;
  }
  // progress.NewProgressReader: an update every 512 kB read (32 kB at a time), the last one on a new line;
  // without a terminal only the last (lastProgressOutput). With -q it goes to a buffer shown on failure.
  const action = 'Sending build context to Docker daemon';
  let sending = '';
  if (cli.out.isTerminal()) {
    let last = 0;
    for (let read = 32768; read < ctx.tar.length; read += 32768) {
      if (read - last > 512 * 1024) {
        sending += `${action} ${humanSize(read).padStart(8)}\r`;
        last = read;
      }
    }
  }
  sending += `${action} ${humanSize(ctx.tar.length).padStart(8)}\r\r\n`;
  if (!o.quiet) await cli.out.write(sending);
  const stream = await cli.client().imageBuild({ query: buildQuery(o, ctx, '1'), body: ctx.tar, headers: headers(cli) });
  let imageID = '';
  let quietText = '';
  const sink = o.quiet
    ? { write: async (t: string) => void (quietText += t), isTerminal: () => false, ttySize: () => ({ height: 0, width: 0 }) }
    : cli.out;
  try {
    await displayJSONMessages(stream, sink, () => cli.now(), {
      onAux: (aux) => {
        const id = (aux as { ID?: unknown } | null)?.ID;
        if (typeof id === 'string') imageID = id;
      },
      errorCode: true,
    });
  } catch (e) {
    const code = (e as { code?: number }).code;
    if (typeof code === 'number') {
      if (o.quiet) await cli.err.write(sending + quietText);
      throw new StatusError(code === 0 ? 1 : code, (e as Error).message);
    }
    throw e;
  }
  if (o.quiet) {
    imageID = quietText;
    await cli.out.write(quietText);
  }
  if (o.iidfile) {
    if (imageID === '') throw new Error(`Server did not provide an image ID. Cannot write ${o.iidfile}`);
    await writeIidfile(cli, o.iidfile, imageID);
  }
}

/** buildx's error line; `ERROR: ` and exit status 1 whatever failed. */
function buildxError(message: string): StatusError {
  return new StatusError(1, `ERROR: ${message}`);
}

function displayMode(cli: CommandCli, o: BuildOptions): DisplayMode {
  let progress = o.progress || 'auto';
  if (o.quiet) {
    if (progress !== 'auto' && progress !== 'quiet') throw buildxError(`progress=${o.progress} and quiet cannot be used together`);
    return 'quiet';
  }
  const env = cli.env('BUILDKIT_PROGRESS');
  if (env && progress === 'auto') progress = env;
  switch (progress) {
    case 'auto':
    case '':
      return cli.err.isTerminal() ? 'tty' : 'plain';
    case 'tty':
      if (!cli.err.isTerminal()) throw buildxError('failed to get console: provided file is not a console');
      return 'tty';
    case 'plain':
    case 'quiet':
      return progress;
    case 'rawjson':
      throw new StatusError(1, 'dockersim: --progress=rawjson is not simulated: use plain, tty or quiet');
    default:
      throw buildxError(`invalid progress mode ${progress}`);
  }
}

/** The failing step's name: the last vertex the trace marked with an error. */
function failedStep(names: Map<string, { name: string; error: string }>): string | null {
  let found: string | null = null;
  for (const v of names.values()) if (v.error !== '' && !v.error.endsWith('context canceled')) found = v.name;
  return found;
}

/** buildx build over the daemon's /build?version=2 (see the README's design note). */
export async function runBuildKitBuild(cli: CommandCli, o: BuildOptions): Promise<void> {
  removeIidfile(cli, o.iidfile);
  const mode = displayMode(cli, o);
  const display = new ProgressDisplay({
    mode,
    now: () => cli.now(),
    size: () => cli.err.ttySize(),
    textDesc: 'building with "default" instance using docker driver',
    consoleDesc: 'docker:default',
    env: (k) => cli.env(k),
  });
  const fail = async (message: string, source = ''): Promise<never> => {
    await cli.err.write(display.done() + (mode === 'quiet' ? '' : warningsFooter(display.allWarnings())) + source);
    throw buildxError(message);
  };

  // buildx checks the tags while it prepares the build options, before it reads the context.
  for (const tag of o.tags) {
    try {
      parseNormalizedNamed(tag);
    } catch (e) {
      return fail(`invalid tag ${JSON.stringify(tag)}: ${(e as Error).message}`);
    }
  }
  let ctx: BuildContext;
  try {
    ctx = await loadContext(cli, o, true);
  } catch (e) {
    if (e instanceof ContextError) return fail(e.message);
    throw e;
  }

  let stream;
  try {
    stream = await cli.client().imageBuild({ query: buildQuery(o, ctx, '2'), body: ctx.tar, headers: headers(cli) });
  } catch (e) {
    passProcessEnd(e);
    return fail(errorText(e));
  }
  let imageID = '';
  let error: string | null = null;
  const vertices = new Map<string, { name: string; error: string }>();
  try {
    for (;;) {
      const m: JSONMessage | null | undefined = mode === 'quiet' ? await stream.nextMessage() : await stream.nextMessageWithin(150);
      if (m === undefined) {
        const out = display.tick();
        if (out) await cli.err.write(out);
        continue;
      }
      if (m === null) break;
      if (m.errorDetail || m.error) {
        error = m.errorDetail?.message ?? m.error ?? '';
        break;
      }
      if (m.id === 'moby.buildkit.trace' && typeof m.aux === 'string') {
        const status = decodeStatusResponse(base64Decode(m.aux));
        for (const v of status.vertexes) vertices.set(v.digest, { name: v.name, error: v.error });
        const out = display.update(status);
        if (out) await cli.err.write(out);
      } else if (m.id === 'moby.image.id') {
        const id = (m.aux as { ID?: unknown } | null)?.ID;
        if (typeof id === 'string') imageID = id;
      }
    }
  } finally {
    stream.close();
  }
  if (error !== null) {
    const step = failedStep(vertices);
    const range = step !== null && ctx.dockerfileText !== '' ? stepRange(ctx.dockerfileText, step) : null;
    return fail(`failed to solve: ${error}`, range ? printSource(ctx.dockerfileName, ctx.dockerfileText, range) : '');
  }
  const last = display.done() + (mode === 'quiet' ? '' : warningsFooter(display.allWarnings()));
  if (last) await cli.err.write(last);
  if (mode === 'quiet') await cli.out.write(imageID + '\n');
  if (o.iidfile) await writeIidfile(cli, o.iidfile, imageID);
}
