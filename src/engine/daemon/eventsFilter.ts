/**
 * Which events a `docker events --filter …` subscriber gets (moby daemon/events/filter.go). The daemon checks
 * no filter names here: an unknown one (`--filter foo=bar`) filters nothing, exactly as in Docker 28.
 * `container`, `network`, `volume`, `daemon`… match the actor's ID or its `name` by prefix; `image` matches an
 * image event's ID or name, or a container event's image, with or without its tag; `label` needs every
 * `key[=value]` among the attributes.
 */
import type { EventMessage } from './events.js';
import { FilterArgs, type FilterMap } from './filters.js';
import { familiarName, parseNormalizedNamed } from '../../pkg/reference.js';

const BY_NAME = ['daemon', 'container', 'plugin', 'volume', 'network', 'node', 'service', 'secret', 'config'] as const;
/** With one of these, `event` matches by prefix (`exec_start` takes `exec_start: sh -c …`). */
const FUZZY_EVENTS = new Set(['health_status', 'exec_create', 'exec_start']);

export function eventFilter(raw: FilterMap): (e: EventMessage) => boolean {
  const f = new FilterArgs(raw);
  const fuzzyEvent = f.get('event').some((v) => FUZZY_EVENTS.has(v));
  return (e) => {
    const action = String(e.Action);
    if (!(fuzzyEvent ? f.fuzzyMatch('event', action) : f.exactMatch('event', action))) return false;
    if (!f.exactMatch('type', e.Type)) return false;
    if (f.contains('scope') && !f.exactMatch('scope', e.scope)) return false;
    const name = e.Actor.Attributes.name ?? '';
    for (const t of BY_NAME) if (!f.fuzzyMatch(t, e.Actor.ID) && !f.fuzzyMatch(t, name)) return false;
    if (!matchImage(f, e)) return false;
    return !f.contains('label') || f.matchKVList('label', e.Actor.Attributes);
  };
}

function matchImage(f: FilterArgs, e: EventMessage): boolean {
  const id = e.Actor.ID;
  const imageName = e.Actor.Attributes[e.Type === 'image' ? 'name' : 'image'] ?? '';
  return f.exactMatch('image', id) || f.exactMatch('image', imageName) || f.exactMatch('image', stripTag(id)) ||
    f.exactMatch('image', stripTag(imageName));
}

function stripTag(image: string): string {
  try {
    return familiarName(parseNormalizedNamed(image));
  } catch {
    return image;
  }
}
