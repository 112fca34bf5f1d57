/**
 * Shell arithmetic (`$((…))`, `((…))`, `let`): C integer expressions on shell variables, 64-bit as bash. No
 * login computes any before its first prompt, so the evaluator (arithEval.ts) comes after it (machine/late.ts).
 */
import { LateSlot } from '../../engine/kernel/late.js';

export interface ArithVars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

/** bash's wording: `1/0 : division by 0 (error token is "0 ")`. */
export class ArithError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArithError';
  }
}

export const LATE_ARITH = new LateSlot<(text: string, vars: ArithVars, depth?: number) => bigint>('shell arithmetic');

export function evalArith(text: string, vars: ArithVars, depth = 0): bigint {
  return LATE_ARITH.get()(text, vars, depth);
}
