/**
 * `docker import` (moby v28.2.2 daemon/images/image_import.go): a tar becomes a one-layer image whose config is
 * an empty container config with the `--change` lines applied, the message as comment and history, and whose
 * ID is the sha256 of that config as moby marshals image.Image.
 */
import { invalidParameter, systemError } from '../../../pkg/errdefs.js';
import { familiarString } from '../../../pkg/reference.js';
import { readTar, TarError } from '../../../pkg/archive/tar.js';
import { decompressStream } from '../../../pkg/archive/compression.js';
import { formatRFC3339Nano } from '../../../pkg/timetypes.js';
import { Layer } from '../../fs/layer.js';
import { sha256Hex } from '../../fs/sha256.js';
import { utf8Encode } from '../../kernel/utf8.js';
import { buildFromConfig } from '../builder/dockerfile/fromConfig.js';
import type { ContainerConfig } from '../container.js';
import { containerConfigJSON } from '../inspect.js';
import type { DaemonStore } from '../store.js';
import { DOCKER_VERSION, goMarshal, repoTagReference } from './commit.js';
import { treeOfTar } from './layertar.js';
import type { Image, ImageConfig } from './store.js';

export interface ImportRequest {
  readonly src: string;
  readonly repo: string;
  readonly tag: string;
  readonly message: string;
  readonly changes: readonly string[];
  readonly platform: string;
  readonly data: Uint8Array;
}

const EMPTY_CONFIG: ContainerConfig = {
  Hostname: '', Domainname: '', User: '', AttachStdin: false, AttachStdout: false, AttachStderr: false, Tty: false,
  OpenStdin: false, StdinOnce: false, Env: [], Cmd: null, Image: '', Volumes: null, WorkingDir: '', Entrypoint: null,
  OnBuild: null, Labels: {},
};

/** POST /images/create?fromSrc=…: the new image's ID. */
export function imageImport(engine: DaemonStore, req: ImportRequest): string {
  if (req.src !== '-') {
    throw systemError(`dockersim: importing from a URL (${req.src}) is not simulated: download it first, then docker import FILE`);
  }
  if (req.platform !== '' && !/^linux(\/amd64)?$/.test(req.platform)) {
    throw invalidParameter(`dockersim: --platform ${req.platform} is not simulated (the host is linux/amd64)`);
  }
  const ref = repoTagReference(req.repo, req.tag);
  const config = buildFromConfig({ ...EMPTY_CONFIG, Env: [], Labels: {} }, req.changes);
  let tree;
  try {
    tree = treeOfTar(readTar(decompressStream(req.data)).entries);
  } catch (e) {
    if (e instanceof TarError) throw systemError(req.data.length < 512 ? 'unexpected EOF' : 'archive/tar: invalid tar header');
    throw e;
  }
  const layer = Layer.fromTree(tree);
  const shared = engine.images.all().flatMap((i) => i.layers).find((l) => l.digest === layer.digest) ?? layer;
  const created = formatRFC3339Nano(engine.nowNs());
  const blob = {
    ...(req.message ? { comment: req.message } : {}), created, docker_version: DOCKER_VERSION,
    config: containerConfigJSON(config), architecture: 'amd64', os: 'linux',
    rootfs: { type: 'layers', diff_ids: [shared.digest] },
    history: [{ created, ...(req.message ? { comment: req.message } : {}) }],
  };
  const json = goMarshal(blob);
  const id = `sha256:${sha256Hex(utf8Encode(json))}`;
  engine.images.recordConfig(id, json);
  if (!engine.images.get(id)) {
    const image: Image = {
      id, created, size: shared.size, config: imageConfig(config), layers: [shared], diffIds: [shared.digest],
      layerSizes: [shared.size], cacheIds: [sha256Hex(utf8Encode(`cache:${shared.digest}`))], repoDigest: '', catalogKey: '',
      lastTagTimeNs: null, history: [{ created, ...(req.message ? { comment: req.message } : {}) }], parent: '', author: '',
      dockerVersion: DOCKER_VERSION,
    };
    engine.images.add(image);
  }
  const img = engine.images.get(id)!;
  if (ref) {
    engine.images.tag(ref, id);
    img.lastTagTimeNs = engine.nowNs();
  }
  engine.events.log('image', 'import', { ID: id, Attributes: { ...img.config.Labels, name: id } });
  if (ref) engine.events.log('image', 'tag', { ID: id, Attributes: { ...img.config.Labels, name: familiarString(ref) } });
  return id;
}

function imageConfig(c: ContainerConfig): ImageConfig {
  return {
    User: c.User, ...(c.ExposedPorts && Object.keys(c.ExposedPorts).length > 0 ? { ExposedPorts: c.ExposedPorts } : {}),
    Env: [...c.Env], Cmd: c.Cmd && [...c.Cmd], Entrypoint: c.Entrypoint && [...c.Entrypoint],
    ...(c.Volumes && Object.keys(c.Volumes).length > 0 ? { Volumes: c.Volumes } : {}),
    WorkingDir: c.WorkingDir, Labels: { ...c.Labels }, ...(c.StopSignal ? { StopSignal: c.StopSignal } : {}),
  };
}
