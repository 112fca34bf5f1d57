/** The `---` front matter of a lesson file: split off, parsed, and checked field by field. */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { ErrorList } from './errors.js';
import { parseCheckBlock } from './checkblock.js';
import type { CheckSpec, FrontMatter } from './model.js';
import { ID_PATTERN } from './frontmatterSplit.js';
import { parseYaml } from './yaml.js';

export { ID_PATTERN, splitFrontMatter } from './frontmatterSplit.js';

const FIELDS = ['id', 'chapter', 'section', 'order', 'title', 'summary', 'setup', 'assumes'] as const;

export function parseFrontMatter(yaml: string, errors: ErrorList): FrontMatter | null {
  const src = parseYaml(yaml, 2, errors);
  if (!src) return null;
  const root = src.doc.contents;
  if (!isMap(root)) {
    errors.add(2, 'front matter must be a YAML map (`key: value` lines)');
    return null;
  }
  const got = new Map<string, { value: unknown; line: number }>();
  let assumes: CheckSpec[] = [];
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const line = src.lineOf(pair.key as never);
    if (!(FIELDS as readonly string[]).includes(key)) {
      errors.add(line, `front matter: unknown field \`${key}\` (known: ${FIELDS.join(', ')})`);
      continue;
    }
    const v = pair.value;
    if (key === 'assumes') {
      assumes = parseAssumes(yaml, v as Node | null, line, src.lineOf(v as never), errors);
      continue;
    }
    got.set(key, { value: isSeq(v) || isMap(v) ? v.toJSON() : isScalar(v) ? v.value : null, line });
  }
  const before = errors.errors.length;
  const field = <T>(name: string, check: (v: unknown) => v is T, want: string, required = true): T | undefined => {
    const f = got.get(name);
    if (!f) {
      if (required) errors.add(1, `front matter: missing \`${name}\``);
      return undefined;
    }
    if (!check(f.value)) {
      errors.add(f.line, `front matter: \`${name}\` must be ${want}, got ${describe(f.value)}`);
      return undefined;
    }
    return f.value;
  };
  const isStr = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
  const id = field('id', (v): v is string => typeof v === 'string' && ID_PATTERN.test(v), 'made of a-z, 0-9 and -');
  const chapter = field('chapter', (v): v is number => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 5, '1, 2, 3, 4 or 5');
  const section = field('section', isStr, 'a quoted string such as "3.2"');
  const order = field('order', (v): v is number => Number.isInteger(v) && (v as number) >= 1, 'a whole number ≥ 1');
  const title = field('title', isStr, 'a non-empty string');
  const summary = field('summary', isStr, 'a non-empty string');
  const setup = field(
    'setup',
    (v): v is string[] => Array.isArray(v) && v.every((l) => typeof l === 'string' && !l.includes('\n')),
    'a list of shell lines',
    false,
  );
  if (errors.errors.length > before) return null;
  return {
    id: id!, chapter: chapter!, section: section!, order: order!, title: title!, summary: summary!, setup: setup ?? [], assumes,
  };
}

/**
 * `assumes:` is a check list like a step's ```check block: the same kinds and fields, validated by the same code
 * on the value's own lines (cut from the start of its first line, so a block list keeps its indentation).
 */
function parseAssumes(yaml: string, v: Node | null, keyLine: number, valueLine: number, errors: ErrorList): CheckSpec[] {
  if (!isSeq(v) || v.items.length === 0 || !v.range) {
    errors.add(keyLine, 'front matter: `assumes` must be a list of checks (`- image: { ref: ubuntu, not: true }`)');
    return [];
  }
  const lineStart = yaml.lastIndexOf('\n', v.range[0] - 1) + 1;
  const from = yaml.slice(lineStart, v.range[0]).trim() === '' ? lineStart : v.range[0];
  return parseCheckBlock(yaml.slice(from, v.range[1]), valueLine, errors);
}

function describe(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  return `${typeof v} ${String(v)}`;
}
