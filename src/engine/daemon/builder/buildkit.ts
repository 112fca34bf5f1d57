/**
 * BuildKit builds (`version=2`, moby's builder-next reading an uploaded context): the Dockerfile becomes
 * vertices (`[internal] load build definition from Dockerfile`, metadata, .dockerignore, `[1/N] FROM …`,
 * `[internal] load build context`, one per RUN/COPY/ADD/WORKDIR, `exporting to image`), reported as
 * StatusResponse traces with statuses, RUN output as logs and the linter's warnings. Instructions that only
 * change the config make no vertex. Nothing is left behind but the final image: no intermediate images and no
 * step containers (a RUN's container is removed whether it succeeded or not, its image is a transient one).
 * A step is cached by a key chained from its parent's and its own inputs (for COPY/ADD the files' checksums).
 */
import { invalidParameter, isDaemonError } from '../../../pkg/errdefs.js';
import { goQuote } from '../../../pkg/strconv.js';
import type { Range, StatusResponse, Timestamp, Vertex, VertexStatus, VertexWarning } from '../../../pkg/buildkit/status.js';
import { familiarString, parseNormalizedNamed, referenceString, tagNameOnly, type Reference } from '../../../pkg/reference.js';
import { formatRFC3339Nano } from '../../../pkg/timetypes.js';
import { Layer } from '../../fs/layer.js';
import { sha256Hex } from '../../fs/sha256.js';
import { utf8Decode, utf8Encode } from '../../kernel/utf8.js';
import type { ContainerConfig } from '../container.js';
import type { DaemonContext } from '../context.js';
import type { DaemonStore } from '../store.js';
import { imageTagRef } from '../images/commit.js';
import { chainId, DOCKER_VERSION, goMarshal, historyJSON, imageConfigOf } from '../images/commit.js';
import { compressedLayerSize, imagePull } from '../images/pull.js';
import { shortID } from '../ids.js';
import { buildCatalogImage, resolveRemote, type CatalogImage } from '../registry.js';
import type { HistoryEntry, Image } from '../images/store.js';
import { notSimulated } from '../unsimulated.js';
import { healthConfigQuoted } from '../healthConfig.js';
import { parseHealthcheck } from './healthcheck.js';
import { dispatchInstruction } from './dockerfile/dispatch.js';
import { onbuildExpression, parseDirectives, parseDockerfile, type Node } from './dockerfile/parser.js';
import { refuseDirectives } from './directives.js';
import { envLookup, processRunName, processWord, processWords } from './dockerfile/shell.js';
import { BuildArgs } from './buildArgs.js';
import { decodeRegistryConfig, resolveAuthConfig } from './buildAuth.js';
import { hubRefuses } from '../distribution/hub.js';
import type { AuthConfig } from '../distribution/remote.js';
import { BuildContext } from './context.js';
import { buildkitChown, copySources, copyTree, CopyError, imageSources, isDirInImage, normalizeDest, type CopySource } from './copy.js';
import { parseStages, ParseError, type Command, type Stage } from './instructions.js';
import { runConfigOf, type BuildMessage } from './legacy.js';
import type { BuildOptions } from './options.js';
import type { BuildRecorder } from './record.js';
import { createStepContainer, mountInlineScript, removeStepContainer, runStepContainer, stepLayer } from './runStep.js';
import { buildkitChmod, ChmodError, type ModeFn } from './chmod.js';
import { copyMessage, heredocSources, isHeredocWord, runLine, type RunLine } from './heredoc.js';

export type TraceSink = (s: StatusResponse) => void;

const DEFAULT_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const VERTEX_OPS = new Set(['run', 'copy', 'add', 'workdir']);

interface CacheEntry {
  readonly layer: Layer | null;
  readonly created: string;
}

/** BuildKit's cache, per daemon: step keys to what the step made. */
const caches = new WeakMap<DaemonStore, Map<string, CacheEntry>>();

function cacheOf(engine: DaemonStore): Map<string, CacheEntry> {
  let c = caches.get(engine);
  if (!c) caches.set(engine, (c = new Map()));
  return c;
}

const hash = (s: string): string => sha256Hex(utf8Encode(s));

function ts(ns: bigint): Timestamp {
  return { seconds: Number(ns / 1_000_000_000n), nanos: Number(ns % 1_000_000_000n) };
}

/** A stage's state while it builds: the run config, its layers and history so far. */
interface StageState {
  config: ContainerConfig;
  base: Image | null;
  layers: Layer[];
  history: HistoryEntry[];
  key: string;
  author: string;
  shell: string[];
  /** The created time of the last step that made a vertex (config-only steps share it). */
  created: string;
  /** The stage's filesystem as an image, for COPY --from and the next RUN. */
  fs: Image | null;
}

/** What a trace sink receives, built up per message. */
class Tracer {
  private readonly vertices = new Map<string, Vertex>();

  constructor(
    private readonly engine: DaemonStore,
    private readonly sink: TraceSink,
  ) {}

  now(): Timestamp {
    return ts(this.engine.nowNs());
  }

  digest(name: string, index: number): string {
    return `sha256:${hash(`vertex ${index} ${name}`)}`;
  }

  start(digest: string, name: string, inputs: readonly string[] = [], cached = false): void {
    const t = this.now();
    const v: Vertex = { digest, inputs, name, cached, started: t, ...(cached ? { completed: t } : {}), error: '' };
    this.vertices.set(digest, v);
    this.send({ vertexes: [v] });
  }

  done(digest: string, error = ''): void {
    const v = this.vertices.get(digest)!;
    const done: Vertex = { ...v, completed: this.now(), error };
    this.vertices.set(digest, done);
    this.send({ vertexes: [done] });
  }

  status(vertex: string, id: string, opts: { current?: number; total?: number; done?: boolean; started?: Timestamp } = {}): void {
    const t = this.now();
    const s: VertexStatus = {
      id, vertex, name: '', current: opts.current ?? 0, total: opts.total ?? 0, timestamp: t, started: opts.started ?? t, ...(opts.done ? { completed: t } : {}),
    };
    this.send({ statuses: [s] });
  }

  log(vertex: string, stream: number, text: string): void {
    this.send({ logs: [{ vertex, stream, msg: utf8Encode(text), timestamp: this.now() }] });
  }

  warn(w: VertexWarning): void {
    this.send({ warnings: [w] });
  }

  private send(s: Partial<StatusResponse>): void {
    this.sink({ vertexes: s.vertexes ?? [], statuses: s.statuses ?? [], logs: s.logs ?? [], warnings: s.warnings ?? [] });
  }
}

/**
 * The linter rules the simulator checks (BuildKit's linter/ruleset.go), in the order the frontend reports them:
 * MaintainerDeprecated while parsing (every stage), then while dispatching the stages the build needs, in order,
 * LegacyKeyValueFormat and MultipleInstructionsDisallowed (validateUsedOnce: a stage's second CMD, ENTRYPOINT or
 * HEALTHCHECK reports the earlier one, the one that is ignored). A rule names the instruction as written.
 */
function lintWarnings(nodes: readonly Node[], stages: readonly Stage[], reachable: ReadonlySet<number>, vertex: string, text: string, filename: string): VertexWarning[] {
  const out: VertexWarning[] = [];
  const info = { filename, data: utf8Encode(text), language: 'Dockerfile' };
  const at = (n: Node): Range[] => [{ start: { line: n.startLine, character: 0 }, end: { line: n.startLine, character: 0 } }];
  const warn = (n: Node, name: string, msg: string, detail: string, url: string): void => {
    out.push({
      vertex, level: 1, short: utf8Encode(`${name}: ${msg} (line ${n.startLine})`), detail: [utf8Encode(detail)], url, info, ranges: at(n),
    });
  };
  const written = (n: Node): string => n.original.trim().split(/\s/, 1)[0];
  for (const n of nodes) {
    if (n.cmd === 'maintainer') {
      warn(n, 'MaintainerDeprecated', 'Maintainer instruction is deprecated in favor of using label',
        'The MAINTAINER instruction is deprecated, use a label instead to define an image author',
        'https://docs.docker.com/go/dockerfile/rule/maintainer-deprecated/');
    }
  }
  for (const [i, stage] of stages.entries()) {
    if (!reachable.has(i)) continue;
    const used = new Map<string, Node>();
    for (const { node: n } of stage.commands) {
      if ((n.cmd === 'env' || n.cmd === 'label') && n.pairs?.some((p) => p.delim === '')) {
        const c = written(n);
        warn(n, 'LegacyKeyValueFormat', `"${c} key=value" should be used instead of legacy "${c} key value" format`,
          'Legacy key/value format with whitespace separator should not be used',
          'https://docs.docker.com/go/dockerfile/rule/legacy-key-value-format/');
      }
      if (n.cmd === 'cmd' || n.cmd === 'entrypoint' || n.cmd === 'healthcheck') {
        const before = used.get(n.cmd);
        if (before) {
          warn(before, 'MultipleInstructionsDisallowed', `Multiple ${written(n)} instructions should not be used in the same stage because only the last one will be used`,
            'Multiple instructions of the same type should not be used in the same stage',
            'https://docs.docker.com/go/dockerfile/rule/multiple-instructions-disallowed/');
        }
        used.set(n.cmd, n);
      }
    }
  }
  return out;
}

export class BuildkitError extends Error {}

/** The ARGs before the first FROM, each default expanded with those before it. */
function addMetaArgs(args: BuildArgs, metaArgs: readonly Command[]): void {
  for (const a of metaArgs) {
    for (const w of a.node.args) {
      const eq = w.indexOf('=');
      args.addMetaArg(eq < 0 ? w : w.slice(0, eq), eq < 0 ? null : processWord(w.slice(eq + 1), envLookup(args.metaEnv()), a.node.escape));
    }
  }
}


/**
 * The stages the target needs (dockerfile2llb's isReachable): its own, the stage it is FROM and the stages its
 * `COPY --from`/`ADD --from` name (by name or position), transitively. BuildKit solves only those; the others
 * make no vertex at all, not even their base image's metadata.
 */
export function reachableStages(stages: readonly Stage[], target: number, env: (name: string) => string | undefined): Set<number> {
  const byName = new Map<string, number>();
  const deps = stages.map((s, i) => {
    const out: number[] = [];
    const named = (word: string, byIndex: boolean): void => {
      const w = processWord(word, env, s.node.escape).toLowerCase();
      const j = byName.get(w) ?? (byIndex && /^\d+$/.test(w) && Number(w) < i ? Number(w) : undefined);
      if (j !== undefined) out.push(j);
    };
    named(s.baseName, false);
    for (const c of s.commands) if ((c.node.cmd === 'copy' || c.node.cmd === 'add') && c.flags.from !== undefined) named(c.flags.from, true);
    if (s.name) byName.set(s.name, i);
    return out;
  });
  const seen = new Set<number>();
  const visit = (i: number): void => {
    if (seen.has(i)) return;
    seen.add(i);
    for (const j of deps[i]) visit(j);
  };
  visit(target);
  return seen;
}

class BuildkitBuilder {
  private readonly t: Tracer;
  private readonly args: BuildArgs;
  private readonly stageImages = new Map<string, StageState>();
  private readonly stageList: StageState[] = [];
  /** Every stage of the file, for the names progress gives unnamed ones (`stage-1`) in a multi-stage build. */
  private fileStages: readonly Stage[] = [];
  private readonly cache: Map<string, CacheEntry>;
  private vertexIndex = 0;
  private contextVertex = '';
  private lastVertex = '';

  constructor(
    private readonly d: DaemonContext,
    private readonly opts: BuildOptions,
    private readonly tar: Uint8Array,
    private readonly tags: readonly Reference[],
    trace: TraceSink,
    private readonly rec: BuildRecorder | null,
  ) {
    this.t = new Tracer(d.store, trace);
    this.args = new BuildArgs(opts.buildArgs);
    this.cache = cacheOf(d.store);
  }

  /** The stages the build dispatches, as far as the file alone tells (all of them if a meta ARG fails to expand). */
  private lintReachable(stages: readonly Stage[], metaArgs: readonly Command[]): Set<number> {
    const target = this.opts.target === '' ? stages.length - 1 : stages.findIndex((s) => s.name === this.opts.target.toLowerCase());
    try {
      const args = new BuildArgs(this.opts.buildArgs);
      addMetaArgs(args, metaArgs);
      if (target >= 0) return reachableStages(stages, target, envLookup(args.metaEnv()));
    } catch {
      // The build reports the bad ARG itself.
    }
    return new Set(stages.keys());
  }

  private vertex(name: string): string {
    return this.t.digest(name, this.vertexIndex++);
  }

  async build(): Promise<string> {
    const name = this.opts.dockerfile || 'Dockerfile';
    const context = new BuildContext(this.tar);
    // buildx names the file it read by its base name; one from stdin reaches this upload under the client's hidden
    // name and is `Dockerfile`, one from outside the context under that name followed by `.<base name>`.
    const hidden = /^\.dockerfile\.[0-9a-f]{20}(?:\.(.+))?$/.exec(name);
    const shown = hidden ? hidden[1] ?? 'Dockerfile' : name.slice(name.lastIndexOf('/') + 1);
    const v1 = this.vertex(`[internal] load build definition from ${shown}`);
    this.t.start(v1, `[internal] load build definition from ${shown}`);
    const entry = context.get(name);
    if (!entry || entry.type === 'dir') {
      // The transfer itself succeeds with nothing in it (2B, as for a missing .dockerignore); the frontend then
      // fails to read the file, an error of the build, not of the vertex.
      this.t.status(v1, 'transferring dockerfile:', { current: 2, done: true });
      this.t.done(v1);
      throw new BuildkitError(`failed to read dockerfile: open ${name}: no such file or directory`);
    }
    const data = entry.data ?? new Uint8Array(0);
    context.dropBuildFiles(entry.name);
    this.t.status(v1, 'transferring dockerfile:', { current: data.length, done: true });
    const text = utf8Decode(data);
    let nodes: Node[];
    let stages: Stage[];
    let metaArgs: Command[];
    try {
      if (data.length === 0) throw new ParseError('the Dockerfile cannot be empty');
      nodes = parseDockerfile(text);
      ({ stages, metaArgs } = parseStages(nodes));
    } catch (e) {
      this.t.done(v1, (e as Error).message);
      throw new BuildkitError((e as Error).message);
    }
    for (const w of lintWarnings(nodes, stages, this.lintReachable(stages, metaArgs), v1, text, name)) this.t.warn(w);
    this.t.done(v1);
    refuseDirectives(parseDirectives(text), true);

    this.fileStages = stages;
    let target = stages.length - 1;
    if (this.opts.target !== '') {
      target = stages.findIndex((s) => s.name === this.opts.target.toLowerCase());
      if (target < 0) throw new BuildkitError(`target stage "${this.opts.target}" could not be found`);
    }
    addMetaArgs(this.args, metaArgs);
    // Metadata for every base image the target needs, then the .dockerignore, as dockerfile2llb asks for them.
    const reachable = reachableStages(stages, target, envLookup(this.args.metaEnv()));
    const bases: Array<{ stage: Stage; index: number; ref: string | null }> = [];
    const names = new Set<string>();
    for (const [index, s] of stages.entries()) {
      const base = processWord(s.baseName, envLookup(this.args.metaEnv()), s.node.escape);
      const isStage = names.has(base.toLowerCase());
      if (s.name) names.add(s.name);
      if (!reachable.has(index)) continue;
      if (s.platform) checkPlatform(processWord(s.platform, envLookup(this.args.metaEnv()), s.node.escape));
      bases.push({ stage: s, index, ref: isStage || base === 'scratch' ? null : base });
    }
    for (const ref of new Set(bases.flatMap((b) => (b.ref ? [b.ref] : [])))) {
      const named = tagNameOnly(parseNormalizedNamed(ref));
      const full = referenceString(named);
      const v = this.vertex(`[internal] load metadata for ${full}`);
      this.t.start(v, `[internal] load metadata for ${full}`);
      // A base the daemon lacks is resolved at the registry with the client's credentials; Hub's token server
      // refuses ones it does not know (containerd's authorizer: POST, then GET, both 401).
      if (named.domain === 'docker.io' && !this.localBase(ref) && hubRefuses(this.d.store.kernel, this.auth(ref))) {
        const scope = encodeURIComponent(`repository:${named.path}:pull`);
        const err = `failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://auth.docker.io/token?scope=${scope}&service=registry.docker.io: 401 Unauthorized`;
        this.t.done(v, err);
        throw new BuildkitError(`${ref}: failed to resolve source metadata for ${full}: ${err}`);
      }
      this.t.done(v);
    }
    const vi = this.vertex('[internal] load .dockerignore');
    this.t.start(vi, '[internal] load .dockerignore');
    this.t.status(vi, 'transferring context:', { current: 2, done: true });
    this.t.done(vi);

    let last: StageState | null = null;
    for (const { stage, index, ref } of bases) {
      last = await this.buildStage(stage, ref, context, index === target ? this.opts.labels : {});
      if (stage.name) this.stageImages.set(stage.name, last);
      // By the stage's position in the file, for `COPY --from=0`, whether or not the stages before it were built.
      this.stageList[index] = last;
    }
    return this.export(last!);
  }

  private async buildStage(stage: Stage, ref: string | null, context: BuildContext, labels: Readonly<Record<string, string>>): Promise<StageState> {
    this.args.resetStage();
    const baseName = processWord(stage.baseName, envLookup(this.args.metaEnv()), stage.node.escape).toLowerCase();
    const parentStage = this.stageImages.get(baseName);
    // prefixCommand: only a FROM of an image is a step of its own (not scratch, not another stage), and in a
    // multi-stage file every stage is named, an unnamed one by its position.
    let total = (ref ? 1 : 0) + stage.commands.filter((c) => VERTEX_OPS.has(c.node.cmd)).length;
    let index = 1;
    const multi = this.fileStages.length > 1;
    const stageName = stage.name || (multi ? `stage-${this.fileStages.indexOf(stage)}` : '');
    // Read at each call: the base's triggers add to the total before the first label is made.
    const label = (): string => `[${stageName ? `${stageName} ` : ''}${String(index++).padStart(String(total).length)}/${total}]`;
    let state: StageState;
    // A stage's triggers are its base's OnBuild: a base image's, or a base stage's own ONBUILD commands (its
    // config holds just those, its base's having been cleared when they ran). They count in the total, a
    // config-only one too (convert.go's cmdTotal += len(triggers)), though only a vertex takes an index.
    const triggers: Command[] = [];
    if (parentStage) {
      state = { ...parentStage, config: { ...parentStage.config, Env: [...parentStage.config.Env] }, layers: [...parentStage.layers], history: [...parentStage.history] };
      total += this.takeTriggers(state, triggers);
    } else {
      const local = ref ? this.localBase(ref) : null;
      // A base the daemon does not have is pulled inside the FROM vertex, with the puller's statuses.
      const pulled = ref && !local ? await this.pullBase(ref, label, stage.sourceCode) : null;
      const img = local ?? pulled?.img ?? (ref ? await imagePull(this.d.store, this.d.sys, ref, undefined, this.auth(ref)) : null);
      const config = runConfigOf(img);
      if (!config.Env.some((kv) => kv.startsWith('PATH='))) config.Env.push(DEFAULT_PATH);
      state = {
        config, base: img, layers: [...(img?.layers ?? [])], history: [...(img?.history ?? [])], key: `from:${img?.id ?? 'scratch'}`,
        author: '', shell: config.Shell ? [...config.Shell] : ['/bin/sh', '-c'], created: img?.created ?? formatRFC3339Nano(this.d.store.nowNs()), fs: img,
      };
      total += this.takeTriggers(state, triggers);
      if (pulled) this.lastVertex = pulled.vertex;
      else if (ref) {
        const r = tagNameOnly(parseNormalizedNamed(ref));
        const at = label();
        const name = `${at} FROM ${referenceString(r)}${img?.repoDigest ? `@${img.repoDigest}` : ''}`;
        const v = this.vertex(name);
        this.t.start(v, name, [], this.cache.has(state.key));
        this.rec?.stepStart(at, stage.sourceCode, this.cache.has(state.key));
        if (!this.cache.has(state.key)) {
          this.cache.set(state.key, { layer: null, created: state.created });
          this.t.done(v);
        }
        this.rec?.stepDone({ imageId: img?.id ?? '' });
        this.lastVertex = v;
      }
    }
    const cmds = [...stage.commands];
    for (const k of Object.keys(labels).sort()) {
      cmds.push({ node: { cmd: 'label', original: `LABEL ${k}=${labels[k]}`, args: [k], json: false, pairs: [{ key: k, value: labels[k], delim: '=' }], startLine: 0, flags: [] }, flags: {} });
    }
    for (const cmd of [...triggers, ...cmds]) {
      if (VERTEX_OPS.has(cmd.node.cmd)) await this.vertexStep(state, cmd, label(), context, triggers.includes(cmd));
      else this.configStep(state, cmd);
    }
    return state;
  }

  /** initOnBuildTriggers: the base's OnBuild parsed into `into`, and cleared from the stage's config; how many. */
  private takeTriggers(state: StageState, into: Command[]): number {
    const triggers = state.config.OnBuild ?? [];
    state.config.OnBuild = null;
    for (const t of triggers) {
      try {
        const nodes = parseDockerfile(t);
        if (nodes.length !== 1) throw new ParseError('onbuild trigger should be a single expression');
        const from: Node = { cmd: 'from', original: 'FROM scratch', args: ['scratch'], json: false, startLine: 0, flags: [] };
        into.push(parseStages([from, nodes[0]]).stages[0].commands[0]);
      } catch (e) {
        throw new BuildkitError((e as Error).message);
      }
    }
    return triggers.length;
  }

  /** The client's credentials for a base's registry. */
  private auth(ref: string): AuthConfig {
    return resolveAuthConfig(decodeRegistryConfig(this.opts.registryConfig), parseNormalizedNamed(ref).domain);
  }

  /** The base image as the daemon has it, unless `--pull` asks for it afresh. */
  private localBase(ref: string): Image | null {
    if (this.opts.pull) return null;
    try {
      return this.d.store.images.resolve(ref);
    } catch (e) {
      if (!isDaemonError(e, 'NotFound')) throw e;
      return null;
    }
  }

  /**
   * A catalogue base pulled under its FROM vertex, as moby's BuildKit puller reports it
   * (builder-next/adapters/containerimage/pull.go): `resolve <ref>@<digest>`, each layer blob as
   * `sha256:… <current> / <total>` until done, then `extracting sha256:…`. Null for an image the catalogue
   * does not know (a private registry's, or none at all): the plain pull then says what happened.
   */
  private async pullBase(ref: string, label: () => string, source: string): Promise<{ img: Image; vertex: string } | null> {
    const r = tagNameOnly(parseNormalizedNamed(ref));
    let cat: CatalogImage;
    try {
      cat = resolveRemote(r);
    } catch {
      return null;
    }
    const b = buildCatalogImage(cat);
    const at = label();
    const name = `${at} FROM ${referenceString(r)}@${b.repoDigest}`;
    const v = this.vertex(name);
    this.t.start(v, name);
    this.rec?.stepStart(at, source, false);
    const resolving = this.t.now();
    this.t.status(v, `resolve ${referenceString(r)}@${b.repoDigest}`, { started: resolving, done: true });
    const blobs = new Map(b.blobIds.map((d) => [shortID(d), d]));
    const total = compressedLayerSize(cat, b.blobIds.length);
    const started = new Map<string, Timestamp>();
    const since = (id: string): Timestamp => started.get(id) ?? (started.set(id, this.t.now()), started.get(id)!);
    const img = await imagePull(this.d.store, this.d.sys, ref, (m) => {
      const blob = m.id === undefined ? undefined : blobs.get(m.id);
      if (!blob) return;
      const extracting = `extracting ${blob}`;
      if (m.status === 'Pulling fs layer') this.t.status(v, blob, { current: 0, total, started: since(blob) });
      else if (m.status === 'Downloading') this.t.status(v, blob, { current: m.progressDetail?.current, total, started: since(blob) });
      else if (m.status === 'Download complete') this.t.status(v, blob, { current: total, total, started: since(blob), done: true });
      else if (m.status === 'Extracting') this.t.status(v, extracting, { started: since(extracting) });
      else if (m.status === 'Pull complete') this.t.status(v, extracting, { started: since(extracting), done: true });
    }, this.auth(ref));
    this.cache.set(`from:${img.id}`, { layer: null, created: img.created });
    this.t.done(v);
    this.rec?.stepDone({ imageId: img.id });
    return { img, vertex: v };
  }

  private env(state: StageState): (k: string) => string | undefined {
    return envLookup([...this.args.filterAllowed(state.config.Env), ...state.config.Env]);
  }

  /** A history entry; a config-only step's has no time yet (BuildKit's commitToHistory), the exporter gives it one. */
  private entry(state: StageState, createdBy: string, layer: Layer | null, timed: boolean): void {
    if (layer) state.layers.push(layer);
    state.history.push({
      created: timed ? state.created : '', created_by: createdBy, comment: 'buildkit.dockerfile.v0', ...(layer ? {} : { empty_layer: true }),
    });
  }

  /** The instructions that change only the config: a history entry, no vertex (BuildKit's commitToHistory). */
  private configStep(state: StageState, cmd: Command): void {
    const n = cmd.node;
    const c = state.config;
    const env = this.env(state);
    let by: string;
    switch (n.cmd) {
      case 'maintainer':
        state.author = n.args[0];
        by = `MAINTAINER ${n.args[0]}`;
        break;
      case 'arg': {
        const parts: string[] = [];
        for (const w of n.args) {
          const eq = w.indexOf('=');
          const k = eq < 0 ? w : w.slice(0, eq);
          const v = eq < 0 ? null : processWord(w.slice(eq + 1), env, n.escape);
          this.args.addArg(k, v);
          parts.push(v === null ? k : `${k}=${v}`);
        }
        by = `ARG ${parts.join(' ')}`;
        break;
      }
      case 'shell':
        state.shell = [...n.args];
        // The exporter writes the stage's shell into the image config (DockerOCIImageConfigExt.Shell).
        c.Shell = [...n.args];
        by = `SHELL [${n.args.join(' ')}]`;
        break;
      case 'healthcheck':
        c.Healthcheck = parseHealthcheck(n, cmd.flags);
        by = `HEALTHCHECK ${healthConfigQuoted(c.Healthcheck)}`;
        break;
      default: {
        const before = env;
        try {
          dispatchInstruction({ config: c, cmdSet: false }, n, this.args.filterAllowed(c.Env));
        } catch (e) {
          throw new BuildkitError((e as Error).message);
        }
        if (n.cmd === 'cmd' && !n.json) c.Cmd = [...state.shell, n.args.join(' ')];
        if (n.cmd === 'entrypoint' && !n.json) c.Entrypoint = [...state.shell, n.args.join(' ')];
        by = this.createdBy(n, state, before);
      }
    }
    this.entry(state, by, null, false);
  }

  /** commitToHistory's CREATED BY for a config instruction (Go's %v of the values it set). */
  private createdBy(n: Node, state: StageState, env: (k: string) => string | undefined): string {
    const c = state.config;
    switch (n.cmd) {
      case 'env':
        return `ENV ${n.pairs!.map((p) => `${processWord(p.key, env, n.escape)}=${processWord(p.value, env, n.escape)}`).join(' ')}`;
      case 'label':
        return `LABEL ${n.pairs!.map((p) => `${processWord(p.key, env, n.escape)}=${processWord(p.value, env, n.escape)}`).join(' ')}`;
      case 'expose':
        return `EXPOSE map[${[...new Set(Object.keys(c.ExposedPorts ?? {}))].sort().map((p) => `${p}:{}`).join(' ')}]`;
      case 'cmd':
        return `CMD ${goQuoteSlice(c.Cmd ?? [])}`;
      case 'entrypoint':
        return `ENTRYPOINT ${goQuoteSlice(c.Entrypoint ?? [])}`;
      case 'user':
        return `USER ${c.User}`;
      case 'volume':
        return `VOLUME [${n.args.map((v) => processWord(v.trim(), env, n.escape)).join(' ')}]`;
      case 'stopsignal':
        return `STOPSIGNAL ${c.StopSignal}`;
      case 'onbuild':
        return `ONBUILD ${onbuildExpression(n)}`;
      default:
        return n.original.trim();
    }
  }

  private async vertexStep(state: StageState, cmd: Command, at: string, context: BuildContext, onBuild = false): Promise<void> {
    const n = cmd.node;
    const run = n.cmd === 'run' ? runLine(n) : null;
    const env = this.env(state);
    const text = run ? uppercaseCmd(processRunName(`${n.original.trim()}${run.suffix}`, env, n.escape)) : expandedName(n, env);
    const shown = `${onBuild ? 'ONBUILD ' : ''}${text}`;
    const name = `${at} ${shown}`;
    const stamp = { mtimeMs: this.d.store.kernel.clock.epochMs() };
    let key: string;
    let by: string;
    let sources: CopySource[] = [];
    let line: string[] = [];
    let chmod: number | ModeFn | undefined;
    if (run) {
      const used = Object.keys(cmd.flags);
      if (used.length > 0) throw notSimulated(`RUN --${used[0]}`);
      line = n.json ? [...n.args] : [...state.shell, run.cmd];
      const buildArgs = this.args.filterAllowed(state.config.Env);
      by = `RUN ${(buildArgs.length > 0 ? [`|${buildArgs.length}`, ...buildArgs.sort(), ...line] : line).join(' ')} # buildkit`;
      // An inline script's body is an input of the step, as the mount's content is of the LLB vertex.
      const inputs = [line, state.config.Env, buildArgs, state.config.User, state.config.WorkingDir, ...(run.script ? [run.script] : [])];
      key = hash(`${state.key}\0run\0${JSON.stringify(inputs)}`);
    } else if (n.cmd === 'workdir') {
      dispatchInstruction({ config: state.config, cmdSet: false }, { ...n, args: [processWord(n.args[0], env, n.escape)] });
      by = `WORKDIR ${state.config.WorkingDir}`;
      key = hash(`${state.key}\0workdir\0${state.config.WorkingDir}`);
    } else {
      const cmdName = n.cmd.toUpperCase();
      for (const f of ['link', 'parents', 'exclude', 'keep-git-dir', 'checksum', 'unpack']) if (cmd.flags[f] !== undefined) throw notSimulated(`${cmdName} --${f}`);
      let mode: number | ModeFn | undefined;
      if (cmd.flags.chmod !== undefined) {
        try {
          mode = buildkitChmod(processWord(cmd.flags.chmod, env, n.escape));
        } catch (e) {
          if (e instanceof ChmodError) throw new BuildkitError(e.message);
          throw e;
        }
      }
      chmod = mode;
      const words = n.args.map((a) => processWord(a, env, n.escape));
      // Here-documents are sources of their own (the context is not read for them); the rest are paths.
      const paths = words.slice(0, -1).filter((_w, i) => !isHeredocWord(n.args[i]));
      const inline = heredocSources(n, env, stamp.mtimeMs);
      try {
        if (cmd.flags.from !== undefined) sources = imageSources(this.fromImage(processWord(cmd.flags.from, env, n.escape)), paths, cmdName);
        else if (paths.length > 0 || inline.length === 0) {
          this.contextLoaded(context);
          sources = copySources(context, paths, cmdName, n.cmd === 'add');
        }
      } catch (e) {
        if (e instanceof CopyError) throw new BuildkitError(e.message.replace(/^(COPY|ADD) failed: /, 'failed to compute cache key: failed to calculate checksum of ref: '));
        throw e;
      }
      sources = [...sources, ...inline];
      // dispatchCopy's commitMessage: the expanded flags, sources and destination; no --from.
      by = `${copyMessage(n, cmd.flags, paths, words[words.length - 1], env)} # buildkit`;
      key = hash(`${state.key}\0${n.cmd}\0${words.join('\0')}\0${cmd.flags.chown ?? ''}\0${cmd.flags.chmod ?? ''}\0${sources.map((s) => s.hash).join(',')}\0${state.config.WorkingDir}`);
    }
    const v = this.vertex(name);
    const hit = this.opts.noCache ? undefined : this.cache.get(key);
    this.t.start(v, name, this.lastVertex ? [this.lastVertex] : [], hit !== undefined);
    this.rec?.stepStart(at, shown, hit !== undefined);
    this.lastVertex = v;
    let entry: CacheEntry;
    if (hit) entry = hit;
    else {
      let layer: Layer | null;
      // What the step creates without a time of its own (WORKDIR's directory, a COPY/ADD destination and its
      // parents) is dated now, as fsutil's MkdirAll leaves it with no SOURCE_DATE_EPOCH.
      if (run) layer = await this.run(state, line, run.script, v);
      else if (n.cmd === 'workdir') layer = state.config.WorkingDir === '/' ? null : Layer.fromTree({ [state.config.WorkingDir]: { type: 'dir', mode: 0o755 } }, stamp);
      else {
        const dest = normalizeDest(state.config.WorkingDir || '/', n.args[n.args.length - 1]);
        const chown = cmd.flags.chown;
        const owner = chown ? buildkitChown(chown, state.layers) : null;
        const mode = chmod;
        layer = Layer.fromTree(copyTree(sources, { dest, destIsDir: dest.endsWith('/') || isDirInImage(state.fs, dest), owner, keepOwner: cmd.flags.from !== undefined, mode }), stamp);
      }
      entry = { layer, created: formatRFC3339Nano(this.d.store.nowNs()) };
      this.cache.set(key, entry);
      this.t.done(v);
    }
    this.rec?.stepDone({ layer: entry.layer });
    state.key = key;
    state.created = entry.created;
    this.entry(state, by, entry.layer, true);
    state.fs = null;
  }

  private contextLoaded(context: BuildContext): void {
    if (this.contextVertex) return;
    const v = this.vertex('[internal] load build context');
    this.contextVertex = v;
    this.t.start(v, '[internal] load build context');
    let size = 0;
    for (const [, e] of context.under('')) size += e.data?.length ?? 0;
    this.t.status(v, 'transferring context:', { current: size, done: true });
    this.t.done(v);
  }

  private fromImage(from: string): Image {
    const s = this.stageImages.get(from.toLowerCase()) ?? (/^\d+$/.test(from) ? this.stageList[Number(from)] : undefined);
    if (s) return this.stageFs(s);
    return this.d.store.images.resolve(from);
  }

  /** A stage's filesystem as an image object (not in the store). */
  private stageFs(s: StageState): Image {
    if (s.fs && s.fs.layers.length === s.layers.length) return s.fs;
    const diffIds = s.layers.map((l) => l.digest);
    return {
      id: `sha256:${hash(`stage ${s.key}`)}`, created: s.created, size: s.layers.reduce((a, l) => a + l.size, 0), config: imageConfigOf(s.config),
      layers: [...s.layers], diffIds, layerSizes: s.layers.map((l) => l.size),
      cacheIds: s.layers.map((_l, i) => hash(`cache:${chainId(diffIds.slice(0, i + 1))}`)).reverse(),
      repoDigest: '', catalogKey: '', lastTagTimeNs: null, history: timedHistory(s.history), parent: '', author: '', dockerVersion: '',
    };
  }

  /** RUN in a container on a transient image of the stage so far; the container goes whatever the outcome. */
  private async run(state: StageState, line: string[], script: RunLine['script'], v: string): Promise<Layer | null> {
    const engine = this.d.store;
    const fs = this.stageFs(state);
    const transient = !engine.images.get(fs.id);
    if (transient) engine.images.add(fs);
    const config = { ...state.config, Cmd: line, Env: [...state.config.Env, ...this.args.filterAllowed(state.config.Env)] };
    let id = '';
    try {
      id = createStepContainer(this.d, fs.id, config);
      if (script) mountInlineScript(this.d, id, script.name, script.data);
      const code = await runStepContainer(this.d, id, (stream, data) => this.t.log(v, stream === 'stderr' ? 2 : 1, data));
      if (code !== 0) {
        // exec.go's %q: a here-document's newlines (and any quote) come out escaped.
        const msg = `process ${goQuote(line.join(' '))} did not complete successfully: exit code: ${code}`;
        this.t.done(v, msg);
        throw new BuildkitError(msg);
      }
      return stepLayer(this.d, id);
    } finally {
      if (id) await removeStepContainer(this.d, id);
      if (transient) engine.images.delete(fs.id);
    }
  }

  /** The moby exporter: the image, then its name (no `:latest` added to what is shown). */
  private export(s: StageState): string {
    const engine = this.d.store;
    const v = this.vertex('exporting to image');
    this.t.start(v, 'exporting to image');
    this.t.status(v, 'exporting layers', { done: true });
    const diffIds = s.layers.map((l) => l.digest);
    const history = timedHistory(s.history);
    const created = history.length > 0 ? history[history.length - 1].created : s.created;
    const blob = {
      ...(s.author ? { author: s.author } : {}), architecture: 'amd64', config: imageConfigOf(s.config), created,
      history: history.map(historyJSON), os: 'linux', rootfs: { type: 'layers', diff_ids: diffIds },
    };
    const json = goMarshal(blob);
    const id = `sha256:${hash(json)}`;
    engine.images.recordConfig(id, json);
    if (!engine.images.get(id)) {
      const shared = s.layers.map((l) => engine.images.all().flatMap((i) => i.layers).find((x) => x.digest === l.digest) ?? l);
      engine.images.add({
        id, created, size: shared.reduce((a, l) => a + l.size, 0) + (s.base ? s.base.size - s.base.layers.reduce((a, l) => a + l.size, 0) : 0),
        config: imageConfigOf(s.config), layers: shared, diffIds,
        layerSizes: shared.map((l, i) => (s.base && i < s.base.layers.length ? s.base.layerSizes[i] : l.size)),
        cacheIds: shared.map((_l, i) => hash(`cache:${chainId(diffIds.slice(0, i + 1))}`)).reverse(),
        repoDigest: '', catalogKey: '', lastTagTimeNs: null, history, parent: '', author: s.author, dockerVersion: DOCKER_VERSION,
      });
    }
    this.t.status(v, `writing image ${id}`, { done: true });
    for (const ref of this.tags) {
      imageTagRef(this.d, id, ref);
      this.t.status(v, `naming to ${this.shownName(ref)}`, { done: true });
    }
    this.t.done(v);
    return id;
  }

  /** The name as `-t` gave it, normalized without a default tag (`docker.io/library/static_web`). */
  private shownName(ref: Reference): string {
    const given = this.opts.tags.find((t) => referenceString(parseNormalizedNamed(t)) === referenceString(ref) || familiarString(ref) === `${t}:latest`);
    return referenceString(parseNormalizedNamed(given ?? familiarString(ref)));
  }
}

/**
 * A COPY/ADD/WORKDIR step's name (processCmdEnv with the frontend's lexer, then uppercaseCmd): the line's quotes
 * removed and its variables expanded; as written if that fails.
 */
function expandedName(n: Node, env: (k: string) => string | undefined): string {
  let s = n.original.trim();
  try {
    s = processWord(s, env, n.escape);
  } catch {
    // processCmdEnv keeps the line as it is.
  }
  return uppercaseCmd(s);
}

function uppercaseCmd(s: string): string {
  const sp = s.indexOf(' ');
  return sp < 0 ? s.toUpperCase() : s.slice(0, sp).toUpperCase() + s.slice(sp);
}

/** Go's `%q` of a []string: `["a" "b"]`. */
function goQuoteSlice(xs: readonly string[]): string {
  return `[${xs.map(goQuote).join(' ')}]`;
}

function checkPlatform(p: string): void {
  if (p === '' || /^linux(\/(amd64|x86_64))?$/.test(p) || p === 'amd64') return;
  throw notSimulated(`the platform ${p} (images here are linux/amd64)`);
}

/** A BuildKit build; its trace goes to `trace`, then `moby.image.id` to `out`. */
export async function buildkitBuild(
  d: DaemonContext, opts: BuildOptions, tar: Uint8Array, tags: Reference[], trace: TraceSink, out: (m: BuildMessage) => void,
  rec: BuildRecorder | null = null,
): Promise<string> {
  if (opts.remote !== '') throw invalidParameter(`dockersim: remote context ${opts.remote} is not simulated`);
  const id = await new BuildkitBuilder(d, opts, tar, tags, trace, rec).build();
  out({ id: 'moby.image.id', aux: { ID: id } } as unknown as BuildMessage);
  return id;
}

/**
 * The moby exporter's normalizeLayersAndHistory: a config-only step's entry takes the time of the first new
 * layer after a step without one (so an ENV right after FROM does not show the base image's age), later ones
 * the time of the layer before them; with no new layer at all, the last time there is.
 */
export function timedHistory(history: readonly HistoryEntry[]): HistoryEntry[] {
  let created = '';
  let untimed = false;
  for (const h of history) {
    if (h.created !== '') {
      created = h.created;
      if (untimed) break;
    } else untimed = true;
  }
  untimed = false;
  return history.map((h) => {
    if (h.created !== '') {
      if (untimed) created = h.created;
      return h;
    }
    untimed = true;
    return { ...h, created };
  });
}
