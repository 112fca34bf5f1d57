/**
 * /etc/docker/daemon.json as dockerd reads it at start (moby daemon/config getConflictFreeConfiguration): no
 * file or an empty one is no configuration; JSON errors and directives dockerd does not have stop the start
 * with `unable to configure the Docker daemon with file …`. Of the real directives the simulation acts on
 * `insecure-registries` only; any other is refused in one line rather than ignored.
 */
import { isSysError } from '../../engine/kernel/errno.js';
import type { Sys } from '../../engine/kernel/sys.js';
import { checkSyntax } from '../../pkg/gojson.js';

export const DAEMON_JSON = '/etc/docker/daemon.json';

export interface FileConfig {
  readonly insecureRegistries: readonly string[];
}

/** What the file says, or the line dockerd prints before it exits 1. `known` tells dockerd's own directives. */
export async function readDaemonJson(sys: Sys, path: string, known: (key: string) => Promise<boolean>): Promise<FileConfig | string> {
  let text: string;
  try {
    text = sys.fs.readText(path);
  } catch (e) {
    if (!isSysError(e)) throw e;
    return { insecureRegistries: [] };
  }
  const fail = (why: string): string => `unable to configure the Docker daemon with file ${path}: ${why}`;
  if (text.trim() === '') return { insecureRegistries: [] };
  const syntax = checkSyntax(text);
  if (syntax.error !== null) return fail(syntax.error);
  const v = JSON.parse(text) as unknown;
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return fail(`json: cannot unmarshal ${Array.isArray(v) ? 'array' : typeof v} into Go value of type map[string]interface {}`);
  const o = v as Record<string, unknown>;
  const unknown: string[] = [];
  const unsimulated: string[] = [];
  for (const k of Object.keys(o)) {
    if (k === 'insecure-registries') continue;
    if (await known(k)) unsimulated.push(k);
    else unknown.push(k);
  }
  if (unknown.length > 0) return fail(`the following directives don't match any configuration option: ${unknown.join(', ')}`);
  if (unsimulated.length > 0) return `dockerd: ${path}: "${unsimulated[0]}" is not simulated in dockersim`;
  const ir = o['insecure-registries'];
  if (ir !== undefined && (!Array.isArray(ir) || ir.some((x) => typeof x !== 'string'))) {
    return fail('json: cannot unmarshal into Go struct field Config.insecure-registries of type []string');
  }
  return { insecureRegistries: (ir ?? []) as string[] };
}
