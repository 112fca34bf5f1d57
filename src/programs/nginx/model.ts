/**
 * What a parsed configuration means: the main settings, the servers with their listen sockets and locations,
 * and the http settings each location inherits from its server and from http (ngx_http_core_module's merge).
 * Errors found here are nginx's post-parse ones (`"root" directive is duplicate`, `invalid parameter "foo"`).
 */
import { ConfError, type Directive } from './conf.js';

export interface LogTarget {
  /** A path, or `stderr`. */
  readonly path: string;
  readonly level: Level;
}

export type Level = 'debug' | 'info' | 'notice' | 'warn' | 'error' | 'crit' | 'alert' | 'emerg';
export const LEVELS: readonly Level[] = ['emerg', 'alert', 'crit', 'error', 'warn', 'notice', 'info', 'debug'];

export interface AccessLog {
  readonly path: string;
  readonly format: string;
}

export interface Listen {
  /** `0.0.0.0`, an address, or `[::]`. */
  readonly addr: string;
  readonly port: number;
  readonly defaultServer: boolean;
  readonly where: string;
}

/** The settings a location ends up with after inheriting from its server and http. */
export interface Settings {
  readonly root: string;
  readonly alias: string | null;
  readonly index: readonly string[];
  readonly autoindex: boolean;
  readonly tryFiles: readonly string[] | null;
  readonly ret: { readonly code: number; readonly text: string | null } | null;
  readonly errorPages: ReadonlyMap<number, { uri: string; code: number | null }>;
  /** null: `access_log off`. */
  readonly accessLogs: readonly AccessLog[] | null;
  readonly errorLogs: readonly LogTarget[];
  readonly types: ReadonlyMap<string, string>;
  readonly defaultType: string;
  readonly serverTokens: boolean;
  readonly addHeaders: readonly (readonly [string, string, boolean])[];
}

export interface Location {
  readonly match: '=' | '' | '^~' | '~' | '~*';
  readonly pattern: string;
  readonly regex: RegExp | null;
  readonly settings: Settings;
}

export interface Server {
  readonly listens: readonly Listen[];
  readonly names: readonly string[];
  readonly locations: readonly Location[];
  readonly settings: Settings;
}

export interface Config {
  readonly user: { readonly name: string; readonly group: string; readonly where: string } | null;
  /** null: `auto`. */
  readonly workers: number | null;
  readonly pid: string;
  readonly daemon: boolean;
  readonly masterProcess: boolean;
  readonly errorLogs: readonly LogTarget[];
  readonly formats: ReadonlyMap<string, string>;
  readonly servers: readonly Server[];
  readonly hasHttp: boolean;
  /** Checked after the syntax (ngx_event_init_conf): `no "events" section in configuration`. */
  readonly hasEvents: boolean;
}

export const COMBINED =
  '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent"';

export interface Defaults {
  /** Compiled-in paths (`--pid-path`, `--http-log-path`, `--prefix`). */
  readonly pid: string;
  readonly accessLog: string;
  readonly prefix: string;
  readonly errorLog: string;
  readonly user: string;
}

interface Mutable {
  root?: string;
  alias?: string | null;
  index?: string[];
  autoindex?: boolean;
  tryFiles?: string[] | null;
  ret?: Settings['ret'];
  errorPages?: Map<number, { uri: string; code: number | null }>;
  accessLogs?: AccessLog[] | null;
  errorLogs?: LogTarget[];
  types?: Map<string, string>;
  defaultType?: string;
  serverTokens?: boolean;
  addHeaders?: (readonly [string, string, boolean])[];
}

/** Directives that may appear only once per block (NGX_CONF_TAKE1 with a "duplicate" check). */
const ONCE = new Set(['user', 'worker_processes', 'pid', 'daemon', 'master_process', 'root', 'alias', 'autoindex',
  'default_type', 'server_tokens', 'try_files', 'sendfile', 'tcp_nopush', 'tcp_nodelay', 'keepalive_timeout',
  'types_hash_max_size', 'gzip', 'worker_connections', 'multi_accept', 'use', 'events', 'http', 'client_max_body_size',
  'charset', 'ssl_prefer_server_ciphers', 'ssl_protocols', 'worker_rlimit_nofile', 'server_names_hash_bucket_size']);

function checkDuplicates(list: readonly Directive[]): void {
  const seen = new Set<string>();
  for (const d of list) {
    if (!ONCE.has(d.name)) continue;
    if (seen.has(d.name)) throw new ConfError(`"${d.name}" directive is duplicate`, d.where);
    seen.add(d.name);
  }
}

function parseLevel(d: Directive): Level {
  if (d.args.length > 2) throw new ConfError(`invalid number of arguments in "${d.name}" directive`, d.where);
  const l = d.args[1] ?? 'error';
  if (!(LEVELS as readonly string[]).includes(l)) throw new ConfError(`invalid log level "${l}"`, d.where);
  return l as Level;
}

function errorLog(d: Directive): LogTarget {
  return { path: d.args[0], level: parseLevel(d) };
}

export function buildConfig(tree: readonly Directive[], def: Defaults): Config {
  checkDuplicates(tree);
  let user: Config['user'] = null;
  let workers: number | null = 1;
  let pid = def.pid;
  let daemon = true;
  let masterProcess = true;
  const errorLogs: LogTarget[] = [];
  let http: Directive | undefined;
  let events: Directive | undefined;
  for (const d of tree) {
    switch (d.name) {
      case 'user':
        user = { name: d.args[0], group: d.args[1] ?? d.args[0], where: d.where };
        break;
      case 'worker_processes':
        if (d.args[0] === 'auto') workers = null;
        else if (/^\d+$/.test(d.args[0])) workers = Number(d.args[0]);
        else throw new ConfError('"worker_processes" directive invalid value', d.where);
        break;
      case 'pid':
        pid = absolute(d.args[0], def.prefix);
        break;
      case 'daemon':
        daemon = d.args[0] === 'on';
        break;
      case 'master_process':
        masterProcess = d.args[0] === 'on';
        break;
      case 'error_log':
        errorLogs.push(errorLog(d));
        break;
      case 'http':
        http = d;
        break;
      case 'events':
        events = d;
        break;
    }
  }
  checkDuplicates(events?.block ?? []);
  for (const d of events?.block ?? []) {
    if (d.name === 'worker_connections' && !/^\d+$/.test(d.args[0])) {
      throw new ConfError(`invalid number "${d.args[0]}"`, d.where);
    }
    if (d.name === 'use' && d.args[0] !== 'epoll') throw new ConfError(`invalid event type "${d.args[0]}"`, d.where);
  }
  if (errorLogs.length === 0) errorLogs.push({ path: def.errorLog, level: 'error' });
  const formats = new Map<string, string>([['combined', COMBINED]]);
  const servers: Server[] = [];
  if (http) {
    const block = http.block ?? [];
    checkDuplicates(block);
    for (const d of block) {
      if (d.name !== 'log_format') continue;
      if (formats.has(d.args[0])) throw new ConfError(`duplicate "log_format" name "${d.args[0]}"`, d.where);
      formats.set(d.args[0], d.args.slice(1).join(''));
    }
    const base: Settings = {
      root: `${def.prefix}html`, alias: null, index: ['index.html'], autoindex: false, tryFiles: null, ret: null,
      errorPages: new Map(), accessLogs: [{ path: def.accessLog, format: 'combined' }], errorLogs, types: new Map(),
      defaultType: 'text/plain', serverTokens: true, addHeaders: [],
    };
    const httpSettings = merge(base, block, def, formats, 'http');
    for (const s of block) if (s.name === 'server') servers.push(buildServer(s, httpSettings, def, formats));
  }
  const seen = new Set<string>();
  for (const s of servers) {
    for (const l of s.listens) {
      const key = `${l.addr}:${l.port}`;
      if (l.defaultServer && seen.has(key)) throw new ConfError(`a duplicate default server for ${key}`, l.where);
      if (l.defaultServer) seen.add(key);
    }
  }
  return { user, workers, pid, daemon, masterProcess, errorLogs, formats, servers, hasHttp: http !== undefined, hasEvents: events !== undefined };
}

function absolute(path: string, prefix: string): string {
  return path.startsWith('/') || path === 'stderr' ? path : `${prefix}${path}`;
}

function merge(parent: Settings, block: readonly Directive[], def: Defaults, formats: Map<string, string>, ctx: string): Settings {
  const m: Mutable = {};
  for (const d of block) {
    const a = d.args;
    switch (d.name) {
      case 'root':
        if (m.alias) throw new ConfError('"root" directive is duplicate, "alias" directive was specified earlier', d.where);
        m.root = absolute(a[0], def.prefix);
        break;
      case 'alias':
        if (m.root !== undefined) throw new ConfError('"alias" directive is duplicate, "root" directive was specified earlier', d.where);
        m.alias = a[0];
        break;
      case 'index':
        (m.index ??= []).push(...a);
        break;
      case 'autoindex':
        if (a[0] === 'on') throw new ConfError('dockersim: "autoindex on" is not simulated', d.where);
        m.autoindex = false;
        break;
      case 'try_files':
        m.tryFiles = [...a];
        break;
      case 'return':
        m.ret = parseReturn(d);
        break;
      case 'error_page':
        m.errorPages ??= new Map(parent.errorPages);
        parseErrorPage(d, m.errorPages);
        break;
      case 'access_log':
        if (a[0] === 'off') {
          m.accessLogs = null;
          break;
        }
        if (m.accessLogs === null) break;
        {
          const format = a[1] ?? 'combined';
          if (!formats.has(format)) throw new ConfError(`unknown log format "${format}"`, d.where);
          if (a.length > 2) throw new ConfError(`dockersim: buffered access_log parameters are not simulated`, d.where);
          (m.accessLogs ??= []).push({ path: absolute(a[0], def.prefix), format });
        }
        break;
      case 'error_log':
        (m.errorLogs ??= []).push(errorLog(d));
        break;
      case 'types':
        m.types ??= new Map();
        for (const t of d.block ?? []) {
          for (const ext of t.args) m.types.set(ext.toLowerCase(), t.name);
        }
        break;
      case 'default_type':
        m.defaultType = a[0];
        break;
      case 'server_tokens':
        if (a[0] !== 'on' && a[0] !== 'off') {
          throw new ConfError(`dockersim: "server_tokens ${a[0]}" is not simulated`, d.where);
        }
        m.serverTokens = a[0] === 'on';
        break;
      case 'add_header':
        if (a.length === 3 && a[2] !== 'always') throw new ConfError(`invalid parameter "${a[2]}"`, d.where);
        (m.addHeaders ??= []).push([a[0], a[1], a.length === 3]);
        break;
      case 'sendfile': case 'tcp_nopush': case 'tcp_nodelay': case 'keepalive_timeout': case 'types_hash_max_size':
      case 'gzip': case 'gzip_vary': case 'gzip_proxied': case 'gzip_comp_level': case 'gzip_buffers':
      case 'gzip_http_version': case 'gzip_types': case 'ssl_protocols': case 'ssl_prefer_server_ciphers':
      case 'client_max_body_size': case 'server_names_hash_bucket_size':
        break;
      case 'charset':
        if (a[0] !== 'off') throw new ConfError(`dockersim: "charset ${a[0]}" is not simulated`, d.where);
        break;
      default:
        void ctx;
    }
  }
  return {
    root: m.alias !== undefined && m.alias !== null ? parent.root : m.root ?? parent.root,
    alias: m.alias ?? (m.root !== undefined ? null : parent.alias),
    index: m.index ?? parent.index,
    autoindex: m.autoindex ?? parent.autoindex,
    tryFiles: m.tryFiles ?? null,
    ret: m.ret ?? null,
    errorPages: m.errorPages ?? parent.errorPages,
    accessLogs: m.accessLogs === undefined ? parent.accessLogs : m.accessLogs,
    errorLogs: m.errorLogs ?? parent.errorLogs,
    types: m.types ?? parent.types,
    defaultType: m.defaultType ?? parent.defaultType,
    serverTokens: m.serverTokens ?? parent.serverTokens,
    addHeaders: m.addHeaders ?? parent.addHeaders,
  };
}

function parseReturn(d: Directive): Settings['ret'] {
  const [first, second] = d.args;
  if (/^\d+$/.test(first)) {
    const code = Number(first);
    if (code > 999) throw new ConfError(`invalid return code "${first}"`, d.where);
    return { code, text: second ?? null };
  }
  if (second !== undefined) throw new ConfError(`invalid return code "${first}"`, d.where);
  if (/^(https?:\/\/|\$scheme)/.test(first)) return { code: 302, text: first };
  throw new ConfError(`invalid return code "${first}"`, d.where);
}

function parseErrorPage(d: Directive, pages: Map<number, { uri: string; code: number | null }>): void {
  const args = [...d.args];
  const uri = args.pop()!;
  let code: number | null = null;
  if (args.length > 0 && args[args.length - 1].startsWith('=')) {
    const c = args.pop()!.slice(1);
    code = c === '' ? 200 : Number(c);
  }
  for (const a of args) {
    const n = Number(a);
    if (!/^\d+$/.test(a) || n < 300 || n > 599) throw new ConfError(`value "${a}" must be between 300 and 599`, d.where);
    pages.set(n, { uri, code });
  }
}

function buildServer(d: Directive, http: Settings, def: Defaults, formats: Map<string, string>): Server {
  const block = d.block ?? [];
  checkDuplicates(block);
  const settings = merge(http, block, def, formats, 'server');
  const listens: Listen[] = [];
  const names: string[] = [];
  const locations: Location[] = [];
  for (const x of block) {
    if (x.name === 'listen') listens.push(parseListen(x));
    else if (x.name === 'server_name') names.push(...x.args.map((n) => n.toLowerCase()));
    else if (x.name === 'location') locations.push(buildLocation(x, settings, def, formats));
  }
  if (listens.length === 0) listens.push({ addr: '0.0.0.0', port: 80, defaultServer: false, where: d.where });
  const seen = new Set<string>();
  for (const l of locations) {
    const key = `${l.match === '=' ? '=' : ''}${l.pattern}`;
    if (l.regex === null && seen.has(key)) throw new ConfError(`duplicate location "${l.pattern}"`, d.where);
    seen.add(key);
  }
  return { listens, names: names.length ? names : [''], locations, settings };
}

function buildLocation(d: Directive, server: Settings, def: Defaults, formats: Map<string, string>): Location {
  const block = d.block ?? [];
  checkDuplicates(block);
  if (block.some((x) => x.name === 'location')) {
    throw new ConfError('dockersim: nested locations are not simulated', block.find((x) => x.name === 'location')!.where);
  }
  const [a, b] = d.args;
  let match: Location['match'] = '';
  let pattern = a;
  if (b !== undefined) {
    if (!['=', '^~', '~', '~*'].includes(a)) throw new ConfError(`invalid location modifier "${a}"`, d.where);
    match = a as Location['match'];
    pattern = b;
  } else if (a.startsWith('=') && a.length > 1) {
    match = '=';
    pattern = a.slice(1);
  }
  let regex: RegExp | null = null;
  if (match === '~' || match === '~*') {
    try {
      regex = new RegExp(pattern, match === '~*' ? 'i' : '');
    } catch {
      throw new ConfError(`pcre2_compile() failed for "${pattern}"`, d.where);
    }
  }
  return { match, pattern, regex, settings: merge(server, block, def, formats, 'location') };
}

/** listen [addr:]port [default_server]: the forms tutorials use. */
function parseListen(d: Directive): Listen {
  const [spec, ...params] = d.args;
  let defaultServer = false;
  for (const p of params) {
    if (p === 'default_server' || p === 'default') defaultServer = true;
    else if (['ssl', 'http2', 'proxy_protocol', 'reuseport', 'ipv6only=on', 'ipv6only=off'].includes(p)) {
      throw new ConfError(`dockersim: listen parameter "${p}" is not simulated`, d.where);
    } else throw new ConfError(`invalid parameter "${p}"`, d.where);
  }
  let addr = '0.0.0.0';
  let port: string;
  const v6 = /^\[([^\]]*)\](?::(\d+))?$/.exec(spec);
  if (v6) {
    addr = `[${v6[1]}]`;
    port = v6[2] ?? '80';
  } else if (/^\d+$/.test(spec)) port = spec;
  else {
    const i = spec.lastIndexOf(':');
    const host = i < 0 ? spec : spec.slice(0, i);
    port = i < 0 ? '80' : spec.slice(i + 1);
    if (host === '*') addr = '0.0.0.0';
    else if (host === 'localhost') addr = '127.0.0.1';
    else if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) addr = host;
    else if (spec.startsWith('unix:')) throw new ConfError('dockersim: unix listen sockets are not simulated', d.where);
    else throw new ConfError(`host not found in "${spec}" of the "listen" directive`, d.where);
  }
  const n = Number(port);
  if (!/^\d+$/.test(port) || n < 1 || n > 65535) throw new ConfError(`invalid port in "${spec}" of the "listen" directive`, d.where);
  return { addr, port: n, defaultServer, where: d.where };
}
