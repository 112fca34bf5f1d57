/**
 * The field schema of a check kind: what the validator accepts and how it names a wrong value. Kept as data so
 * one loop validates every kind and the README's table can be checked against it.
 */
export type FieldType =
  | { readonly type: 'string' }
  | { readonly type: 'bool' }
  /** A whole number ≥ min. */
  | { readonly type: 'int'; readonly min?: number }
  | { readonly type: 'enum'; readonly values: readonly (string | number)[] };

export const str: FieldType = { type: 'string' };
export const bool: FieldType = { type: 'bool' };
export const int = (min?: number): FieldType => ({ type: 'int', min });
export const oneOf = (...values: (string | number)[]): FieldType => ({ type: 'enum', values });

export interface KindSchema {
  readonly fields: Readonly<Record<string, FieldType>>;
  readonly required?: readonly string[];
  /** Rules across fields (`contains` or `lines`); returns a message, or undefined when fine. */
  readonly refine?: (value: Readonly<Record<string, unknown>>) => string | undefined;
}

/** Why `value` is not a valid `t`, or undefined when it is. */
export function fieldProblem(t: FieldType, value: unknown): string | undefined {
  switch (t.type) {
    case 'string':
      return typeof value === 'string' ? undefined : `expected a string, got ${show(value)}`;
    case 'bool':
      return typeof value === 'boolean' ? undefined : `expected true or false, got ${show(value)}`;
    case 'int':
      if (typeof value !== 'number' || !Number.isInteger(value)) return `expected a whole number, got ${show(value)}`;
      return t.min !== undefined && value < t.min ? `expected a number ≥ ${t.min}, got ${value}` : undefined;
    case 'enum':
      return t.values.includes(value as string | number)
        ? undefined
        : `expected one of ${t.values.join(', ')}, got ${show(value)}`;
  }
}

export function show(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object') return Array.isArray(value) ? 'a list' : 'a map';
  return String(value);
}
