/**
 * The daemon's operations as one object, for the API layer: `new Daemon({ engine, sys })` in each dockerd
 * process that serves requests (the engine is shared and outlives it; `sys` is the calling process, which
 * spawns shims and blocks while waiting). Each method is one file's operation, in Docker's vocabulary.
 */
import { invalidParameter, notFound } from '../../pkg/errdefs.js';
import { familiarName } from '../../pkg/reference.js';
import type { Sys } from '../kernel/sys.js';
import { containerAttach, type AttachOptions } from './attach.js';
import { containerChanges, type ChangeJSON } from './changes.js';
import { containerLogs, type LogsOptions, type LogsReader } from './containerLogs.js';
import type { DaemonContext } from './context.js';
import { containerCreate, type CreateConfig, type CreateHostConfig, type CreateResponse } from './create.js';
import { containerRm, type RmOptions } from './delete.js';
import type { DaemonStore } from './store.js';
import { containerExecCreate, containerExecInspect, containerExecResize, containerExecStart, type ExecStartOptions } from './exec.js';
import type { ExecCreateConfig } from './execRecord.js';
import { imageInspectJSON } from './images/json.js';
import { imageList, type ImageListOptions } from './images/list.js';
import { imagePull, type ProgressSink } from './images/pull.js';
import { imageRemove, type DeleteRecord } from './images/remove.js';
import { containerCommit, imageTagRef, repoTagReference, type CommitOptions } from './images/commit.js';
import { imageHistory, type HistoryResponseItem } from './images/history.js';
import { imageSearch, type SearchOptions, type SearchResult } from './images/search.js';
import { hubPushedRepos } from './distribution/hub.js';
import type { AuthConfig } from './distribution/remote.js';
import { toInspectJSON } from './inspect.js';
import { inspectLinks } from './network/links.js';
import { containerKill } from './kill.js';
import { daemonRestoreContainers, daemonShutdownContainers } from './lifecycle.js';
import { containerList, type ListOptions } from './list.js';
import { containerPause, containerUnpause } from './pause.js';
import { containersPrune, type ContainersPruneReport } from './prune.js';
import type { FilterMap } from './filters.js';
import { containerRename } from './rename.js';
import { containerResize } from './resize.js';
import { containerRestart } from './restart.js';
import type { IoSession } from './session.js';
import { containerStart } from './start.js';
import type { WaitCondition, WaitResult } from './state.js';
import { containerStats, type StatsOptions } from './stats.js';
import { containerSize } from './size.js';
import { containerStop, type StopOptions } from './stop.js';
import { containerTop, type TopResponse } from './top.js';
import { containerUpdate, type UpdateConfig, type UpdateResponse } from './update.js';
import { containerWait } from './wait.js';

type Json = Record<string, unknown>;

export class Daemon implements DaemonContext {
  readonly store: DaemonStore;
  readonly sys: Sys;

  constructor(opts: { store: DaemonStore; sys: Sys }) {
    this.store = opts.store;
    this.sys = opts.sys;
    this.store.bridge.ensure();
  }

  // ---- containers
  containerCreate(config: CreateConfig, hostConfig?: CreateHostConfig, name?: string, networking?: Record<string, unknown>): CreateResponse {
    return containerCreate(this, config, hostConfig, name, networking);
  }
  /** dockerd starting: containers whose restart policy asks for it come back. */
  restoreContainers(): Promise<void> {
    return daemonRestoreContainers(this);
  }

  /** dockerd stopping: every running container stopped at once. */
  shutdownContainers(): Promise<void> {
    return daemonShutdownContainers(this);
  }

  containerStart(name: string): Promise<void> {
    return containerStart(this, name);
  }
  containerStop(name: string, opts?: StopOptions): Promise<void> {
    return containerStop(this, name, opts);
  }
  containerKill(name: string, signal?: string): Promise<void> {
    return containerKill(this, name, signal);
  }
  containerRestart(name: string, opts?: StopOptions): Promise<void> {
    return containerRestart(this, name, opts);
  }
  containerPause(name: string): void {
    containerPause(this, name);
  }
  containerUnpause(name: string): void {
    containerUnpause(this, name);
  }
  containerRm(name: string, opts?: RmOptions): Promise<void> {
    return containerRm(this, name, opts);
  }
  containersPrune(filters?: FilterMap): ContainersPruneReport {
    return containersPrune(this, filters);
  }
  containerWait(name: string, condition?: WaitCondition | ''): Promise<WaitResult> {
    return containerWait(this, name, condition);
  }
  containerRename(oldName: string, newName: string): void {
    containerRename(this, oldName, newName);
  }
  containerResize(name: string, height: number, width: number): void {
    containerResize(this, name, height, width);
  }
  containerUpdate(name: string, update: UpdateConfig): UpdateResponse {
    return containerUpdate(this, name, update);
  }
  containerTop(name: string, psArgs?: string): Promise<TopResponse> {
    return containerTop(this, name, psArgs);
  }
  containerStats(name: string, opts: StatsOptions, emit: (record: Json) => void, stopped?: () => boolean): Promise<void> {
    return containerStats(this, name, opts, emit, stopped);
  }
  containerLogs(name: string, opts?: LogsOptions): LogsReader {
    return containerLogs(this, name, opts);
  }
  containerChanges(name: string): ChangeJSON[] {
    return containerChanges(this, name);
  }
  /** With `size`, SizeRw and SizeRootFs follow GraphDriver, where ContainerJSONBase has them. */
  containerInspect(name: string, opts: { size?: boolean } = {}): Json {
    const c = this.store.getContainer(name);
    const json = toInspectJSON(c, inspectLinks(this.store, c));
    if (!opts.size) return json;
    const out: Json = {};
    for (const [k, v] of Object.entries(json)) {
      out[k] = v;
      if (k === 'GraphDriver') Object.assign(out, containerSize(this.store, c));
    }
    return out;
  }
  containerList(opts?: ListOptions): Json[] {
    return containerList(this, opts);
  }
  containerAttach(name: string, opts?: AttachOptions): IoSession {
    return containerAttach(this, name, opts);
  }
  containerExecCreate(name: string, config: ExecCreateConfig): { Id: string } {
    return containerExecCreate(this, name, config);
  }
  containerExecStart(execId: string, opts?: ExecStartOptions): IoSession | null {
    return containerExecStart(this, execId, opts);
  }
  containerExecResize(execId: string, height: number, width: number): void {
    containerExecResize(this, execId, height, width);
  }
  containerExecInspect(execId: string): Json {
    return containerExecInspect(this, execId);
  }

  // ---- images
  imagePull(ref: string, onProgress?: ProgressSink, auth?: AuthConfig): Promise<Json> {
    return imagePull(this.store, this.sys, ref, onProgress, auth).then((img) => imageInspectJSON(this.store.images, img));
  }
  imageList(opts?: ImageListOptions): Json[] {
    return imageList(this.store.images, this.store.nowNs(), opts);
  }
  imageInspect(ref: string): Json {
    return imageInspectJSON(this.store.images, this.store.images.resolve(ref));
  }
  imageRemove(ref: string, opts?: { force?: boolean; prune?: boolean }): DeleteRecord[] {
    return imageRemove(this.store, ref, opts);
  }
  /** POST /commit: the new image's ID. */
  containerCommit(name: string, opts?: CommitOptions): string {
    return containerCommit(this, name, opts);
  }
  imageHistory(ref: string): HistoryResponseItem[] {
    return imageHistory(this.store.images, this.store.images.resolve(ref));
  }
  /** POST /images/{name}/tag; an unknown source is NotFound whatever went wrong finding it, as moby's route has it. */
  imageTag(source: string, repo: string, tag: string): void {
    const ref = repoTagReference(repo, tag);
    if (!ref) return;
    if (familiarName(ref) === 'sha256') throw invalidParameter('refusing to create an ambiguous tag using digest algorithm as name');
    let img;
    try {
      img = this.store.images.resolve(source);
    } catch (e) {
      throw notFound((e as Error).message);
    }
    imageTagRef(this, img.id, ref);
  }
  imageSearch(term: string, opts?: SearchOptions): SearchResult[] {
    return imageSearch(term, opts, hubPushedRepos(this.store.kernel));
  }
}
