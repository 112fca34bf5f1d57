/** Evaluates a step's checks against the live machine. Pure reads: evaluating never changes the simulation. */
import { definitionOf } from './checks/index.js';
import type { Check, CheckContext } from './checks/types.js';
import { say, sayIn, type Said } from './checks/said.js';
import type { CheckSpec, Step } from './model.js';

export interface CheckResult {
  readonly check: Check;
  /** Source line of the check, for authors. */
  readonly line: number;
  readonly passed: boolean;
  /** What the machine showed, e.g. `terminal 1: docker → bash in web` (in English: for authors and test failures). */
  readonly found: string;
  /** The same, for the learner in either language (sayIn). */
  readonly said: Said;
  /** The check cannot pass any more as things are; `said` tells the learner why and how to get back on track. */
  readonly stuck?: boolean;
}

export interface StepEvaluation {
  /** Every check holds (a step without checks, the recap, never passes). */
  readonly passed: boolean;
  readonly results: readonly CheckResult[];
}

export function evaluateCheck(spec: CheckSpec, ctx: CheckContext): CheckResult {
  let holds: boolean;
  let said: Said;
  let stuck: boolean | undefined;
  try {
    ({ holds, found: said, stuck } = definitionOf(spec.check.kind).evaluate(spec.check, ctx));
  } catch (e) {
    // A check must never take the lesson down; a throwing check is a failed one, with the reason shown.
    said = say('checkError', { message: (e as Error).message });
    return { check: spec.check, line: spec.line, passed: false, found: sayIn(said, 'en'), said };
  }
  const passed = spec.check.not ? !holds : holds;
  return { check: spec.check, line: spec.line, passed, found: sayIn(said, 'en'), said, ...(stuck && !passed ? { stuck } : {}) };
}

export function evaluateStep(step: Step, ctx: CheckContext): StepEvaluation {
  const results = step.checks.map((c) => evaluateCheck(c, ctx));
  return { passed: results.length > 0 && results.every((r) => r.passed), results };
}

/** `container: { name: web, state: running }`: a check as the lesson file wrote it (for panels and errors). */
export function describeCheck(check: Check): string {
  const { kind, ...fields } = check;
  const parts = Object.entries(fields).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
  return `${kind}: { ${parts.join(', ')} }`;
}
