import type { BuildRecord, BuildStep } from '../../engine/daemon/query.js';
import { bool, int, str } from './fields.js';
import { normalizeRef } from './lookup.js';
import { say, type Said } from './said.js';
import { defineCheck, type BuildCheck } from './types.js';

/** The number in the builder's label: `[2/4]`, `[builder 2/4]`, `Step 2/5` → 2. */
function stepNumber(s: BuildStep): number | undefined {
  const m = /(\d+)\/\d+/.exec(s.label);
  return m ? Number(m[1]) : undefined;
}

const words = (s: string): string => s.trim().replace(/\s+/g, ' ');

function stepSaid(s: BuildStep): Said {
  const v = { label: s.label, instruction: s.instruction };
  if (s.status === 'running') return say('buildStepRunning', v);
  if (s.status === 'failed') return say('buildStepFailed', v);
  return say(s.cached ? 'buildStepCached' : 'buildStepBuilt', v);
}

/**
 * The daemon's latest build tagged `tag` (any build without it) answered a step from the cache (`cached: true`)
 * or ran it (`cached: false`), or, without `cached`, has that step at all (built from a Dockerfile with that
 * instruction): the step by the builder's number (`[2/4]`, `Step 2/5`) or by its instruction as the Dockerfile
 * wrote it, or, without either, every step. Read from
 * the daemon's build record, what `CACHED` / `---> Using cache` showed; a step still running is neither.
 */
export const buildCheck = defineCheck<BuildCheck>({
  kind: 'build',
  schema: {
    fields: { tag: str, step: int(1), instruction: str, cached: bool },
    required: [],
    refine(v) {
      if (v.tag !== undefined && normalizeRef(String(v.tag)) === undefined) return `build.tag: invalid reference format: ${JSON.stringify(v.tag)}`;
      if (v.step !== undefined && v.instruction !== undefined) return 'build: give `step` or `instruction`, not both';
      if (typeof v.instruction === 'string' && !/^[A-Z]+\s+\S/.test(v.instruction.trim())) {
        return `build.instruction: expected an instruction as the Dockerfile writes it (RUN apt-get update), got ${JSON.stringify(v.instruction)}`;
      }
      return undefined;
    },
  },
  evaluate(k, { machine }) {
    const want = k.tag === undefined ? undefined : normalizeRef(k.tag);
    const builds = machine.query.builds();
    let build: BuildRecord | undefined;
    for (let i = builds.length - 1; i >= 0 && !build; i--) {
      if (want === undefined || builds[i].tags.some((t) => normalizeRef(t) === want)) build = builds[i];
    }
    const tag = k.tag ?? '';
    if (!build) return { holds: false, found: k.tag === undefined ? say('noBuild') : say('noBuildOf', { tag }) };
    const of = (steps: readonly BuildStep[]): Said => say(k.tag === undefined ? 'lastBuild' : 'lastBuildOf', { tag, steps: steps.map(stepSaid) });
    const answered = (s: BuildStep): boolean => s.status !== 'running' && (k.cached === undefined || (k.cached ? s.cached : !s.cached));
    if (k.step === undefined && k.instruction === undefined) {
      const holds = build.steps.length > 0 && build.steps.every(answered);
      return { holds, found: of(build.steps) };
    }
    const step = k.instruction ?? String(k.step);
    const s = k.instruction === undefined
      ? build.steps.find((x) => stepNumber(x) === k.step)
      : build.steps.find((x) => words(x.instruction) === words(step));
    if (!s) return { holds: false, found: say('buildNoStep', { step, build: of(build.steps) }) };
    return { holds: answered(s), found: of([s]) };
  },
});
