/**
 * `docker save` and `docker load` (moby v28.2.2 image/tarexport, the graphdriver store): save writes the OCI
 * image layout with Docker's legacy files beside it — `blobs/sha256/<config>`, one tar per layer named by its
 * diff ID, an OCI manifest per image, `index.json`, `oci-layout`, `manifest.json` and `repositories`; load
 * reads `manifest.json`, reuses layers the daemon already has, makes the others from their tars, and stores
 * the config under the sha256 of its bytes, so a saved image loads back with the same ID.
 */
import { invalidParameter, systemError } from '../../../pkg/errdefs.js';
import { familiarName, familiarString, isNameOnly, parseNormalizedNamed, tagNameOnly, type Reference } from '../../../pkg/reference.js';
import { collectSource, readTar, TarError, tarSource, type ByteSource, type TarEntry } from '../../../pkg/archive/tar.js';
import { decompressStream } from '../../../pkg/archive/compression.js';
import { humanSize } from '../../../pkg/units.js';
import { Layer } from '../../fs/layer.js';
import { sha256Hex } from '../../fs/sha256.js';
import { utf8Decode, utf8Encode } from '../../kernel/utf8.js';
import { catalogHistory } from '../catalogHistory.js';
import { buildCatalogImage, CATALOG, imageConfigOf } from '../registry.js';
import type { DaemonStore } from '../store.js';
import { configBlob } from './configs.js';
import { layerTarSource, treeOfTar } from './layertar.js';
import type { HistoryEntry, Image, ImageConfig } from './store.js';

const sha = (b: Uint8Array): string => `sha256:${sha256Hex(b)}`;

interface Selected {
  readonly img: Image;
  readonly refs: Reference[];
}

/** parseNames: an ID saves the image without names, `repo` every tag of repo, `repo:tag` that tag. */
function selectImages(engine: DaemonStore, names: readonly string[]): Selected[] {
  const out = new Map<string, Selected>();
  const add = (img: Image, ref?: Reference): void => {
    let s = out.get(img.id);
    if (!s) out.set(img.id, (s = { img, refs: [] }));
    if (ref && !s.refs.some((r) => familiarString(r) === familiarString(ref))) s.refs.push(ref);
  };
  for (const name of names) {
    let ref: Reference | null = null;
    try {
      ref = parseNormalizedNamed(name);
    } catch {
      ref = null;
    }
    if (ref && isNameOnly(ref) && !/^[a-f0-9]{12,64}$/.test(name)) {
      const all = engine.images.all().flatMap((img) => engine.images.referencesOf(img.id).map((r) => ({ img, r })));
      const mine = all.filter(({ r }) => familiarName(r) === familiarName(ref!) && r.tag !== undefined);
      if (mine.length > 0) {
        for (const { img, r } of mine) add(img, r);
        continue;
      }
    }
    const img = engine.images.resolve(name);
    if (ref && !/^(sha256:)?[a-f0-9]{12,64}$/.test(name) && ref.digest === undefined) add(img, tagNameOnly(ref));
    else add(img);
  }
  return [...out.values()];
}

const EPOCH = 0;
const EMPTY = new Uint8Array(0);

function fileEntry(name: string, data: Uint8Array, mtime: number): TarEntry {
  return { name, type: 'file', mode: 0o644, uid: 0, gid: 0, uname: '', gname: '', mtime, data };
}

function dirEntry(name: string, mtime: number): TarEntry {
  return { name, type: 'dir', mode: 0o755, uid: 0, gid: 0, uname: '', gname: '', mtime };
}

/** Go's json.Marshal of an ordered object (keys as given, `<>&` escaped). */
function goJSON(v: unknown): string {
  return JSON.stringify(v).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
}

/** GET /images/get: the archive of the named images, in one buffer. */
export function imagesSave(engine: DaemonStore, names: readonly string[]): Uint8Array {
  return collectSource(imagesSaveSource(engine, names));
}

/**
 * GET /images/get as the daemon streams it: the names are resolved, the events logged and every size counted
 * now; each layer's tar is made file by file as the archive is read, so a large image is never held whole.
 */
export function imagesSaveSource(engine: DaemonStore, names: readonly string[]): ByteSource {
  if (names.length === 0) throw invalidParameter('no images specified');
  const selected = selectImages(engine, names);
  const blobs = new Map<string, TarEntry>();
  const manifest: unknown[] = [];
  const index: unknown[] = [];
  const repos: Record<string, Record<string, string>> = {};
  for (const { img, refs } of selected) {
    const created = Math.floor(Date.parse(img.created) / 1000) || EPOCH;
    const config = utf8Encode(configBlob(engine.images, img));
    blobs.set(img.id.slice(7), fileEntry(`blobs/sha256/${img.id.slice(7)}`, config, created));
    const layerDescs: unknown[] = [];
    img.layers.forEach((layer, i) => {
      const hex = img.diffIds[i].slice(7);
      let e = blobs.get(hex);
      if (!e) {
        e = { ...fileEntry(`blobs/sha256/${hex}`, EMPTY, created), source: layerTarSource(layer) };
        blobs.set(hex, e);
      }
      layerDescs.push({ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: img.diffIds[i], size: e.source!.size });
    });
    const mfst = utf8Encode(goJSON({
      schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: img.id, size: config.length },
      layers: layerDescs,
    }));
    const mdigest = sha(mfst);
    blobs.set(mdigest.slice(7), fileEntry(`blobs/sha256/${mdigest.slice(7)}`, mfst, EPOCH));
    const desc = { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: mdigest, size: mfst.length };
    for (const r of refs) {
      const tag = r.tag ?? 'latest';
      (repos[familiarName(r)] ??= {})[tag] = img.diffIds[img.diffIds.length - 1].slice(7);
      index.push({ ...desc, annotations: { 'io.containerd.image.name': `${r.domain}/${r.path}:${tag}`, 'org.opencontainers.image.ref.name': tag } });
    }
    if (refs.length === 0) index.push(desc);
    manifest.push({
      Config: `blobs/sha256/${img.id.slice(7)}`,
      RepoTags: refs.length > 0 ? refs.map((r) => familiarString(r)) : null,
      Layers: img.diffIds.map((d) => `blobs/sha256/${d.slice(7)}`),
      ...(img.parent && selected.some((s) => s.img.id === img.parent) ? { Parent: img.parent } : {}),
    });
    engine.events.log('image', 'save', { ID: img.id, Attributes: { ...img.config.Labels, name: img.id } });
  }
  const entries: TarEntry[] = [dirEntry('blobs/', EPOCH), dirEntry('blobs/sha256/', EPOCH)];
  for (const hex of [...blobs.keys()].sort()) entries.push(blobs.get(hex)!);
  entries.push(fileEntry('index.json', utf8Encode(goJSON({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: index })), EPOCH));
  entries.push(fileEntry('manifest.json', utf8Encode(`${goJSON(manifest)}\n`), EPOCH));
  entries.push(fileEntry('oci-layout', utf8Encode('{"imageLayoutVersion": "1.0.0"}'), EPOCH));
  if (Object.keys(repos).length > 0) entries.push(fileEntry('repositories', utf8Encode(`${goJSON(repos)}\n`), EPOCH));
  return tarSource(entries, { format: 'go' });
}

interface ManifestItem {
  Config?: string;
  RepoTags?: string[] | null;
  Layers?: string[];
  Parent?: string;
}

interface ConfigJSON {
  created?: string;
  author?: string;
  docker_version?: string;
  config?: Record<string, unknown>;
  history?: HistoryEntry[];
  os?: string;
  rootfs?: { diff_ids?: string[] };
}

/**
 * A layer the daemon already holds or its offline registry ships, by diff ID (the layer store keeps one per
 * chain), with the size `docker images` counts for it: a catalog layer stands for the whole real image.
 */
function knownLayer(engine: DaemonStore, diffId: string): { layer: Layer; size: number } | undefined {
  for (const img of engine.images.all()) {
    const i = img.diffIds.indexOf(diffId);
    if (i >= 0 && img.layers[i]) return { layer: img.layers[i], size: img.layerSizes[i] ?? img.layers[i].size };
  }
  for (const c of CATALOG) {
    const b = buildCatalogImage(c);
    const i = b.diffIds.indexOf(diffId);
    if (i >= 0) return { layer: b.layers[i], size: c.size };
  }
  return undefined;
}

type Msg = Record<string, unknown>;

/** POST /images/load. Errors before any output are the request's; moby writes none before it has read the tar. */
export function imagesLoad(engine: DaemonStore, data: Uint8Array, quiet: boolean): Msg[] {
  let entries: TarEntry[];
  try {
    entries = readTar(decompressStream(data), { views: true }).entries;
  } catch (e) {
    if (e instanceof TarError) throw systemError(data.length < 512 ? 'unexpected EOF' : 'archive/tar: invalid tar header');
    throw e;
  }
  const files = new Map<string, Uint8Array>();
  for (const e of entries) if (e.type === 'file') files.set(e.name.replace(/^\.\//, ''), e.data ?? new Uint8Array(0));
  // os.MkdirTemp's random suffix, drawn from the input here: the same stream always names the same directory.
  const tmp = `/var/lib/docker/tmp/docker-import-${parseInt(sha256Hex(data).slice(0, 8), 16) % 9000000000 + 1000000000}`;
  const mfile = files.get('manifest.json');
  if (!mfile) {
    if (!files.has('repositories')) throw systemError(`open ${tmp}/repositories: no such file or directory`);
    throw systemError('dockersim: loading the pre-1.10 image format (no manifest.json) is not simulated');
  }
  let manifest: ManifestItem[] | null;
  try {
    manifest = JSON.parse(utf8Decode(mfile)) as ManifestItem[] | null;
  } catch {
    throw systemError('invalid character in manifest.json');
  }
  if (manifest === null) throw systemError('invalid manifest, manifest cannot be null (but can be [])');
  const out: Msg[] = [];
  const say = (s: string): void => void out.push({ stream: s });
  let ids = '';
  let refCount = 0;
  for (const m of manifest) {
    const config = files.get((m.Config ?? '').replace(/^\.\//, ''));
    if (!config) throw systemError(`open ${tmp}/${m.Config ?? ''}: no such file or directory`);
    const json = utf8Decode(config);
    const cfg = JSON.parse(json) as ConfigJSON;
    if ((cfg.os ?? 'linux') !== 'linux') throw systemError(`cannot load ${cfg.os} image on linux`);
    const diffIds = cfg.rootfs?.diff_ids ?? [];
    const layerPaths = m.Layers ?? [];
    if (layerPaths.length !== diffIds.length) {
      throw systemError(`invalid manifest, layers length mismatch: expected ${layerPaths.length}, got ${diffIds.length}`);
    }
    const id = sha(config);
    const cat = CATALOG.find((c) => c.created === cfg.created && buildCatalogImage(c).imageId === id);
    const layers: Layer[] = [];
    const sizes: number[] = [];
    diffIds.forEach((d, i) => {
      const known = knownLayer(engine, d);
      let layer = known?.layer;
      sizes.push(known?.size ?? 0);
      if (!layer) {
        const blob = files.get(layerPaths[i].replace(/^\.\//, ''));
        if (!blob) throw systemError(`open ${tmp}/${layerPaths[i]}: no such file or directory`);
        layer = Layer.fromTree(treeOfTar(readTar(blob, { views: true }).entries));
        sizes[i] = layer.size;
        if (!quiet) {
          const size = humanSize(blob.length);
          out.push({ status: 'Loading layer', progressDetail: { current: blob.length, total: blob.length }, progress: `[==================================================>]  ${size}/${size}`, id: d.slice(7, 19) });
        }
      }
      layers.push(layer);
    });
    if (!engine.images.get(id)) {
      const c = cfg.config ?? {};
      const imageConfig = cat ? imageConfigOf(cat) : ({
        User: (c.User as string) ?? '', ...(c.ExposedPorts ? { ExposedPorts: c.ExposedPorts } : {}), Env: (c.Env as string[]) ?? [],
        Cmd: (c.Cmd as string[] | null) ?? null, Entrypoint: (c.Entrypoint as string[] | null) ?? null,
        ...(c.Volumes ? { Volumes: c.Volumes } : {}), WorkingDir: (c.WorkingDir as string) ?? '', Labels: (c.Labels as Record<string, string>) ?? {},
        ...(c.StopSignal ? { StopSignal: c.StopSignal } : {}), ...(c.Healthcheck ? { Healthcheck: c.Healthcheck } : {}),
        ...(c.OnBuild ? { OnBuild: c.OnBuild } : {}),
      } as ImageConfig);
      const layerSizes = sizes;
      const image: Image = {
        id, created: cfg.created ?? '', size: layerSizes.reduce((a, b) => a + b, 0), config: imageConfig, layers, diffIds,
        layerSizes, cacheIds: [...diffIds].reverse().map((d) => sha256Hex(utf8Encode(`cache:${d}`))), repoDigest: '',
        catalogKey: cat?.key ?? '', lastTagTimeNs: null,
        history: cat ? catalogHistory(cat.key, cat.created, diffIds[0].slice(7)) : (cfg.history ?? []),
        parent: m.Parent ?? '', author: cfg.author ?? '', dockerVersion: cfg.docker_version ?? '',
      };
      engine.images.add(image);
    }
    engine.images.recordConfig(id, json);
    ids += `Loaded image ID: ${id}\n`;
    refCount = 0;
    for (const tag of m.RepoTags ?? []) {
      const ref = parseNormalizedNamed(tag);
      if (ref.tag === undefined) throw systemError(`invalid tag "${tag}"`);
      const prev = engine.images.lookupRef(ref);
      if (prev !== undefined && prev !== id) {
        say(`The image ${familiarString(ref)} already exists, renaming the old one with ID ${prev} to empty string\n`);
      }
      engine.images.tag(ref, id);
      engine.images.get(id)!.lastTagTimeNs = engine.nowNs();
      say(`Loaded image: ${familiarString(ref)}\n`);
      refCount++;
    }
    engine.events.log('image', 'load', { ID: id, Attributes: { ...engine.images.get(id)!.config.Labels, name: id } });
  }
  if (refCount === 0 && ids !== '') say(ids);
  return out;
}

