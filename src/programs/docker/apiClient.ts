/** The CLI's narrow `ApiClient` (src/cli/client.ts) over the Engine API client that speaks HTTP on a socket. */
import { DockerClient } from '../../api/client/client.js';
import { archiveApi } from './archiveApi.js';
import { bytesFromArray } from '../../api/bytes.js';
import type { Sys } from '../../engine/kernel/sys.js';
import type {
  ApiClient,
  BuildStream,
  ContainerJSON,
  ContainerSummary,
  DiskUsage,
  HijackedConn,
  ImageSummary,
  Inspected,
  JSONMessage,
  MessageStream,
  NetworkSummary,
  SearchResult,
  ServerInfo,
  HistoryItem,
} from '../../cli/client.js';
import { parseAnyReference, parseNormalizedNamed, tagNameOnly } from '../../pkg/reference.js';

/** reference.ParseAnyReference's error text, or '' when the reference parses. */
function parseAnyReferenceOrError(s: string): string {
  try {
    parseAnyReference(s);
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

type Json = Record<string, unknown>;

/** client.Ping's reading of the `Swarm` header: `state/role`. */
function swarmStatus(header: string): ServerInfo['swarm'] {
  if (header === '') return undefined;
  const slash = header.indexOf('/');
  const [state, role] = slash < 0 ? [header, ''] : [header.slice(0, slash), header.slice(slash + 1)];
  return { nodeState: state, controlAvailable: role === 'manager' };
}

export function apiClient(sys: Sys, host: string): ApiClient {
  const c = new DockerClient(sys, host);
  const inspect = async <T>(path: string, query?: Record<string, string | undefined>): Promise<Inspected<T>> => {
    const raw = await c.getRaw(path, query);
    return { value: JSON.parse(raw) as T, raw };
  };
  let server: Promise<ServerInfo> | null = null;
  return {
    clientVersion: () => c.version,
    // initializeFromClient's ping: it negotiates the API version too, so the command's requests do not ping again.
    serverInfo: () => (server ??= c.checkVersion().then(
      (p) => ({ hasExperimental: p.experimental, osType: p.osType, swarm: swarmStatus(p.swarm) }),
      // initializeFromClient: a daemon out of reach counts as experimental, so nothing is hidden or refused.
      () => ({ hasExperimental: true, osType: '' }),
    )),
    serverVersion: () => c.systemVersion(),
    info: () => c.systemInfo(),
    containerList: async (o) => (await c.containerList(o)) as unknown as ContainerSummary[],
    containerCreate: (config, hostConfig, networkingConfig, name, platform) =>
      c.containerCreate({ ...config, HostConfig: hostConfig, NetworkingConfig: networkingConfig }, name, platform),
    containerStart: async (id) => void (await c.containerStart(id)),
    containerAttach: (id, o) => c.containerAttach(id, o) as Promise<HijackedConn>,
    containerWait: (id, condition) => c.containerWait(id, condition || undefined),
    containerLogs: (id, o) => c.containerLogs(id, o),
    containerInspect: (id, o) => inspect<ContainerJSON>(`/containers/${id}/json`, { size: o?.size ? '1' : undefined }),
    containerStop: async (id, o) => void (await c.containerStop(id, o)),
    containerRestart: async (id, o) => void (await c.containerRestart(id, o)),
    containerKill: async (id, signal) => void (await c.containerKill(id, signal || undefined)),
    containerPause: async (id) => void (await c.containerPause(id)),
    containerUnpause: async (id) => void (await c.containerUnpause(id)),
    containerRemove: async (id, o) => void (await c.containerRemove(id, o)),
    containerRename: async (id, name) => void (await c.containerRename(id, name)),
    containerUpdate: (id, update) => c.containerUpdate(id, update),
    systemDiskUsage: async () => (await c.systemDiskUsage()) as unknown as DiskUsage,
    imagesPrune: async (filters) => (await c.imagesPrune(filters)) as never,
    networksPrune: async (filters) => (await c.networksPrune(filters)) as never,
    networkList: async (filters) => (await c.networkList(filters)) as unknown as NetworkSummary[],
    networkInspect: (ref, o) => inspect<NetworkSummary>(`/networks/${ref}`, { verbose: o?.verbose ? 'true' : undefined }),
    networkCreate: (req) => c.networkCreate(req),
    networkConnect: async (network, container, ep) => void (await c.networkConnect(network, { Container: container, EndpointConfig: ep ?? undefined })),
    networkDisconnect: async (network, container, force) => void (await c.networkDisconnect(network, { Container: container, Force: force })),
    networkRemove: async (ref) => void (await c.networkRemove(ref)),
    volumesPrune: async (filters) => (await c.volumesPrune(filters)) as never,
    volumeList: async (filters) => (await c.volumeList(filters)) as never,
    volumeCreate: async (body) => (await c.volumeCreate(body)) as never,
    volumeInspect: (name) => inspect<Json>(`/volumes/${name}`),
    volumeRemove: async (name, force) => void (await c.volumeRemove(name, force)),
    buildCachePrune: async (o) => (await c.buildCachePrune(o)) as never,
    containersPrune: async (filters) => (await c.containersPrune(filters)) as { ContainersDeleted: string[] | null; SpaceReclaimed: number },
    containerTop: (id, args) => c.containerTop(id, args.length > 0 ? args.join(' ') : undefined),
    containerStats: async (id) => JSON.parse(await c.getRaw(`/containers/${id}/stats`, { stream: '0' })) as Json,
    containerDiff: async (id) => JSON.parse(await c.getRaw(`/containers/${id}/changes`)) as Array<{ Path: string; Kind: number }> | null,
    containerResize: async (id, h, w) => void (await c.containerResize(id, h, w)),
    containerExecCreate: (id, config) => c.containerExecCreate(id, config as unknown as Json),
    containerExecStart: (id, o) =>
      c.containerExecStart(id, { Detach: o.Detach, Tty: o.Tty, ConsoleSize: o.ConsoleSize ? [o.ConsoleSize[0], o.ConsoleSize[1]] : undefined }),
    containerExecInspect: (id) => c.containerExecInspect(id),
    containerExecResize: async (id, h, w) => void (await c.containerExecResize(id, h, w)),
    imageList: async (o) => (await c.imageList(o)) as unknown as ImageSummary[],
    imagePull: async (fromImage, tag, o): Promise<MessageStream> => {
      const s = await c.imagePull(fromImage, tag, o?.platform, o?.registryAuth);
      return { nextMessage: async () => (await s.nextMessage()) as JSONMessage | null, close: () => s.close() };
    },
    imageInspect: (name) => inspect<Json>(`/images/${name}/json`),
    imagePush: async (name, tag, auth): Promise<MessageStream> => {
      const s = await c.imagePush(name, tag, auth);
      return { nextMessage: async () => (await s.nextMessage()) as JSONMessage | null, close: () => s.close() };
    },
    registryLogin: async (auth) => (await c.registryLogin(auth)) as { Status: string; IdentityToken?: string },
    imageRemove: async (name, o) => (await c.imageRemove(name, o)) as Array<{ Untagged?: string; Deleted?: string }>,
    imageSearch: async (term, o) => (await c.imageSearch(term, o.limit, o.filters)) as unknown as SearchResult[],
    imageHistory: async (name) => (await c.imageHistory(name)) as unknown as HistoryItem[],
    imageBuild: async (req): Promise<BuildStream> => {
      const s = await c.imageBuild(req.query, bytesFromArray(req.body), req.headers);
      return {
        nextMessage: async () => (await s.nextMessage()) as JSONMessage | null,
        nextMessageWithin: async (ms) => (await s.nextMessageWithin(ms)) as JSONMessage | null | undefined,
        close: () => s.close(),
      };
    },
    async imageTag(source, target) {
      if (parseAnyReferenceOrError(source)) throw new Error(`Error parsing reference: ${JSON.stringify(source)} is not a valid repository/tag: ${parseAnyReferenceOrError(source)}`);
      let ref;
      try {
        ref = parseNormalizedNamed(target);
      } catch (e) {
        throw new Error(`Error parsing reference: ${JSON.stringify(target)} is not a valid repository/tag: ${(e as Error).message}`);
      }
      if (ref.digest !== undefined) throw new Error('refusing to create a tag with a digest reference');
      ref = tagNameOnly(ref);
      await c.imageTag(source, `${ref.domain}/${ref.path}`, ref.tag);
    },
    async containerCommit(container, o) {
      let repo = '';
      let tag = '';
      if (o.reference !== '') {
        const ref = parseNormalizedNamed(o.reference);
        if (ref.digest !== undefined) throw new Error('refusing to create a tag with a digest reference');
        const tagged = tagNameOnly(ref);
        repo = `${tagged.domain}/${tagged.path}`;
        tag = tagged.tag ?? '';
      }
      const res = await c.containerCommit({
        container, repo, tag, comment: o.comment, author: o.author, changes: o.changes, pause: o.pause ? undefined : '0',
      });
      return res as { Id: string };
    },
    archive: () => archiveApi(sys, c),
  };
}
