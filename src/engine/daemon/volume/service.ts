/**
 * The volume endpoints (moby volume/service VolumesService and api/server/router/volume): list with its
 * filters, create, inspect, remove, prune. Prune takes only anonymous volumes unless `all=true`, as since
 * API 1.42.
 */
import { invalidParameter } from '../../../pkg/errdefs.js';
import { FilterArgs, type FilterMap } from '../filters.js';
import type { DaemonStore } from '../store.js';
import { notSimulated } from '../unsimulated.js';
import { volumeJSON } from './inspect.js';
import { ANONYMOUS_LABEL, volumeStore, type Volume } from './store.js';

type Json = Record<string, unknown>;

const LIST_FILTERS: ReadonlySet<string> = new Set(['dangling', 'name', 'driver', 'label']);
const PRUNE_FILTERS: ReadonlySet<string> = new Set(['label', 'label!', 'all']);

function byLabel(f: FilterArgs, v: Volume): boolean {
  if (f.contains('label') && !f.matchKVList('label', v.Labels)) return false;
  if (f.contains('label!') && f.get('label!').length > 0) {
    const labels = v.Labels ?? {};
    for (const l of f.get('label!')) {
      const eq = l.indexOf('=');
      const key = eq < 0 ? l : l.slice(0, eq);
      if (Object.prototype.hasOwnProperty.call(labels, key) && (eq < 0 || labels[key] === l.slice(eq + 1))) return false;
    }
  }
  return true;
}

export function volumeList(engine: DaemonStore, raw: FilterMap = {}): Json {
  const f = new FilterArgs(raw);
  f.validate(LIST_FILTERS);
  const vs = volumeStore(engine);
  const dangling = f.contains('dangling') ? f.getBoolOrDefault('dangling', false) : null;
  const out = vs.all().filter((v) => {
    if (f.contains('driver') && !f.get('driver').includes(v.Driver)) return false;
    if (f.contains('name') && !f.match('name', v.Name)) return false;
    if (!byLabel(f, v)) return false;
    if (dangling !== null && (vs.refCount(v.Name) > 0) === dangling) return false;
    return true;
  });
  return { Volumes: out.map((v) => volumeJSON(v, vs.path(v.Name))), Warnings: null };
}

/** POST /volumes/create (volume.CreateOptions). */
export function volumeCreate(engine: DaemonStore, body: Json): Json {
  const driver = (body.Driver as string | undefined) ?? '';
  if (driver !== '' && driver !== 'local') throw notSimulated(`volume driver "${driver}" (--driver)`);
  if (body.ClusterVolumeSpec) throw notSimulated('cluster volumes');
  const vs = volumeStore(engine);
  const v = vs.create((body.Name as string | undefined) ?? '', {
    labels: (body.Labels as Record<string, string> | null | undefined) ?? null,
    options: (body.DriverOpts as Record<string, string> | null | undefined) ?? null,
  });
  return volumeJSON(v, vs.path(v.Name));
}

export function volumeInspect(engine: DaemonStore, name: string): Json {
  const vs = volumeStore(engine);
  return volumeJSON(vs.get(name), vs.path(name));
}

export function volumeRemove(engine: DaemonStore, name: string, force: boolean): void {
  volumeStore(engine).remove(name, force);
}

/** VolumesService.Prune: unreferenced local volumes matching the filters, anonymous ones only without all=true. */
export function volumesPrune(engine: DaemonStore, raw: FilterMap = {}): { VolumesDeleted: string[] | null; SpaceReclaimed: number } {
  const f = new FilterArgs(raw);
  const all = f.get('all');
  if (all.length > 1) throw invalidParameter(`invalid filter 'all=[${all.join(' ')}]': only one value is expected`);
  let everything = false;
  if (all.length === 1) {
    const b = ({ 1: true, t: true, T: true, TRUE: true, true: true, True: true, 0: false, f: false, F: false, FALSE: false, false: false, False: false } as Record<string, boolean>)[all[0]];
    if (b === undefined) throw invalidParameter(`invalid filter 'all': strconv.ParseBool: parsing "${all[0]}": invalid syntax`);
    everything = b;
  }
  const withAnon: Record<string, string[]> = { ...raw } as Record<string, string[]>;
  if (!everything) withAnon.label = [...(raw.label ?? []), ANONYMOUS_LABEL];
  const g = new FilterArgs(withAnon);
  g.validate(PRUNE_FILTERS);
  const vs = volumeStore(engine);
  const deleted: string[] = [];
  let reclaimed = 0;
  for (const v of vs.all()) {
    if (vs.refCount(v.Name) > 0 || !byLabel(g, v)) continue;
    const size = vs.size(v.Name);
    vs.remove(v.Name);
    reclaimed += size;
    deleted.push(v.Name);
  }
  engine.events.log('volume', 'prune', { ID: '', Attributes: { reclaimed: String(reclaimed) } });
  return { VolumesDeleted: deleted, SpaceReclaimed: reclaimed };
}

/** LocalVolumesSize: every local volume without driver options, with UsageData (bytes on disk, references). */
export function volumesDiskUsage(engine: DaemonStore): Json[] {
  const vs = volumeStore(engine);
  return vs.all().map((v) => ({ ...volumeJSON(v, vs.path(v.Name)), UsageData: { RefCount: vs.refCount(v.Name), Size: vs.size(v.Name) } }));
}
