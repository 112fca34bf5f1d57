/**
 * Programmable completion specs (bash's `complete` registry) and how a command's completer is found:
 * a spec registered with `complete`, else — once bash-completion is loaded (`complete -D -F
 * _completion_loader`, which ~/.bashrc sources on Ubuntu) — its lazy loader reading
 * /usr/share/bash-completion/completions/<cmd> (cobra programs like docker register `-F __start_<cmd>`,
 * sudo `-F _sudo`).
 */
import type { ShellContext } from '../context.js';

export interface CompSpec {
  /** `-o` options (`default`, `nospace`, `filenames`…). */
  readonly options: readonly string[];
  readonly wordlist?: string;
  readonly command?: string;
  readonly func?: string;
}

const registries = new WeakMap<ShellContext, Map<string, CompSpec>>();

export function compspecs(sh: ShellContext): Map<string, CompSpec> {
  let m = registries.get(sh);
  if (!m) {
    m = new Map();
    registries.set(sh, m);
  }
  return m;
}

const COMPLETIONS_DIR = '/usr/share/bash-completion/completions';

/** Where `complete -D` keeps the default spec in the registry (no command can be named this). */
export const DEFAULT_SPEC = '-D';

/** The spec for a command word, loading a cobra completion file on first use as bash-completion does. */
export function findCompspec(sh: ShellContext, cmd: string): CompSpec | undefined {
  const reg = compspecs(sh);
  const base = cmd.slice(cmd.lastIndexOf('/') + 1);
  const spec = reg.get(cmd) ?? reg.get(base);
  if (spec || base === '' || sh.flavor !== 'bash') return spec;
  if (reg.get(DEFAULT_SPEC)?.func !== '_completion_loader') return undefined;
  let text: string;
  try {
    text = sh.sys.fs.readText(`${COMPLETIONS_DIR}/${base}`);
  } catch {
    return undefined;
  }
  // The registration line: cobra's GenBashCompletionV2 ends with `complete -o default -F __start_docker docker`.
  const m = /^\s*complete\s+((?:-o\s+\S+\s+)*)-F\s+(\S+)\s+(.+?)\s*$/m.exec(text);
  if (!m) return undefined;
  const loaded: CompSpec = { options: [...m[1].matchAll(/-o\s+(\S+)/g)].map((x) => x[1]), func: m[2] };
  for (const name of m[3].split(/\s+/)) reg.set(name, loaded);
  return loaded;
}

/** `complete -p` output for one spec. */
export function describeSpec(name: string, spec: CompSpec): string {
  let s = 'complete';
  for (const o of spec.options) s += ` -o ${o}`;
  if (spec.wordlist !== undefined) s += ` -W '${spec.wordlist.replace(/'/g, `'\\''`)}'`;
  if (spec.command !== undefined) s += ` -C '${spec.command.replace(/'/g, `'\\''`)}'`;
  if (spec.func !== undefined) s += ` -F ${spec.func}`;
  return name === DEFAULT_SPEC ? `${s} -D` : `${s} ${name}`;
}
