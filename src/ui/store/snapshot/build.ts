/**
 * The daemon's builds for the images panel, from its build record (DaemonQuery.builds): the latest, live while it
 * runs, and the ones before it. The record changes once per step start and end, never per line of output, and
 * replaces only what changed: a step whose record is the same object keeps its view, and a build whose record is
 * the same object keeps its view, so the panel re-renders only the step that moved and never the earlier builds
 * while one runs.
 */
import type { BuildRecord, BuildStep, DaemonQuery } from '../../../engine/daemon/query.js';
import type { BuildStepView, BuildView } from './types.js';

/** How many builds before the latest the panel lists (the daemon's record keeps 20). */
export const MAX_EARLIER_BUILDS = 10;

const ms = (start: bigint, end: bigint | null): number | null => (end === null ? null : Number((end - start) / 1_000_000n));

function stepView(s: BuildStep): BuildStepView {
  return {
    label: s.label, instruction: s.instruction, cached: s.cached, status: s.status, imageId: s.imageId, layerId: s.layerId, size: s.size, error: s.error,
    ms: ms(s.startNs, s.endNs),
  };
}

const NONE: readonly BuildView[] = [];

/** Turns records into views, remembering the last record and view of each build so unchanged parts keep identity. */
export class BuildViews {
  /** By build seq, only for builds the record still keeps. */
  private readonly views = new Map<number, { readonly record: BuildRecord; readonly view: BuildView }>();
  private readonly steps = new WeakMap<BuildStep, BuildStepView>();
  private earlierViews: readonly BuildView[] = NONE;

  /** The latest build's view (null before the first build). */
  latest(query: DaemonQuery): BuildView | null {
    const all = query.builds();
    return all.length > 0 ? this.viewOf(all[all.length - 1]) : null;
  }

  /** The builds before the latest, newest first, at most MAX_EARLIER_BUILDS; the same array while none changed. */
  earlier(query: DaemonQuery): readonly BuildView[] {
    const all = query.builds();
    const next: BuildView[] = [];
    for (let i = all.length - 2; i >= 0 && next.length < MAX_EARLIER_BUILDS; i--) next.push(this.viewOf(all[i]));
    if (this.views.size > all.length) {
      const kept = new Set(all.map((r) => r.seq));
      for (const seq of this.views.keys()) if (!kept.has(seq)) this.views.delete(seq);
    }
    const prev = this.earlierViews;
    if (next.length !== prev.length || next.some((v, i) => v !== prev[i])) this.earlierViews = next.length > 0 ? next : NONE;
    return this.earlierViews;
  }

  private viewOf(r: BuildRecord): BuildView {
    const known = this.views.get(r.seq);
    if (known?.record === r) return known.view;
    const view = this.toView(r, known?.view ?? null);
    this.views.set(r.seq, { record: r, view });
    return view;
  }

  private toView(r: BuildRecord, prev: BuildView | null): BuildView {
    const steps = r.steps.map((s) => {
      let v = this.steps.get(s);
      if (!v) this.steps.set(s, (v = stepView(s)));
      return v;
    });
    const same = prev !== null && prev.steps.length === steps.length && prev.steps.every((s, i) => s === steps[i]);
    return {
      seq: r.seq, builder: r.builder, tags: r.tags, steps: same ? prev.steps : steps, outcome: r.outcome, error: r.error, imageId: r.imageId,
      ms: ms(r.startNs, r.endNs),
    };
  }
}
