/**
 * The daemon's events as a timeline, newest first: each line as `docker events` prints it (its time in
 * RFC3339NanoFixed, type, action, actor and the sorted `key=value` attributes), the container's state before
 * and after where the event changes it (create → created, start → running, die → exited …), so a learner
 * can read created → running → exited after the row's flash has gone.
 */
import type { EventMessage } from '../../../engine/daemon/events.js';
import { formatRFC3339NanoFixed } from '../../../pkg/timetypes.js';
import type { EventView } from './types.js';

/** Events the store keeps (the daemon keeps 256 for `docker events --since`). */
export const MAX_EVENTS = 200;

/** The state a container is in after an event of this action (moby's state machine; others leave it). */
const STATE_AFTER: Readonly<Record<string, string>> = {
  create: 'created',
  start: 'running',
  die: 'exited',
  pause: 'paused',
  unpause: 'running',
  destroy: 'removed',
};

/** A 64-hex ID as Docker shortens it; names and references as they are. */
function shortActor(id: string): string {
  return /^(sha256:)?[0-9a-f]{64}$/.test(id) ? id.replace(/^sha256:/, '').slice(0, 12) : id;
}

/**
 * Turns events (oldest first) into timeline entries; `states` holds each container's state as the events
 * left it, and is updated (a removed container is forgotten).
 */
export function eventViews(events: readonly EventMessage[], states: Map<string, string>): EventView[] {
  return events.map((e, i): EventView => {
    // Labels (`org.opencontainers.image.version=24.04`…, dotted keys) are left out to fit the panel's width.
    const attrs = Object.keys(e.Actor.Attributes)
      .filter((k) => !k.includes('.'))
      .sort()
      .map((k) => `${k}=${e.Actor.Attributes[k]}`)
      .join(', ');
    let from: string | null = null;
    let to: string | null = null;
    if (e.Type === 'container' && STATE_AFTER[e.Action] !== undefined) {
      from = states.get(e.Actor.ID) ?? null;
      to = STATE_AFTER[e.Action];
      if (to === 'removed') states.delete(e.Actor.ID);
      else states.set(e.Actor.ID, to);
    }
    return {
      key: `${e.timeNano}.${i}.${e.Type}.${e.Action}.${e.Actor.ID}`,
      time: formatRFC3339NanoFixed(e.timeNano),
      type: e.Type,
      action: e.Action,
      id: e.Actor.ID,
      actor: shortActor(e.Actor.ID),
      attributes: attrs,
      name: e.Actor.Attributes.name ?? '',
      from,
      to,
    };
  });
}

/** `added` (oldest first) on top of `timeline` (newest first), bounded. */
export function withEvents(timeline: readonly EventView[], added: readonly EventView[], max = MAX_EVENTS): EventView[] {
  return [...added].reverse().concat(timeline).slice(0, max);
}

/** The line `docker events` prints for an event, trimmed for width: the actor's ID shortened, no labels. */
export function eventLine(e: EventView): string {
  return `${e.time} ${e.type} ${e.action} ${e.actor}${e.attributes ? ` (${e.attributes})` : ''}`;
}
