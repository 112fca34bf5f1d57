/**
 * Checks JSON bodies against the official Engine API definition (Swagger 2.0) with ajv: `#/definitions/…`
 * refs point into one registered schema, `x-nullable` allows null, unknown keywords and formats are ignored.
 */
import { readFileSync } from 'node:fs';
import Ajv, { type ValidateFunction } from 'ajv';
import { parse } from 'yaml';

const SPEC = '/work/shared/reference/engine-api-v1.50.swagger.yaml';
export const SPEC_AVAILABLE = (() => {
  try {
    readFileSync(SPEC);
    return true;
  } catch {
    return false;
  }
})();

type Schema = Record<string, unknown>;

/**
 * Where moby's answers are right and the definition is silent: Go's encoding/json writes a nil slice or map
 * as `null` (`"Binds": null`, `"Warnings": null` on every real daemon), and these pointer fields are `null`
 * when unset. The definition marks neither as x-nullable.
 */
const GO_POINTER_FIELDS = new Set(['MemorySwappiness', 'OomKillDisable', 'PidsLimit', 'Init']);
interface Operation {
  responses: Record<string, { schema?: Schema }>;
}

function convert(s: unknown): unknown {
  if (Array.isArray(s)) return s.map(convert);
  if (s === null || typeof s !== 'object') return s;
  const o = s as Schema;
  const out: Schema = {};
  for (const [k, v] of Object.entries(o)) {
    if (k === '$ref' && typeof v === 'string') out.$ref = v.replace('#/definitions/', 'swagger#/definitions/');
    else if (k === 'example' || k === 'x-go-name' || k === 'x-nullable' || k === 'x-omitempty') continue;
    else out[k] = convert(v);
  }
  if (o.type === 'array' || (o.type === 'object' && !o.properties)) {
    out.type = [o.type, 'null'];
  }
  if (o.properties && typeof o.properties === 'object') {
    for (const [name, prop] of Object.entries(out.properties as Schema)) {
      const p = prop as Schema;
      if (GO_POINTER_FIELDS.has(name) && typeof p.type === 'string') p.type = [p.type, 'null'];
    }
  }
  if (o['x-nullable'] === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else if (out.$ref) return { anyOf: [{ $ref: out.$ref }, { type: 'null' }] };
    if (Array.isArray(out.enum)) out.enum = [...(out.enum as unknown[]), null];
  }
  return out;
}

export interface Violation {
  readonly where: string;
  readonly errors: string;
}

export class SwaggerValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  private readonly ops: Array<{ method: string; re: RegExp; op: Operation }> = [];
  private readonly cache = new Map<string, ValidateFunction>();
  readonly violations: Violation[] = [];
  checked = 0;

  constructor() {
    const doc = parse(readFileSync(SPEC, 'utf8')) as { definitions: Schema; paths: Record<string, Record<string, Operation>> };
    this.ajv.addSchema({ $id: 'swagger', definitions: convert(doc.definitions) });
    for (const [path, methods] of Object.entries(doc.paths)) {
      const body = path.replace(/\{name\}/g, '(.+)').replace(/\{\w+\}/g, '([^/]+)');
      for (const [method, op] of Object.entries(methods)) {
        if (method !== 'parameters') this.ops.push({ method: method.toUpperCase(), re: new RegExp(`^${body}$`), op });
      }
    }
    // Exact paths first (`/images/create` before `/images/{name}/…`).
    this.ops.sort((a, b) => a.re.source.length - b.re.source.length);
  }

  /** The schema of one response, or null when the definition has none (204, streams). */
  private schemaFor(method: string, path: string, status: number): { key: string; schema: Schema } | null {
    const bare = path.replace(/^\/v[0-9.]+(?=\/)/, '').split('?')[0];
    const hits = this.ops.filter((o) => o.method === method && o.re.test(bare));
    const exact = hits.find((o) => !o.re.source.includes('(')) ?? hits[0];
    if (!exact) return null;
    const r = exact.op.responses[String(status)];
    if (!r?.schema) return null;
    return { key: `${method} ${exact.re.source} ${status}`, schema: r.schema };
  }

  private compiled(key: string, schema: Schema): ValidateFunction {
    let v = this.cache.get(key);
    if (!v) this.cache.set(key, (v = this.ajv.compile(convert(schema) as Schema)));
    return v;
  }

  /** Validates a whole JSON response body. */
  response(method: string, path: string, status: number, body: unknown): void {
    const s = this.schemaFor(method, path, status);
    if (!s) return;
    this.check(`${method} ${path} → ${status}`, this.compiled(s.key, s.schema), body);
  }

  /** Validates one value against a named definition (a line of pull progress: CreateImageInfo). */
  definition(name: string, where: string, value: unknown): void {
    this.check(where, this.compiled(`def:${name}`, { $ref: `#/definitions/${name}` }), value);
  }

  private check(where: string, v: ValidateFunction, value: unknown): void {
    this.checked++;
    if (!v(value)) this.violations.push({ where, errors: this.ajv.errorsText(v.errors) });
  }
}
