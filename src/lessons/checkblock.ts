/** A ```check block: a YAML list, each item `- kind: { field: value, … }`, validated against the kind's schema. */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { ErrorList } from './errors.js';
import type { CheckSpec } from './model.js';
import { fieldProblem } from './checks/fields.js';
import { CHECKS, isCheckKind } from './checks/index.js';
import type { Check } from './checks/types.js';
import { parseYaml } from './yaml.js';

const KINDS = Object.keys(CHECKS).join(', ');

export function parseCheckBlock(text: string, firstLine: number, errors: ErrorList): CheckSpec[] {
  const src = parseYaml(text, firstLine, errors);
  if (!src) return [];
  const root = src.doc.contents;
  if (!isSeq(root) || root.items.length === 0) {
    errors.add(firstLine, 'a check block is a YAML list of checks: `- container: { name: web, state: running }`');
    return [];
  }
  const out: CheckSpec[] = [];
  for (const item of root.items as Node[]) {
    const line = src.lineOf(item);
    if (!isMap(item) || item.items.length !== 1) {
      errors.add(line, 'each check is a map with exactly one key naming its kind (`- image: { ref: ubuntu }`)');
      continue;
    }
    const pair = item.items[0];
    const kind = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!isCheckKind(kind)) {
      errors.add(line, `unknown check kind \`${kind}\` (known: ${KINDS})`);
      continue;
    }
    const value: unknown = pair.value === null ? {} : isMap(pair.value) ? pair.value.toJSON() : undefined;
    if (value === undefined || typeof value !== 'object' || value === null) {
      errors.add(line, `${kind}: the fields must be a map, e.g. \`- ${kind}: { … }\``);
      continue;
    }
    const fields = value as Record<string, unknown>;
    const schema = CHECKS[kind].schema;
    let ok = true;
    for (const [name, v] of Object.entries(fields)) {
      const t = name === 'not' ? ({ type: 'bool' } as const) : schema.fields[name];
      if (!t) {
        errors.add(line, `${kind}: unknown field \`${name}\` (known: ${[...Object.keys(schema.fields), 'not'].join(', ')})`);
        ok = false;
        continue;
      }
      const problem = fieldProblem(t, v);
      if (problem) {
        errors.add(line, `${kind}.${name}: ${problem}`);
        ok = false;
      }
    }
    for (const name of schema.required ?? []) {
      if (fields[name] === undefined) {
        errors.add(line, `${kind}: missing \`${name}\``);
        ok = false;
      }
    }
    const refined = ok ? schema.refine?.(fields) : undefined;
    if (refined) {
      errors.add(line, refined);
      ok = false;
    }
    if (ok) out.push({ check: { kind, ...fields } as Check, line });
  }
  return out;
}
