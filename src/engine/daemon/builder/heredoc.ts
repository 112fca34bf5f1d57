/**
 * Here-documents in RUN, COPY and ADD as BuildKit's dockerfile2llb uses them (dispatchRun, dispatchCopy). The
 * legacy builder parses them too (the same parser) but reads only the instruction's line: its RUN hands the shell
 * `<<EOF` with no body, and its COPY/ADD leave the here-document sources out.
 */
import type { TarEntry } from '../../../pkg/archive/tar.js';
import { sha256Hex } from '../../fs/sha256.js';
import { utf8Encode } from '../../kernel/utf8.js';
import { chompHeredoc, parseHeredoc, type Node } from './dockerfile/parser.js';
import { expandHeredoc, processWord, type EnvLookup } from './dockerfile/shell.js';
import type { CopySource } from './copy.js';

/** The shell-form RUN's command, with what its here-documents make of it. */
export interface RunLine {
  /** The string the shell runs (`/bin/sh -c <cmd>`). */
  readonly cmd: string;
  /** ` (first line...)` after the step's name, for a lone here-document; '' otherwise. */
  readonly suffix: string;
  /** A lone here-document starting with `#!`: the file run as a script, read-only at `/dev/pipes/<name>`. */
  readonly script: { readonly name: string; readonly data: string } | null;
}

export const PIPES_DIR = '/dev/pipes';

/** summarizeHeredoc: the body's first line, `...` if there are more. */
function summarize(doc: string): string {
  const lines = doc.trim().replace(/\r\n/g, '\n').split('\n');
  return lines[0] + (lines.length > 1 ? '...' : '');
}

/**
 * dispatchRun: a RUN that is one here-document runs its body (tabs off for `<<-`) as the shell's command, or as
 * a script when it starts with `#!`; any other line keeps the shell's own here-documents, the bodies written
 * back after it.
 */
export function runLine(n: Node): RunLine {
  const line = n.args.join(' ');
  const docs = n.heredocs ?? [];
  if (n.json || docs.length === 0) return { cmd: line, suffix: '', script: null };
  if (parseHeredoc(line)) {
    const doc = docs[0];
    const data = doc.chomp ? chompHeredoc(doc.content) : doc.content;
    const suffix = ` (${summarize(doc.content)})`;
    if (doc.content.startsWith('#!')) return { cmd: `${PIPES_DIR}/${doc.name}`, suffix, script: { name: doc.name, data } };
    return { cmd: data, suffix, script: null };
  }
  return { cmd: line + docs.map((d) => `\n${d.content}${d.name}`).join(''), suffix: '', script: null };
}

/** A COPY/ADD word that names a here-document rather than a path. */
export const isHeredocWord = (w: string): boolean => parseHeredoc(w) !== null;

/**
 * parseSourcesAndDest's SourceContents as files: each named by its delimiter, mode 0644, dated now, its body
 * expanded with the stage's environment unless the delimiter was quoted.
 */
export function heredocSources(n: Node, env: EnvLookup, mtimeMs: number): CopySource[] {
  const byName = new Map((n.heredocs ?? []).map((h) => [h.name, h]));
  const out: CopySource[] = [];
  for (const w of n.args.slice(0, -1)) {
    const h = parseHeredoc(w);
    if (!h) continue;
    let data = byName.get(h.name)?.content ?? '';
    if (h.chomp) data = chompHeredoc(data);
    if (h.expand) data = expandHeredoc(data, env);
    const bytes = utf8Encode(data);
    const entry: TarEntry = { name: h.name, type: 'file', mode: 0o644, uid: 0, gid: 0, uname: '', gname: '', mtime: Math.floor(mtimeMs / 1000), data: bytes };
    out.push({ hash: `file:${sha256Hex(bytes)}`, entries: [['', entry]], isDir: false, base: h.name.split('/').pop() ?? h.name, archive: false });
  }
  return out;
}

/**
 * dispatchCopy's history line: the instruction, `--chown`/`--chmod` as expanded, the paths, `<<NAME` for each
 * here-document, the destination (no `--from`: the commit message never had it).
 */
export function copyMessage(n: Node, flags: Readonly<Record<string, string>>, paths: readonly string[], dest: string, env: EnvLookup): string {
  let m = n.cmd.toUpperCase();
  if (flags.chown) m += ` --chown=${processWord(flags.chown, env, n.escape)}`;
  if (flags.chmod) m += ` --chmod=${processWord(flags.chmod, env, n.escape)}`;
  for (const p of paths) m += ` ${p}`;
  for (const w of n.args.slice(0, -1)) {
    const h = parseHeredoc(w);
    if (h) m += ` <<${h.name}`;
  }
  return `${m} ${dest}`;
}
