/**
 * The daemon's latest build for the images panel, from its build record (DaemonQuery.builds). The record changes
 * once per step start and end, never per line of output, and replaces only what changed: a step whose record
 * is the same object keeps its view, so the panel re-renders only the step that moved.
 */
import type { BuildRecord, BuildStep, DaemonQuery } from '../../../engine/daemon/query.js';
import type { BuildStepView, BuildView } from './types.js';

const ms = (start: bigint, end: bigint | null): number | null => (end === null ? null : Number((end - start) / 1_000_000n));

function stepView(s: BuildStep): BuildStepView {
  return {
    label: s.label, instruction: s.instruction, cached: s.cached, status: s.status, imageId: s.imageId, layerId: s.layerId, size: s.size, error: s.error,
    ms: ms(s.startNs, s.endNs),
  };
}

/** Turns records into views, remembering the last record and step it saw so unchanged parts keep identity. */
export class BuildViews {
  private record: BuildRecord | null = null;
  private view: BuildView | null = null;
  private readonly steps = new WeakMap<BuildStep, BuildStepView>();

  /** The latest build's view (null before the first build). */
  latest(query: DaemonQuery): BuildView | null {
    const all = query.builds();
    const r = all.length > 0 ? all[all.length - 1] : null;
    if (r === this.record) return this.view;
    this.record = r;
    this.view = r && this.toView(r);
    return this.view;
  }

  private toView(r: BuildRecord): BuildView {
    const prev = this.view?.seq === r.seq ? this.view : null;
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
