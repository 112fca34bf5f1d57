/**
 * Daemon events (`docker events`, GET /events), moby's daemon/events: every event is published to subscribers
 * and the last 256 are kept so a client asking `since`/`until` gets the recent past replayed.
 * The JSON is built here by hand because `timeNano` (~1.7e18) is beyond a JS number's exact range.
 */
import type { Disposable } from '../../pkg/disposable.js';
import { EventEmitter } from './emitter.js';

export type EventType = 'container' | 'image' | 'network' | 'volume' | 'daemon';

export type ContainerAction =
  | 'attach' | 'commit' | 'copy' | 'create' | 'destroy' | 'detach' | 'die' | 'exec_create' | 'exec_detach'
  | 'exec_die' | 'exec_start' | 'export' | 'kill' | 'oom' | 'pause' | 'rename' | 'resize' | 'restart' | 'start'
  | 'stop' | 'top' | 'unpause' | 'update' | 'prune' | 'archive-path' | 'extract-to-dir';
export type ImageAction = 'create' | 'pull' | 'push' | 'delete' | 'tag' | 'untag' | 'import' | 'load' | 'save' | 'prune';
export type NetworkAction = 'create' | 'connect' | 'disconnect' | 'destroy' | 'remove' | 'prune';

/**
 * `exec_create` and `exec_start` carry the command in the action itself, as moby logs them
 * (`exec_start: /bin/bash -l`).
 */
export type EventAction = ContainerAction | ImageAction | NetworkAction | `exec_create: ${string}` | `exec_start: ${string}`
  | `health_status: ${string}`;

export interface EventActor {
  readonly ID: string;
  readonly Attributes: Readonly<Record<string, string>>;
}

export interface EventMessage {
  readonly Type: EventType;
  readonly Action: EventAction;
  readonly Actor: EventActor;
  readonly scope: 'local';
  /** Epoch nanoseconds; `time` is derived (whole seconds). */
  readonly timeNano: bigint;
}

export const EVENTS_LIMIT = 256;

export class DaemonEvents {
  private readonly emitter = new EventEmitter<EventMessage>();
  private readonly recent: EventMessage[] = [];

  constructor(private readonly now: () => bigint) {}

  /** Subscribe to new events. */
  readonly onEvent = this.emitter.event;

  log(type: EventType, action: EventAction, actor: EventActor): EventMessage {
    const msg: EventMessage = { Type: type, Action: action, Actor: actor, scope: 'local', timeNano: this.now() };
    this.recent.push(msg);
    if (this.recent.length > EVENTS_LIMIT) this.recent.shift();
    this.emitter.fire(msg);
    return msg;
  }

  /** Buffered events within [since, until] (inclusive, epoch ns), oldest first; none when neither is given. */
  buffered(sinceNs?: bigint, untilNs?: bigint): EventMessage[] {
    if (sinceNs === undefined && untilNs === undefined) return [];
    return this.recent.filter((e) => (sinceNs === undefined || e.timeNano >= sinceNs) && (untilNs === undefined || e.timeNano <= untilNs));
  }

  subscribe(listener: (e: EventMessage) => void): Disposable {
    return this.onEvent(listener);
  }
}

/**
 * A container's actor, as daemon.LogContainerEventWithAttributes builds it: its labels, then `image` and `name`
 * (without `/`), then the event's own attributes (`exitCode`, `signal`, `oldName`, `execID`…).
 */
export function containerActor(
  c: { id: string; name: string; image: string; labels?: Readonly<Record<string, string>> },
  extra: Readonly<Record<string, string>> = {},
): EventActor {
  // Filled key by key, not spread: spreading a container's copied labels gave every event's attributes a hidden
  // class of its own, ~270 B more per entry of the ring.
  const attrs: Record<string, string> = {};
  if (c.labels) for (const k of Object.keys(c.labels)) attrs[k] = c.labels[k];
  attrs.image = c.image;
  attrs.name = c.name.replace(/^\/+/, '');
  for (const k of Object.keys(extra)) attrs[k] = extra[k];
  return { ID: c.id, Attributes: attrs };
}

/**
 * The wire JSON of one event, in moby v28's field order. Container and image events still carry the
 * deprecated `status`, `id` (and `from` for containers) that API 1.50 clients may read. Attribute keys are
 * sorted, as Go sorts map keys.
 */
export function marshalEvent(e: EventMessage): string {
  const parts: string[] = [];
  if (e.Type === 'container' || e.Type === 'image') {
    parts.push(`"status":${JSON.stringify(e.Action)}`, `"id":${JSON.stringify(e.Actor.ID)}`);
    const from = e.Actor.Attributes.image;
    if (e.Type === 'container' && from) parts.push(`"from":${JSON.stringify(from)}`);
  }
  const attrs = Object.keys(e.Actor.Attributes)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${JSON.stringify(e.Actor.Attributes[k])}`)
    .join(',');
  parts.push(
    `"Type":${JSON.stringify(e.Type)}`,
    `"Action":${JSON.stringify(e.Action)}`,
    `"Actor":{"ID":${JSON.stringify(e.Actor.ID)},"Attributes":{${attrs}}}`,
    `"scope":"local"`,
    `"time":${e.timeNano / 1_000_000_000n}`,
    `"timeNano":${e.timeNano}`,
  );
  return `{${parts.join(',')}}`;
}
