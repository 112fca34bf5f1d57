/**
 * What the live daemon view shows, as plain serialisable data (no engine objects, no bigints): the snapshot
 * builders beside this file compute it from the engine's model, the store holds it, the panels render it.
 * An object is replaced only when something in it changed, so components can compare by identity.
 */
import type { PortLink } from './ports.js';
import type { ContainerStatus } from '../../../engine/daemon/query.js';

export interface ContainerView {
  readonly id: string;
  /** Without the leading `/`. */
  readonly name: string;
  /** As given to `docker run` (Config.Image), e.g. `busybox`. */
  readonly image: string;
  readonly imageId: string;
  /** `docker ps`'s COMMAND, untruncated. */
  readonly command: string;
  readonly state: ContainerStatus;
  /** `docker ps`'s STATUS: `Up 3 minutes`, `Exited (0) 2 seconds ago` (the daemon's own humanizer). */
  readonly status: string;
  /** The health check's verdict while it runs (State.Health.Status), '' without a check or when not running. */
  readonly health: '' | 'starting' | 'healthy' | 'unhealthy';
  readonly exitCode: number;
  /** Empty while the container has no endpoint (not running). */
  readonly ip: string;
  readonly mac: string;
  /** Epoch ms; orders the list newest first as `docker ps` does. */
  readonly createdMs: number;
  /** The overlay2 ID of its writable layer. */
  readonly rwLayerId: string;
  /** Published TCP ports while it runs, for the web preview's links (empty otherwise). */
  readonly ports: readonly PortLink[];
}

export interface LayerView {
  /** `sha256:…` of the content (RootFS.Layers). */
  readonly diffId: string;
  readonly size: number;
  /** How many images hold this layer: more than one means it is stored once and shared. */
  readonly usedBy: number;
}

export interface ImageView {
  readonly id: string;
  /** `busybox:latest`…; empty for a dangling image. */
  readonly tags: readonly string[];
  readonly size: number;
  /** diffIds, bottom layer first. */
  readonly layers: readonly string[];
  /**
   * What it was made from, nearest first, down to its base: the Parent chain where the daemon keeps one (commit,
   * the legacy builder), else the image whose layers its own start with (a BuildKit build's base). Image IDs.
   */
  readonly ancestors: readonly string[];
  /** Untagged, and nothing was made from it: `docker images` lists it as `<none>` (dangling=true). */
  readonly dangling: boolean;
  /** Untagged with children: an intermediate image, listed only by `docker images -a`. */
  readonly intermediate: boolean;
  /** The images made from it (directly or through intermediate images), intermediate ones left out. */
  readonly children: readonly string[];
}

export interface ImagesView {
  /** Every image, intermediate ones included (the panel draws those only inside ancestries). */
  readonly images: readonly ImageView[];
  readonly layers: Readonly<Record<string, LayerView>>;
}

/** One step of a build as the images panel shows it (a BuildStep without bigints). */
export interface BuildStepView {
  /** `Step 2/5`, `[2/4]`. */
  readonly label: string;
  readonly instruction: string;
  readonly cached: boolean;
  readonly status: 'running' | 'done' | 'failed';
  /** The legacy builder's image of the step (its ` ---> ID` line), '' under BuildKit (the FROM's base aside). */
  readonly imageId: string;
  /** The layer it added ('' for none) and its bytes, as `docker history` sizes it. */
  readonly layerId: string;
  readonly size: number;
  readonly error: string;
  /** Virtual ms the step took; null while it runs. */
  readonly ms: number | null;
}

/** The daemon's latest build, running or ended. */
export interface BuildView {
  readonly seq: number;
  readonly builder: 'legacy' | 'buildkit';
  readonly tags: readonly string[];
  readonly steps: readonly BuildStepView[];
  readonly outcome: 'running' | 'succeeded' | 'failed';
  readonly error: string;
  readonly imageId: string;
  /** Virtual ms the build took; null while it runs. */
  readonly ms: number | null;
}

export interface ProcessView {
  readonly hostPid: number;
  /** PID inside the container's namespace. */
  readonly nsPid: number;
  readonly nsPpid: number;
  /** Nesting in the tree, 0 for the container's PID 1. */
  readonly depth: number;
  readonly command: string;
  readonly user: number;
}

export interface ChangeView {
  readonly kind: 'A' | 'C' | 'D';
  readonly path: string;
}

export interface LogLineView {
  /** Stable across snapshots while the line is in the tail, for React keys. */
  readonly key: string;
  readonly stream: 'stdout' | 'stderr';
  readonly text: string;
}

export interface ListView<T> {
  readonly items: readonly T[];
  /** Entries left out to keep the snapshot bounded. */
  readonly omitted: number;
}

/** One daemon event in the timeline. */
export interface EventView {
  /** Unique in the timeline, for React keys. */
  readonly key: string;
  /** RFC3339NanoFixed, as `docker events` prints it. */
  readonly time: string;
  readonly type: string;
  readonly action: string;
  /** The actor's ID as the daemon gave it. */
  readonly id: string;
  /** The ID shortened to 12 hex digits (a name or reference stays whole). */
  readonly actor: string;
  /** `key=value, …`, sorted by key, as `docker events` prints them (labels, dotted keys, left out for width). */
  readonly attributes: string;
  /** The `name` attribute (a container's name), or empty. */
  readonly name: string;
  /** A container's state before and after, where the event changed it (`from` unknown: null). */
  readonly from: string | null;
  readonly to: string | null;
}

/** A selected container's live details. */
export interface ContainerDetail {
  readonly kind: 'container';
  readonly id: string;
  readonly processes: ListView<ProcessView>;
  readonly changes: ListView<ChangeView>;
  readonly logs: ListView<LogLineView>;
  /** GET /containers/{id}/json, as `docker inspect` prints it. */
  readonly inspect: JsonValue;
}

export interface ImageDetail {
  readonly kind: 'image';
  readonly id: string;
  readonly inspect: JsonValue;
}

export type Detail = ContainerDetail | ImageDetail;

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [k: string]: JsonValue };
