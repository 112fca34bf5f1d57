/**
 * nginx's configuration reader (ngx_conf_file.c): the tokenizer, `include` with globs, and the checks every
 * directive gets before its handler runs (the context it may appear in, its argument count, block or not), with
 * nginx's own wording: `unknown directive "foo" in /etc/nginx/nginx.conf:12`. What a directive means is
 * model.ts's business; this file only builds the tree.
 */
import type { Fs } from '../../engine/kernel/fsTypes.js';
import { isSysError } from '../../engine/kernel/errno.js';
import { errnoText } from './errno.js';

export type Context = 'main' | 'events' | 'http' | 'server' | 'location' | 'types';

export interface Directive {
  readonly name: string;
  readonly args: readonly string[];
  /** `/etc/nginx/nginx.conf:12`, or `command line` for -g. */
  readonly where: string;
  readonly block?: readonly Directive[];
}

/** A configuration error, worded and placed as nginx reports it (`… in FILE:LINE`). */
export class ConfError extends Error {
  constructor(message: string, readonly where: string | null) {
    super(message);
  }

  /** The text after `[emerg] `. */
  get text(): string {
    return this.where === null ? this.message : `${this.message} in ${this.where}`;
  }
}

type Arity = 'flag' | readonly [min: number, max: number];

interface Spec {
  readonly ctx: readonly Context[];
  readonly args: Arity;
  readonly block?: boolean;
}

const MANY = 1000;
const HSL: readonly Context[] = ['http', 'server', 'location'];
const SL: readonly Context[] = ['server', 'location'];
const ANY: readonly Context[] = ['main', 'events', 'http', 'server', 'location', 'types'];

/**
 * The directives dockersim models, with the contexts and argument counts nginx's modules declare. Those at the
 * end are real nginx directives whose effect no simulated client can observe (sendfile, TLS settings with no TLS
 * listener): accepted as nginx accepts them.
 */
export const DIRECTIVES: Readonly<Record<string, Spec>> = {
  user: { ctx: ['main'], args: [1, 2] },
  worker_processes: { ctx: ['main'], args: [1, 1] },
  pid: { ctx: ['main'], args: [1, 1] },
  daemon: { ctx: ['main'], args: 'flag' },
  master_process: { ctx: ['main'], args: 'flag' },
  error_log: { ctx: ['main', 'http', 'server', 'location'], args: [1, MANY] },
  include: { ctx: ANY, args: [1, 1] },
  load_module: { ctx: ['main'], args: [1, 1] },
  worker_rlimit_nofile: { ctx: ['main'], args: [1, 1] },
  env: { ctx: ['main'], args: [1, 1] },
  events: { ctx: ['main'], args: [0, 0], block: true },
  worker_connections: { ctx: ['events'], args: [1, 1] },
  multi_accept: { ctx: ['events'], args: 'flag' },
  use: { ctx: ['events'], args: [1, 1] },
  http: { ctx: ['main'], args: [0, 0], block: true },
  server: { ctx: ['http'], args: [0, 0], block: true },
  listen: { ctx: ['server'], args: [1, MANY] },
  server_name: { ctx: ['server'], args: [1, MANY] },
  location: { ctx: SL, args: [1, 2], block: true },
  root: { ctx: [...HSL], args: [1, 1] },
  alias: { ctx: ['location'], args: [1, 1] },
  index: { ctx: HSL, args: [1, MANY] },
  autoindex: { ctx: HSL, args: 'flag' },
  try_files: { ctx: SL, args: [2, MANY] },
  return: { ctx: SL, args: [1, 2] },
  error_page: { ctx: HSL, args: [2, MANY] },
  access_log: { ctx: HSL, args: [1, MANY] },
  log_format: { ctx: ['http'], args: [2, MANY] },
  types: { ctx: HSL, args: [0, 0], block: true },
  default_type: { ctx: HSL, args: [1, 1] },
  server_tokens: { ctx: HSL, args: [1, 1] },
  add_header: { ctx: HSL, args: [2, 3] },
  keepalive_timeout: { ctx: HSL, args: [1, 2] },
  keepalive_requests: { ctx: HSL, args: [1, 1] },
  keepalive_time: { ctx: HSL, args: [1, 1] },
  if_modified_since: { ctx: HSL, args: [1, 1] },
  etag: { ctx: HSL, args: 'flag' },
  max_ranges: { ctx: HSL, args: [1, 1] },
  gzip: { ctx: HSL, args: 'flag' },
  gzip_vary: { ctx: HSL, args: 'flag' },
  gzip_proxied: { ctx: HSL, args: [1, MANY] },
  gzip_comp_level: { ctx: HSL, args: [1, 1] },
  gzip_buffers: { ctx: HSL, args: [2, 2] },
  gzip_http_version: { ctx: HSL, args: [1, 1] },
  gzip_types: { ctx: HSL, args: [1, MANY] },
  gzip_min_length: { ctx: HSL, args: [1, 1] },
  gzip_disable: { ctx: HSL, args: [1, MANY] },
  // Accepted, changing nothing a simulated client can see.
  sendfile: { ctx: HSL, args: 'flag' },
  tcp_nopush: { ctx: HSL, args: 'flag' },
  tcp_nodelay: { ctx: HSL, args: 'flag' },
  types_hash_max_size: { ctx: HSL, args: [1, 1] },
  server_names_hash_bucket_size: { ctx: ['http'], args: [1, 1] },
  client_max_body_size: { ctx: HSL, args: [1, 1] },
  charset: { ctx: HSL, args: [1, 1] },
  ssl_protocols: { ctx: ['http', 'server'], args: [1, MANY] },
  ssl_prefer_server_ciphers: { ctx: ['http', 'server'], args: 'flag' },
};

/** Real nginx directives the simulator does not model: refused, never accepted and ignored. */
const UNSIMULATED = new Set([
  'proxy_pass', 'proxy_set_header', 'proxy_redirect', 'proxy_http_version', 'fastcgi_pass', 'fastcgi_param',
  'fastcgi_index', 'uwsgi_pass', 'scgi_pass', 'grpc_pass', 'upstream', 'rewrite', 'if', 'set', 'map', 'geo',
  'ssl_certificate', 'ssl_certificate_key', 'ssl_ciphers', 'ssl_session_cache', 'ssl_session_timeout', 'auth_basic',
  'auth_basic_user_file', 'allow', 'deny', 'limit_req', 'limit_req_zone', 'limit_conn', 'limit_conn_zone', 'expires',
  'stream', 'mail', 'resolver', 'sub_filter', 'stub_status', 'internal', 'satisfy', 'split_clients', 'limit_except',
  'open_file_cache', 'server_name_in_redirect', 'port_in_redirect', 'absolute_redirect', 'log_not_found',
  'gzip_static', 'gunzip', 'gunzip_buffers', 'gzip_window', 'gzip_hash', 'gzip_no_buffer', 'postpone_gzipping',
  'keepalive_disable', 'chunked_transfer_encoding',
]);

interface Token {
  readonly kind: 'word' | '{' | '}' | ';' | 'eof';
  readonly text: string;
  readonly line: number;
}

/** ngx_conf_read_token: words (quoted or not), `{`, `}`, `;`, comments to the end of the line. */
export function tokenize(src: string, file: string): Token[] {
  const out: Token[] = [];
  let line = 1;
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i];
    if (c === '\n') {
      line++;
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r') i++;
    else if (c === '#') {
      while (i < n && src[i] !== '\n') i++;
    } else if (c === '{' || c === '}' || c === ';') {
      out.push({ kind: c, text: c, line });
      i++;
    } else if (c === '"' || c === "'") {
      const start = line;
      let s = '';
      i++;
      for (;;) {
        if (i >= n) throw new ConfError('unexpected end of file, expecting ";" or "}"', `${file}:${line}`);
        const d = src[i];
        if (d === '\\' && (src[i + 1] === c || src[i + 1] === '\\')) {
          s += src[i + 1];
          i += 2;
          continue;
        }
        if (d === '\\' && src[i + 1] === 'n') { s += '\n'; i += 2; continue; }
        if (d === '\\' && src[i + 1] === 't') { s += '\t'; i += 2; continue; }
        if (d === '\\' && src[i + 1] === 'r') { s += '\r'; i += 2; continue; }
        if (d === c) break;
        if (d === '\n') line++;
        s += d;
        i++;
      }
      i++;
      const next = src[i];
      if (next !== undefined && !/[\s;{}]/.test(next)) {
        throw new ConfError(`unexpected "${next}"`, `${file}:${line}`);
      }
      out.push({ kind: 'word', text: s, line: start });
    } else {
      let s = '';
      while (i < n && !/[\s;{}]/.test(src[i])) {
        if (src[i] === '\\' && i + 1 < n) {
          s += src[i + 1];
          i += 2;
          continue;
        }
        s += src[i];
        i++;
      }
      out.push({ kind: 'word', text: s, line });
    }
  }
  out.push({ kind: 'eof', text: '', line });
  return out;
}

export interface ReadOptions {
  readonly fs: Fs;
  /** Where relative `include` paths start: the directory of the main file (nginx's conf prefix). */
  readonly prefix: string;
  /** Each file read, with its text, in the order read: what `nginx -T` dumps. */
  readonly files?: { path: string; text: string }[];
}

/**
 * Reads `file` as the main context, `-g` directives first as nginx parses them (so a `daemon` in both is a
 * duplicate reported at the file's line).
 */
export function readConf(file: string, globals: string, o: ReadOptions): Directive[] {
  const out: Directive[] = [];
  if (globals !== '') {
    out.push(...parseTokens(tokenize(globals, 'command line'), 'command line', 'main', o, true, 0));
  }
  out.push(...readFile(file, 'main', o, null, 0));
  return out;
}

function readFile(file: string, ctx: Context, o: ReadOptions, where: string | null, depth: number): Directive[] {
  let text: string;
  try {
    text = o.fs.readText(file);
  } catch (e) {
    if (!isSysError(e)) throw e;
    throw new ConfError(`open() "${file}" failed (${errnoText(e.code)})`, where);
  }
  o.files?.push({ path: file, text });
  return parseTokens(tokenize(text, file), file, ctx, o, false, depth);
}

function parseTokens(toks: Token[], file: string, ctx: Context, o: ReadOptions, cmdline: boolean, depth: number): Directive[] {
  let pos = 0;
  const at = (line: number): string => (cmdline ? 'command line' : `${file}:${line}`);
  const block = (inner: Context, closing: boolean): Directive[] => {
    const list: Directive[] = [];
    for (;;) {
      const words: Token[] = [];
      let t = toks[pos++];
      while (t.kind === 'word') {
        words.push(t);
        t = toks[pos++];
      }
      if (words.length === 0) {
        if (t.kind === 'eof') {
          if (closing) throw new ConfError('unexpected end of file, expecting "}"', at(t.line));
          return list;
        }
        if (t.kind === '}') {
          if (!closing) throw new ConfError('unexpected "}"', at(t.line));
          return list;
        }
        throw new ConfError(`unexpected "${t.text}"`, at(t.line));
      }
      if (t.kind === 'eof') {
        if (cmdline) throw new ConfError('unexpected end of parameter, expecting ";"', at(t.line));
        throw new ConfError('unexpected end of file, expecting ";" or "}"', at(t.line));
      }
      const name = words[0].text;
      const args = words.slice(1).map((w) => w.text);
      const where = at(t.line);
      if (inner === 'types') {
        if (t.kind !== ';') throw new ConfError(`unexpected "${t.text}"`, where);
        list.push({ name, args, where });
        continue;
      }
      const spec = DIRECTIVES[name];
      if (!spec) {
        if (UNSIMULATED.has(name)) throw new ConfError(`dockersim: directive "${name}" is not simulated`, where);
        throw new ConfError(`unknown directive "${name}"`, where);
      }
      if (!spec.ctx.includes(inner)) throw new ConfError(`"${name}" directive is not allowed here`, where);
      if (spec.block && t.kind !== '{') throw new ConfError(`directive "${name}" has no opening "{"`, where);
      if (!spec.block && t.kind !== ';') throw new ConfError(`directive "${name}" is not terminated by ";"`, where);
      checkArity(name, args, spec.args, where);
      if (name === 'include') {
        if (depth > 20) throw new ConfError('include nesting too deep', where);
        for (const f of expandInclude(args[0], o, where)) list.push(...readFile(f, inner, o, where, depth + 1));
        continue;
      }
      if (spec.block) {
        const body = block(name === 'location' ? 'location' : (name as Context), true);
        list.push({ name, args, where, block: body });
      } else {
        list.push({ name, args, where });
      }
    }
  };
  return block(ctx, false);
}

function checkArity(name: string, args: readonly string[], arity: Arity, where: string): void {
  if (arity === 'flag') {
    if (args.length !== 1) throw new ConfError(`invalid number of arguments in "${name}" directive`, where);
    if (args[0] !== 'on' && args[0] !== 'off') {
      throw new ConfError(`invalid value "${args[0]}" in "${name}" directive, it must be "on" or "off"`, where);
    }
    return;
  }
  if (args.length < arity[0] || args.length > arity[1]) {
    throw new ConfError(`invalid number of arguments in "${name}" directive`, where);
  }
}

/** `include` with a glob (glob(3) on the last path element), sorted; a plain path must exist. */
function expandInclude(pattern: string, o: ReadOptions, where: string): string[] {
  const path = pattern.startsWith('/') ? pattern : `${o.prefix}${pattern}`;
  if (!/[*?[]/.test(path)) return [path];
  const slash = path.lastIndexOf('/');
  const dir = path.slice(0, slash) || '/';
  const re = globRegExp(path.slice(slash + 1));
  let names: string[];
  try {
    names = o.fs.readdir(dir);
  } catch (e) {
    if (!isSysError(e)) throw e;
    if (e.code === 'ENOENT') return [];
    throw new ConfError(`glob() "${path}" failed (${errnoText(e.code)})`, where);
  }
  return names.filter((n) => !n.startsWith('.') && re.test(n)).sort().map((n) => `${dir === '/' ? '' : dir}/${n}`)
    .filter((p) => {
      try {
        return o.fs.stat(p).type !== 'dir';
      } catch {
        return true;
      }
    });
}

function globRegExp(glob: string): RegExp {
  let s = '';
  for (const c of glob) {
    if (c === '*') s += '.*';
    else if (c === '?') s += '.';
    else s += c.replace(/[.+^${}()|\\\]]/g, '\\$&').replace('[', '[');
  }
  return new RegExp(`^${s}$`);
}
