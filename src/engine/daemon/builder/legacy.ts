/**
 * The legacy builder (moby builder/dockerfile, `version=1`): each instruction is a step that commits an image,
 * through a container for RUN, WORKDIR and the config-only instructions (created, not started), straight from
 * the context for COPY/ADD. A step whose parent and config match an earlier image's is that image
 * (` ---> Using cache`). Intermediate images stay (dangling, `docker images -a`); intermediate containers are
 * removed after each successful step, and a failed step's container is left for `docker run -it <last id>`.
 */
import { goQuote } from '../../../pkg/strconv.js';
import { DaemonError, invalidParameter, isDaemonError } from '../../../pkg/errdefs.js';
import { Layer } from '../../fs/layer.js';
import { sha256Hex } from '../../fs/sha256.js';
import { utf8Decode, utf8Encode } from '../../kernel/utf8.js';
import { defaultConfig, type ContainerConfig } from '../container.js';
import type { DaemonContext } from '../context.js';
import { shortID } from '../ids.js';
import { imagePull, type PullProgress } from '../images/pull.js';
import { decodeRegistryConfig, resolveAuthConfig } from './buildAuth.js';
import { parseNormalizedNamed } from '../../../pkg/reference.js';
import type { Image } from '../images/store.js';
import { notSimulated } from '../unsimulated.js';
import { healthConfigQuoted, type HealthConfig } from '../healthConfig.js';
import { parseHealthcheck } from './healthcheck.js';
import { dispatchInstruction, type DispatchState } from './dockerfile/dispatch.js';
import { onbuildExpression, parseDirectives, parseDockerfile, type Node } from './dockerfile/parser.js';
import { envLookup, processWord, processWords } from './dockerfile/shell.js';
import { BuildArgs } from './buildArgs.js';
import { commitStep, probeCache } from './commitStep.js';
import { BuildContext } from './context.js';
import { copySources, copyTree, CopyError, imageSources, isDirInImage, normalizeDest, readLayersFile } from './copy.js';
import { parseStages, ParseError, type Command, type Stage } from './instructions.js';
import { isHeredocWord } from './heredoc.js';
import { createStepContainer, makeWorkdir, removeStepContainer, runStepContainer, stepLayer } from './runStep.js';
import type { BuildOptions } from './options.js';
import type { BuildRecorder } from './record.js';

/** One message of the build's JSON stream (jsonmessage.JSONMessage), as the route writes it. */
export type BuildMessage =
  | { readonly stream: string }
  | { readonly aux: { readonly ID: string } }
  | PullProgress;

/** A failed step with the exit code the CLI exits with (jsonmessage.JSONError's code). */
export class StepError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

const DEFAULT_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const DEFAULT_SHELL = ['/bin/sh', '-c'];

interface State {
  config: ContainerConfig;
  image: Image | null;
  maintainer: string;
  cmdSet: boolean;
  shell: string[];
}

/** The image's config as a run config (image.RunConfig, copied). */
export function runConfigOf(img: Image | null): ContainerConfig {
  const c = defaultConfig(img?.id ?? '', '');
  c.AttachStdout = false;
  c.AttachStderr = false;
  if (!img) return c;
  const ic = img.config;
  return {
    ...c, User: ic.User, Env: [...ic.Env], Cmd: ic.Cmd && [...ic.Cmd], Entrypoint: ic.Entrypoint && [...ic.Entrypoint],
    WorkingDir: ic.WorkingDir, Labels: { ...ic.Labels }, OnBuild: ic.OnBuild ? [...ic.OnBuild] : null,
    ...(ic.ExposedPorts ? { ExposedPorts: { ...ic.ExposedPorts } } : {}), Volumes: ic.Volumes ? { ...ic.Volumes } : null,
    ...(ic.StopSignal ? { StopSignal: ic.StopSignal } : {}), ...(ic.Shell ? { Shell: [...ic.Shell] } : {}),
    ...(ic.Healthcheck ? { Healthcheck: copyHealth(ic.Healthcheck) } : {}),
  };
}

function copyConfig(c: ContainerConfig): ContainerConfig {
  return {
    ...c, Env: [...c.Env], Cmd: c.Cmd && [...c.Cmd], Entrypoint: c.Entrypoint && [...c.Entrypoint],
    OnBuild: c.OnBuild && [...c.OnBuild], Labels: { ...c.Labels }, Volumes: c.Volumes && { ...c.Volumes },
    ...(c.ExposedPorts ? { ExposedPorts: { ...c.ExposedPorts } } : {}), ...(c.Shell ? { Shell: [...c.Shell] } : {}),
    ...(c.Healthcheck ? { Healthcheck: copyHealth(c.Healthcheck) } : {}),
  };
}

function copyHealth(h: Readonly<HealthConfig>): HealthConfig {
  return { ...h, Test: h.Test ? [...h.Test] : h.Test };
}

/** Go's %q of a []string: `["a" "b"]`. */
const goList = (xs: readonly string[] | null): string => `[${(xs ?? []).map(goQuote).join(' ')}]`;

export interface SourceFile {
  readonly context: BuildContext;
  readonly nodes: Node[];
  readonly text: string;
}

/** remotecontext.Detect for an uploaded context: the Dockerfile, read and parsed (errors before any output). */
export function readDockerfile(tar: Uint8Array, name: string): SourceFile {
  const context = new BuildContext(tar);
  let entry = context.get(name);
  if ((!entry || entry.type === 'dir') && name === 'Dockerfile') entry = context.get('dockerfile');
  if (!entry || entry.type === 'dir') throw new Error(`Cannot locate specified Dockerfile: ${name}`);
  const data = entry.data ?? new Uint8Array(0);
  if (data.length === 0) throw invalidParameter(`the Dockerfile (${name}) cannot be empty`);
  context.dropBuildFiles(entry.name);
  const text = utf8Decode(data);
  let nodes: Node[];
  try {
    nodes = parseDockerfile(text);
  } catch (e) {
    if (isDaemonError(e, 'NotImplemented')) throw e;
    throw invalidParameter(`failed to parse ${name}: ${(e as Error).message}`);
  }
  return { context, nodes, text };
}

/** Splits `--platform` and refuses what the offline catalogue does not hold (it is linux/amd64 only). */
function checkPlatform(p: string): void {
  if (p === '' || /^linux(\/(amd64|x86_64))?$/.test(p) || p === 'amd64') return;
  throw notSimulated(`the platform ${p} (images here are linux/amd64)`);
}

export class LegacyBuilder {
  private readonly out: (m: BuildMessage) => void;
  private readonly args: BuildArgs;
  private readonly stages = new Map<string, Image | null>();
  private readonly stageList: Array<Image | null> = [];
  private tmpContainers: string[] = [];

  constructor(
    private readonly d: DaemonContext,
    private readonly opts: BuildOptions,
    private readonly src: SourceFile,
    out: (m: BuildMessage) => void,
    private readonly rec: BuildRecorder | null = null,
  ) {
    this.out = out;
    this.args = new BuildArgs(opts.buildArgs);
  }

  private print(text: string): void {
    this.out({ stream: text });
  }

  /** Builder.build: the final image's ID. */
  async build(): Promise<string> {
    let parsed;
    try {
      parsed = parseStages(this.src.nodes);
    } catch (e) {
      if (e instanceof ParseError) throw invalidParameter(e.message);
      throw e;
    }
    let stages = parsed.stages;
    if (this.opts.target !== '') {
      const i = stages.findIndex((s) => s.name === this.opts.target.toLowerCase());
      if (i < 0) throw invalidParameter(`target stage ${goQuote(this.opts.target)} could not be found`);
      stages = stages.slice(0, i + 1);
    }
    if (stages.length === 0) throw new Error('No image was generated. Is your Dockerfile empty?');
    // buildLabelOptions: `--label`s become LABEL steps at the end of the last stage.
    const last = stages[stages.length - 1];
    const labelKeys = Object.keys(this.opts.labels).sort();
    const extra: Command[] = labelKeys.map((k) => {
      const original = `LABEL ${goQuote(k)}=${goQuote(this.opts.labels[k])}`;
      return { node: { cmd: 'label', original, args: [k], json: false, pairs: [{ key: k, value: this.opts.labels[k], delim: '=' }], startLine: 0, flags: [] }, flags: {} };
    });
    stages = [...stages.slice(0, -1), { ...last, commands: [...last.commands, ...extra] }];

    let total = parsed.metaArgs.length + stages.length;
    for (const s of stages) total += s.commands.length;
    let step = 1;
    const printStep = (text: string): void => {
      this.rec?.stepStart(`Step ${step}/${total}`, text);
      this.print(`Step ${step++}/${total} : ${text}`);
      this.print('\n');
    };
    for (const a of parsed.metaArgs) {
      printStep(a.node.original.trim());
      for (const [k, v] of this.argPairs(a.node, envLookup(this.args.metaEnv()))) this.args.addMetaArg(k, v);
      this.rec?.stepDone();
    }
    let state: State | null = null;
    for (const stage of stages) {
      if (stage.name && this.stages.has(stage.name)) throw invalidParameter(`duplicate name ${stage.name}`);
      printStep(stage.sourceCode);
      state = await this.initializeStage(stage);
      this.rec?.stepDone({ imageId: state.image?.id ?? '' });
      this.print(` ---> ${shortID(state.image?.id ?? '')}\n`);
      for (const cmd of stage.commands) {
        printStep(cmd.node.original.trim());
        const before = state.image?.layers.length ?? 0;
        await this.dispatch(state, cmd);
        this.rec?.stepDone(stepMade(state.image, before));
        this.print(` ---> ${shortID(state.image?.id ?? '')}\n`);
      }
      if (state.image) this.out({ aux: { ID: state.image.id } });
      if (stage.name) this.stages.set(stage.name, state.image);
      this.stageList.push(state.image);
    }
    const unused = this.args.unused();
    if (unused.length > 0) this.print(`[Warning] One or more build-args [${unused.join(' ')}] were not consumed\n`);
    if (!state?.image) throw new Error('No image was generated. Is your Dockerfile empty?');
    return state.image.id;
  }

  private argPairs(n: Node, env: (k: string) => string | undefined): Array<[string, string | null]> {
    return n.args.map((w) => {
      const eq = w.indexOf('=');
      if (eq < 0) return [w, null];
      return [w.slice(0, eq), processWord(w.slice(eq + 1), env, n.escape)];
    });
  }

  private async initializeStage(stage: Stage): Promise<State> {
    this.args.resetStage();
    const metaEnv = envLookup(this.args.metaEnv());
    if (stage.platform) checkPlatform(processWord(stage.platform, metaEnv, stage.node.escape));
    const name = processWord(stage.baseName, metaEnv, stage.node.escape);
    if (name === '') throw new Error(`base name (${stage.baseName}) should not be blank`);
    let image: Image | null;
    if (this.stages.has(name.toLowerCase())) image = this.stages.get(name.toLowerCase())!;
    else if (name === 'scratch') image = null;
    else image = await this.imageSource(name);
    const config = runConfigOf(image);
    if (!config.Env.some((kv) => kv.startsWith('PATH='))) config.Env.push(DEFAULT_PATH);
    const state: State = { config, image, maintainer: '', cmdSet: false, shell: config.Shell ?? DEFAULT_SHELL };
    const triggers = config.OnBuild ?? [];
    if (triggers.length > 0) {
      config.OnBuild = null;
      this.print(`# Executing ${triggers.length} build trigger${triggers.length > 1 ? 's' : ''}\n`);
      for (const t of triggers) {
        state.config.Image = state.image?.id ?? '';
        const nodes = parseDockerfile(t);
        let flags: Record<string, string>;
        try {
          flags = parseStages([{ cmd: 'from', original: 'FROM scratch', args: ['scratch'], json: false, startLine: 0, flags: [] }, nodes[0]]).stages[0].commands[0].flags;
        } catch (e) {
          throw invalidParameter((e as Error).message);
        }
        await this.dispatch(state, { node: nodes[0], flags });
      }
    }
    state.config.Image = state.image?.id ?? '';
    return state;
  }

  /** imageSources.Get: the local image, else a pull whose progress goes to the build's stream. */
  private async imageSource(name: string): Promise<Image> {
    if (!this.opts.pull) {
      try {
        return this.d.store.images.resolve(name);
      } catch (e) {
        if (!(e instanceof DaemonError) || e.kind !== 'NotFound') throw e;
      }
    }
    // pullForBuilder: the client's credentials for the image's registry.
    const auth = resolveAuthConfig(decodeRegistryConfig(this.opts.registryConfig), parseNormalizedNamed(name).domain);
    return imagePull(this.d.store, this.d.sys, name, (m) => this.out(m), auth);
  }

  private envFor(state: State): (k: string) => string | undefined {
    return envLookup([...this.args.filterAllowed(state.config.Env), ...state.config.Env]);
  }

  /** evaluator.dispatch: one instruction, then (unless it failed) the step's containers go. */
  private async dispatch(state: State, cmd: Command): Promise<void> {
    let ok = false;
    try {
      await this.dispatchOne(state, cmd);
      ok = true;
    } finally {
      if (this.opts.forceRemove || (this.opts.remove && ok)) await this.removeAll();
      state.config.Image = state.image?.id ?? '';
    }
  }

  private async removeAll(): Promise<void> {
    for (const id of this.tmpContainers) {
      await removeStepContainer(this.d, id);
      this.print(` ---> Removed intermediate container ${shortID(id)}\n`);
    }
    this.tmpContainers = [];
  }

  private async dispatchOne(state: State, cmd: Command): Promise<void> {
    const n = cmd.node;
    const env = this.envFor(state);
    const c = state.config;
    switch (n.cmd) {
      case 'run':
        return this.run(state, cmd);
      case 'copy':
      case 'add':
        return this.copy(state, cmd);
      case 'maintainer':
        state.maintainer = n.args[0];
        return this.commit(state, `MAINTAINER ${n.args[0]}`);
      case 'arg': {
        const parts: string[] = [];
        for (const [k, v] of this.argPairs(n, env)) {
          this.args.addArg(k, v);
          parts.push(v === null ? k : `${k}=${v}`);
        }
        return this.commit(state, `ARG ${parts.join(' ')}`);
      }
      case 'shell':
        state.shell = [...n.args];
        // dispatchShell sets runConfig.Shell: the image config keeps it, and a build FROM that image runs with it.
        c.Shell = [...n.args];
        return this.commit(state, `SHELL ${`[${n.args.join(' ')}]`}`);
      case 'healthcheck': {
        // dispatchHealthcheck: a note when it replaces a check, then the config's %q as the step's comment.
        const old = c.Healthcheck?.Test;
        if (old && old.length > 0 && old[0] !== 'NONE') this.print(`Note: overriding previous HEALTHCHECK: [${old.join(' ')}]\n`);
        c.Healthcheck = parseHealthcheck(n, cmd.flags);
        return this.commit(state, `HEALTHCHECK ${healthConfigQuoted(c.Healthcheck)}`);
      }
      case 'workdir':
        return this.workdir(state, n, env);
      default:
    }
    // The config-only instructions, expanded with the build args too.
    const before = envLookup([...this.args.filterAllowed(c.Env), ...c.Env]);
    const ds: DispatchState = { config: c, cmdSet: state.cmdSet };
    let comment: string;
    switch (n.cmd) {
      case 'env':
        comment = `ENV ${n.pairs!.map((p) => `${processWord(p.key, before, n.escape)}=${processWord(p.value, before, n.escape)}`).join(' ')}`;
        break;
      case 'label':
        comment = `LABEL ${n.pairs!.map((p) => `${processWord(p.key, before, n.escape)}=${processWord(p.value, before, n.escape)}`).join(' ')}`;
        break;
      case 'expose':
        comment = `EXPOSE ${n.args.flatMap((a) => processWords(a, before, n.escape)).join(' ')}`;
        break;
      case 'user':
        comment = `USER ${processWord(n.args[0], before, n.escape)}`;
        break;
      case 'volume':
        comment = `VOLUME [${n.args.map((v) => processWord(v.trim(), before, n.escape)).join(' ')}]`;
        break;
      case 'stopsignal':
        comment = `STOPSIGNAL ${processWord(n.args[0], before, n.escape)}`;
        break;
      case 'onbuild':
        comment = `ONBUILD ${onbuildExpression(n)}`;
        break;
      case 'cmd':
      case 'entrypoint':
        comment = '';
        break;
      default:
        throw invalidParameter(`unknown instruction: ${n.cmd}`);
    }
    try {
      dispatchInstruction(ds, n, this.args.filterAllowed(c.Env));
    } catch (e) {
      throw invalidParameter((e as Error).message);
    }
    if (n.cmd === 'cmd' && n.args.length > 0) state.cmdSet = true;
    if (n.cmd === 'cmd' && !n.json) c.Cmd = [...state.shell, n.args.join(' ')];
    if (n.cmd === 'entrypoint' && !n.json) c.Entrypoint = [...state.shell, n.args.join(' ')];
    if (n.cmd === 'cmd') comment = `CMD ${goList(c.Cmd)}`;
    if (n.cmd === 'entrypoint') comment = `ENTRYPOINT ${goList(c.Entrypoint)}`;
    return this.commit(state, comment);
  }

  /** Builder.commit: a `#(nop)` step through a created (never started) container, unless cached. */
  private async commit(state: State, comment: string): Promise<void> {
    const containerConfig = { ...copyConfig(state.config), Cmd: [...state.shell, '#(nop) ', comment] };
    if (this.probe(state, containerConfig)) return;
    const id = this.create(state, containerConfig);
    this.commitContainer(state, id, containerConfig);
  }

  private probe(state: State, containerConfig: ContainerConfig): boolean {
    if (this.opts.noCache) return false;
    const hit = probeCache(this.d.store, state.image, (containerConfig.Cmd ?? []).join(' '), state.config);
    if (!hit) return false;
    this.print(' ---> Using cache\n');
    this.rec?.stepCached();
    state.image = hit;
    return true;
  }

  private create(state: State, config: ContainerConfig): string {
    if (!state.image) throw new Error('Please provide a source image with `from` prior to commit');
    const id = createStepContainer(this.d, state.image.id, config);
    this.tmpContainers.push(id);
    this.print(` ---> Running in ${shortID(id)}\n`);
    return id;
  }

  private commitContainer(state: State, id: string, containerConfig: ContainerConfig, layer = stepLayer(this.d, id)): void {
    state.image = commitStep(this.d.store, {
      parent: state.image, config: copyConfig(state.config), containerConfig, container: id, author: state.maintainer, layer,
    });
  }

  private async workdir(state: State, n: Node, env: (k: string) => string | undefined): Promise<void> {
    const ds: DispatchState = { config: state.config, cmdSet: state.cmdSet };
    dispatchInstruction(ds, { ...n, args: [processWord(n.args[0], env, n.escape)] });
    const dir = state.config.WorkingDir;
    const containerConfig = { ...copyConfig(state.config), Cmd: [...state.shell, `#(nop) WORKDIR ${dir}`] };
    if (this.probe(state, containerConfig)) return;
    const id = this.create(state, containerConfig);
    makeWorkdir(this.d, id, dir);
    this.commitContainer(state, id, containerConfig);
  }

  private async run(state: State, cmd: Command): Promise<void> {
    const n = cmd.node;
    const used = Object.keys(cmd.flags);
    if (used.length > 0) {
      throw new Error(`the --${used[0]} option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled`);
    }
    const c = state.config;
    const cmdLine = n.json ? [...n.args] : [...state.shell, n.args.join(' ')];
    const buildArgs = this.args.filterAllowed(c.Env);
    const keyed = buildArgs.filter((kv) => this.args.inCacheKey(kv.split('=')[0])).sort();
    const saveCmd = buildArgs.length > 0 ? [`|${keyed.length}`, ...keyed, ...cmdLine] : cmdLine;
    const probeConfig = { ...copyConfig(c), Cmd: saveCmd, ...(saveCmd.length > 0 ? { Entrypoint: null } : {}) };
    if (this.probe(state, probeConfig)) return;
    const runConfig = { ...copyConfig(c), Cmd: cmdLine, Env: [...c.Env, ...buildArgs] };
    const id = this.create(state, runConfig);
    const code = await runStepContainer(this.d, id, (stream, data) => {
      this.out({ stream: stream === 'stderr' ? `\x1b[91m${data}\x1b[0m` : data });
    });
    if (code !== 0) throw new StepError(`The command '${cmdLine.join(' ')}' returned a non-zero code: ${code}`, code);
    this.commitContainer(state, id, probeConfig);
  }

  private async copy(state: State, cmd: Command): Promise<void> {
    const n = cmd.node;
    const name = n.cmd.toUpperCase();
    if (cmd.flags.chmod !== undefined) {
      throw new Error('the --chmod option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled');
    }
    for (const f of ['link', 'parents', 'exclude', 'keep-git-dir', 'checksum', 'unpack']) if (cmd.flags[f] !== undefined) throw notSimulated(`${name} --${f}`);
    const env = this.envFor(state);
    const words = n.args.map((a) => processWord(a, env, n.escape));
    // moby's copier reads SourcePaths only: a here-document's body is parsed and left out.
    const srcs = words.slice(0, -1).filter((_w, i) => !isHeredocWord(n.args[i]));
    const destRaw = words[words.length - 1];
    let sources;
    try {
      if (cmd.flags.from !== undefined) {
        const from = processWord(cmd.flags.from, env, n.escape);
        const img = this.fromImage(from);
        sources = imageSources(img, srcs, name);
      } else sources = copySources(this.src.context, srcs, name, n.cmd === 'add');
    } catch (e) {
      if (e instanceof CopyError) throw new Error(e.message);
      throw e;
    }
    if (sources.length > 1 && !destRaw.endsWith('/')) {
      throw new Error(`When using ${name} with more than one source file, the destination must be a directory and end with a /`);
    }
    const dest = normalizeDest(state.config.WorkingDir || '/', destRaw);
    const hash = sources.length === 1 ? sources[0].hash : `multi:${sha256Join(sources.map((s) => s.hash))}`;
    const chown = cmd.flags.chown !== undefined ? processWord(cmd.flags.chown, env, n.escape) : '';
    const comment = `${name} ${chown ? `--chown=${chown} ` : ''}${hash} in ${destRaw} `;
    const containerConfig = { ...copyConfig(state.config), Cmd: [...state.shell, `#(nop) ${comment}`] };
    if (this.probe(state, containerConfig)) return;
    const tree = copyTree(sources, {
      dest, destIsDir: dest.endsWith('/') || isDirInImage(state.image, dest), owner: chown ? legacyChown(chown, state.image?.layers ?? []) : null,
      keepOwner: cmd.flags.from !== undefined,
    });
    // The destination and parents the copy creates are dated now (MkdirAllAndChownNew), not 1970.
    this.commitContainer(state, '', containerConfig, Layer.fromTree(tree, { mtimeMs: this.d.store.kernel.clock.epochMs() }));
  }

  /** `--from`: a stage by name or index, else an image (pulled if missing). */
  private fromImage(from: string): Image {
    const byName = this.stages.get(from.toLowerCase());
    if (byName !== undefined || this.stages.has(from.toLowerCase())) {
      if (!byName) throw new Error(`invalid from flag value ${from}: stage has no image`);
      return byName;
    }
    if (/^\d+$/.test(from)) {
      const i = Number(from);
      if (i >= this.stageList.length) throw new Error(`invalid from flag value ${from}: invalid stage index ${i}`);
      const img = this.stageList[i];
      if (!img) throw new Error(`invalid from flag value ${from}: stage has no image`);
      return img;
    }
    return this.d.store.images.resolve(from);
  }
}

/** What a step left for the build record: its image and the layer it added, sized as `docker history` sizes it. */
function stepMade(img: Image | null, layersBefore: number): { imageId: string; layer: { digest: string; size: number } | null } {
  if (!img) return { imageId: '', layer: null };
  const i = img.layers.length - 1;
  return { imageId: img.id, layer: i >= layersBefore ? { digest: img.diffIds[i], size: img.layerSizes[i] } : null };
}

/** hashStringSlice("multi", …): the sha256 of the hashes joined by commas. */
function sha256Join(xs: readonly string[]): string {
  return sha256Hex(utf8Encode(xs.join(',')));
}

/**
 * The legacy builder's `--chown=user[:group]` (builder/dockerfile/internals_linux.go parseChownFlag): each part a
 * number as it is, else a name looked up in the image's /etc/passwd or /etc/group; without a group the user part
 * is looked up as a group too (not the user's primary group, as BuildKit takes).
 */
function legacyChown(s: string, layers: readonly Layer[]): { uid: number; gid: number } {
  const fail = (msg: string): Error => new Error(`unable to convert uid/gid chown string to host mapping: ${msg}`);
  const parts = s.split(':');
  if (parts.length > 2) throw fail(`invalid chown string format: ${s}`);
  const [user, group = user] = parts;
  const lookup = (name: string, file: string, what: 'uid' | 'gid', kind: 'user' | 'group'): number => {
    if (/^[+-]?\d+$/.test(name)) return Number(name);
    const text = readLayersFile(layers, file);
    if (text === null) throw fail(`can't find ${what} for ${kind} ${name}: open ${file}: no such file or directory`);
    const entry = text.split('\n').map((l) => l.split(':')).find((f) => f[0] === name);
    if (!entry) throw fail(`can't find ${what} for ${kind} ${name}: no such ${kind}: ${name}`);
    return Number(entry[2]) || 0;
  };
  return { uid: lookup(user, '/etc/passwd', 'uid', 'user'), gid: lookup(group, '/etc/group', 'gid', 'group') };
}
