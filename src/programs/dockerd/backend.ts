/**
 * dockerd's side of the Engine API: the router's narrow backends (the backend.ts files under src/api/router) answered by
 * the daemon. One backend per connection process, so every blocking call has a process of its own to block.
 */
import type { CreateConfig, CreateHostConfig } from '../../engine/daemon/create.js';
import { Daemon } from '../../engine/daemon/daemon.js';
import { systemDiskUsage } from '../../engine/daemon/diskUsage.js';
import { imagesPrune } from '../../engine/daemon/images/prune.js';
import { buildCachePrune } from '../../engine/daemon/buildPrune.js';
import { imageBuild } from '../../engine/daemon/builder/build.js';
import { encodeStatusResponse } from '../../pkg/buildkit/statuspb.js';
import * as networks from '../../engine/daemon/network/ops.js';
import type { CreateNetworkRequest } from '../../engine/daemon/network/network.js';
import { volumeCreate, volumeInspect, volumeList, volumeRemove, volumesPrune } from '../../engine/daemon/volume/service.js';
import type { DaemonStore } from '../../engine/daemon/store.js';
import { invalidParameter } from '../../pkg/errdefs.js';
import { marshalEvent } from '../../engine/daemon/events.js';
import { eventFilter } from '../../engine/daemon/eventsFilter.js';
import type { ExecCreateConfig } from '../../engine/daemon/execRecord.js';
import type { IoSession } from '../../engine/daemon/session.js';
import { WaitQueue } from '../../engine/kernel/scheduler.js';
import type { Sys } from '../../engine/kernel/sys.js';
import { blockUntil } from '../../engine/daemon/block.js';
import type { AttachStreams } from '../../api/router/container/backend.js';
import type { EngineBackend } from '../../api/router/index.js';
import { parseLogTime } from './logtime.js';
import type { DaemonConfig } from './config.js';
import { systemInfo, systemVersion } from './systemInfo.js';
import { inWorker } from './worker.js';
import { containerArchivePath, containerExportSource, containerExtractToDir, containerStatPath } from '../../engine/daemon/containerArchive.js';
import { imagesLoad, imagesSaveSource } from '../../engine/daemon/images/saveload.js';
import { imageImport } from '../../engine/daemon/images/import.js';
import { searchOptions } from '../../engine/daemon/images/search.js';
import { imagePush } from '../../engine/daemon/distribution/push.js';
import { registryLogin } from '../../engine/daemon/distribution/auth.js';
import { distributionInspect } from '../../engine/daemon/distribution/inspect.js';
import type { AuthConfig } from '../../engine/daemon/distribution/remote.js';
import { decodeAuthHeader } from './registryAuth.js';

type Json = Record<string, unknown>;

/** Bytes an attach connection may have queued before the pump stops reading the session (and resumes). */
const CLIENT_HIGH_WATER = 64 * 1024;

/**
 * Copies a session's output to the client until the process ends or the client detaches. While the client's
 * connection has a backlog the pump waits, so the session fills and holds the container's writes. The
 * session counts as delivered only once the connection has written everything (dockerd reports a
 * container's exit after its output reached the attached clients).
 */
async function pump(io: IoSession, streams: AttachStreams, sys: Sys): Promise<void> {
  streams.onStdin(
    (data) => {
      io.write(data);
    },
    () => io.closeStdin(),
  );
  // The client went away (a write found it gone): detach at once, as dockerd's attach goroutines end.
  streams.onHangup?.(() => io.detach());
  if (streams.backlog) {
    const backlog = streams.backlog;
    io.deliveredBy(() => backlog() > 0);
    streams.onFlushed?.(() => io.flushed());
  }
  for (let chunk = await io.read(); chunk !== null; chunk = await io.read()) {
    if (chunk.stream === 'stderr') streams.stderr(chunk.data);
    else streams.stdout(chunk.data);
    while ((streams.backlog?.() ?? 0) > CLIENT_HIGH_WATER) await sys.sleep(5);
  }
}

export function engineBackend(engine: DaemonStore, sys: Sys, hostname: string, config?: DaemonConfig): EngineBackend {
  const d = new Daemon({ store: engine, sys });
  const work = <T>(op: (w: Daemon, s: Sys) => Promise<T>): Promise<T> => inWorker(sys, engine, op);
  return {
    // ---- system
    systemVersion: () => systemVersion(engine),
    systemInfo: () => systemInfo(engine, hostname, config),
    nowNs: () => engine.nowNs(),
    systemDiskUsage: (opts) => systemDiskUsage(d, opts),
    subscribeEvents(opts, sink) {
      const include = eventFilter(opts.filters);
      for (const e of engine.events.buffered(opts.sinceNs, opts.untilNs)) if (include(e)) sink.event(marshalEvent(e));
      const untilNs = opts.untilNs;
      if (untilNs !== undefined && untilNs <= engine.nowNs()) {
        sink.end();
        return { dispose() {} };
      }
      const sub = engine.events.subscribe((e) => {
        if ((untilNs === undefined || e.timeNano <= untilNs) && include(e)) sink.event(marshalEvent(e));
      });
      if (untilNs === undefined) return sub;
      // moby's getEvents ends the stream on a timer set for `until`.
      let disposed = false;
      const woken = new WaitQueue();
      void work(async (_w, s) => {
        await blockUntil(engine.kernel, s, woken, () => disposed, Number(untilNs - engine.nowNs()) / 1e6);
        if (!disposed) sink.end();
      });
      return {
        dispose() {
          disposed = true;
          sub.dispose();
          woken.wakeAll(engine.kernel.sched);
        },
      };
    },

    // ---- container state
    containerCreate: (c) =>
      d.containerCreate(c.config as CreateConfig, c.hostConfig as CreateHostConfig, c.name || undefined, c.networkingConfig),
    containerKill: (name, signal) => work((w) => w.containerKill(name, signal || undefined)),
    containerPause: (name) => d.containerPause(name),
    containerUnpause: (name) => d.containerUnpause(name),
    containerRename: (oldName, newName) => d.containerRename(oldName, newName),
    containerResize: (name, height, width) => d.containerResize(name, height, width),
    containerUpdate: (name, update) => d.containerUpdate(name, update),
    containerRestart: (name, opts) => work((w) => w.containerRestart(name, opts)),
    containersPrune: (filters) => d.containersPrune(filters) as unknown as Json,
    containerRm: (name, opts) => work((w) => w.containerRm(name, { force: opts.force, removeVolumes: opts.removeVolume, removeLink: opts.removeLink })),
    containerStart: (name) => work((w) => w.containerStart(name)),
    containerCommit: (name, opts) => d.containerCommit(name, opts),
    containerStop: (name, opts) => work((w) => w.containerStop(name, opts)),
    containerWait(name, condition) {
      engine.getContainer(name);
      let worker = 0;
      const result = inWorker(sys, engine, (w) => w.containerWait(name, condition), (pid) => (worker = pid));
      // The request's context ends with its connection (`docker run -d` leaves without reading the answer):
      // the wait ends too, instead of a worker per detached run waking at every change until its container exits.
      const cancel = (): void => {
        try {
          sys.kill(worker, 'SIGKILL');
        } catch {
          /* it had finished */
        }
      };
      return { result, cancel };
    },

    // ---- container queries
    containers: (opts) => d.containerList({ all: opts.all, limit: opts.limit, size: opts.size, filters: opts.filters }),
    containerInspect: (name, opts) => d.containerInspect(name, { size: opts.size }),
    containerTop: (name, psArgs) => d.containerTop(name, psArgs || undefined),
    containerChanges: (name) => d.containerChanges(name),

    // ---- logs and stats
    containerLogs(name, config, sink) {
      return new Promise((resolve, reject) => {
        let stopped = false;
        work(async (w) => {
          const tail = config.tail === '' || config.tail === 'all' ? undefined : Number(config.tail);
          const reader = w.containerLogs(name, {
            stdout: config.stdout,
            stderr: config.stderr,
            follow: config.follow,
            timestamps: config.timestamps,
            tail: tail !== undefined && Number.isFinite(tail) ? tail : undefined,
            sinceNs: parseLogTime(config.since, engine.nowNs()),
            untilNs: parseLogTime(config.until, engine.nowNs()),
          });
          resolve({ tty: reader.tty, subscription: { dispose: () => (stopped = true) } });
          for (let e = await reader.next(); e !== null && !stopped; e = await reader.next()) {
            sink.message({ stream: e.stream, line: e.line, timeNs: e.timeNs });
          }
          sink.end();
        }).catch(reject);
      });
    },
    containerStats(name, opts, sink) {
      engine.getContainer(name);
      if (opts.stream && opts.oneShot) throw invalidParameter('cannot have stream=true and one-shot=true');
      let stopped = false;
      work((w) => w.containerStats(name, opts, (rec) => sink.message(rec), () => stopped)).then(
        () => sink.end(),
        (e: Error) => sink.end(e),
      );
      return {
        dispose: () => {
          stopped = true;
          // The collector's wait ends now rather than at its next sample.
          engine.notify();
        },
      };
    },

    // ---- attach and exec
    containerAttach: (name, config) =>
      work(async (w, s) => {
        const io = w.containerAttach(name, {
          stdin: config.useStdin,
          stdout: config.useStdout,
          stderr: config.useStderr,
          logs: config.logs,
          stream: config.stream,
          detachKeys: config.detachKeys || undefined,
        });
        await pump(io, config.getStreams(!io.tty), s);
      }),
    containerExecCreate: (name, config) => d.containerExecCreate(name, config as unknown as ExecCreateConfig).Id,
    containerExecInspect: (id) => d.containerExecInspect(id),
    containerExecResize: (id, height, width) => d.containerExecResize(id, height, width),
    execExists: (id) => engine.execs.has(id),
    containerExecStart: (id, config) =>
      work(async (w, s) => {
        const io = w.containerExecStart(id, {
          detach: config.detach,
          consoleSize: config.consoleSize ?? undefined,
        });
        if (io && config.streams) await pump(io, config.streams, s);
      }),

    // ---- images
    images: (opts) => d.imageList({ all: opts.all, filters: opts.filters }),
    imageInspect: (name) => d.imageInspect(name),
    imageDelete: (name, opts) => d.imageRemove(name, { force: opts.force, prune: opts.prune }) as unknown as Array<Record<string, string>>,
    imageHistory: (name) => d.imageHistory(name),
    imageTag: (name, repo, tag) => d.imageTag(name, repo, tag),
    imagesPrune: (filters) => imagesPrune(engine, filters) as unknown as Json,
    networksPrune: (filters) => networks.networksPrune(engine, filters),
    networkList: (filters) => networks.networkList(engine, filters),
    networkInspect: (term) => networks.networkInspect(engine, term),
    networkCreate: (req) => networks.networkCreate(engine, req as unknown as CreateNetworkRequest),
    networkConnect: (term, container, ep) => networks.networkConnect(engine, term, container, ep),
    networkDisconnect: (term, container, force) => networks.networkDisconnect(engine, term, container, force),
    networkRemove: (term) => networks.networkRemove(engine, term),
    volumesPrune: (filters) => volumesPrune(engine, filters),
    volumeList: (filters) => volumeList(engine, filters),
    volumeCreate: (body) => volumeCreate(engine, body),
    volumeInspect: (name) => volumeInspect(engine, name),
    volumeRemove: (name, force) => volumeRemove(engine, name, force),
    buildCachePrune: () => buildCachePrune(),
    imageSearch: (term, limit, filters) => d.imageSearch(term, searchOptions(limit, filters)),
    imagePull: (ref, progress, authHeader) =>
      work(async (w) => {
        // postImagesCreate: the "tag" may be a digest (`docker pull ubuntu@sha256:…` sends it there).
        const sep = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/.test(ref.tag) ? '@' : ':';
        await w.imagePull(ref.tag ? `${ref.fromImage}${sep}${ref.tag}` : ref.fromImage, (m) => progress(m as unknown as Json), decodeAuthHeader(authHeader));
      }),
    imageBuild: (req, context, sinks) =>
      work((w) => imageBuild(w, req, context, (m) => sinks.message(m as unknown as Json), (t) => sinks.trace(t))),
    encodeStatus: (s) => encodeStatusResponse(s),

    // ---- tar streams: cp, export, save, load, import
    containerStatPath: (name, path) => containerStatPath(engine, name, path),
    containerArchivePath: (name, path) => containerArchivePath(engine, name, path),
    containerExtractToDir: (name, path, data, opts) => containerExtractToDir(engine, name, path, data, opts),
    containerExport: (name) => containerExportSource(engine, name),
    imagesSave: (names) => imagesSaveSource(engine, names),
    imagesLoad: (data, quiet) => imagesLoad(engine, data, quiet),
    imageImport: (req) => imageImport(engine, req),

    // ---- distribution (push, login, registry inspect)
    registryLogin: (auth) => work((_w, s) => registryLogin(engine, s, auth as AuthConfig)) as Promise<Json>,
    imagePush: (name, tag, authHeader, progress) =>
      work((_w, s) => imagePush(engine, s, name, tag, decodeAuthHeader(authHeader), (m) => progress(m as unknown as Json))),
    distributionInspect: (name) => work((_w, s) => distributionInspect(engine, s, name)),
  };
}
