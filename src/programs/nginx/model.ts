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
  /** ms; 0 turns keep-alive off. */
  readonly keepaliveTimeout: number;
  /** The second argument of keepalive_timeout: a `Keep-Alive: timeout=N` header, in seconds. */
  readonly keepaliveHeader: number | null;
  readonly keepaliveRequests: number;
  /** ms (keepalive_time, nginx 1.19.10+). */
  readonly keepaliveTime: number;
  readonly ifModifiedSince: 'off' | 'exact' | 'before';
  readonly etag: boolean;
  /** null: unlimited (max_ranges not set). */
  readonly maxRanges: number | null;
  readonly gzip: GzipSettings;
}

export interface GzipSettings {
  readonly on: boolean;
  /** Lower-case MIME types; `*` any. text/html is always in it. */
  readonly types: ReadonlySet<string>;
  readonly minLength: number;
  readonly compLevel: number;
  readonly httpVersion: '1.0' | '1.1';
  readonly vary: boolean;
  readonly proxied: ReadonlySet<string>;
  readonly disableMsie6: boolean;
  readonly disable: readonly RegExp[];
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
  /** `nginx/1.24.0 (Ubuntu)`: which defaults apply (keepalive_requests was 100 before 1.19.10). */
  readonly product?: string;
}

/** The build's version as a number to compare: 1.19.10 → 1_019_010. */
export function versionOf(def: Defaults): number {
  const m = /nginx\/(\d+)\.(\d+)\.(\d+)/.exec(def.product ?? '');
  return m ? Number(m[1]) * 1_000_000 + Number(m[2]) * 1_000 + Number(m[3]) : 1_024_000;
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
  keepaliveTimeout?: number;
  keepaliveHeader?: number | null;
  keepaliveRequests?: number;
  keepaliveTime?: number;
  ifModifiedSince?: Settings['ifModifiedSince'];
  etag?: boolean;
  maxRanges?: number | null;
  gzip?: Partial<{ -readonly [K in keyof GzipSettings]: GzipSettings[K] }>;
}

/** Directives that may appear only once per block (NGX_CONF_TAKE1 with a "duplicate" check). */
const ONCE = new Set(['user', 'worker_processes', 'pid', 'daemon', 'master_process', 'root', 'alias', 'autoindex',
  'default_type', 'server_tokens', 'try_files', 'sendfile', 'tcp_nopush', 'tcp_nodelay', 'keepalive_timeout',
  'types_hash_max_size', 'gzip', 'gzip_vary', 'gzip_comp_level', 'gzip_min_length', 'gzip_http_version', 'gzip_buffers',
  'keepalive_requests', 'keepalive_time', 'if_modified_since', 'etag', 'max_ranges', 'worker_connections', 'multi_accept', 'use', 'events', 'http', 'client_max_body_size',
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
      keepaliveTimeout: 75_000, keepaliveHeader: null, keepaliveTime: 3_600_000,
      keepaliveRequests: versionOf(def) >= 1_019_010 ? 1000 : 100,
      ifModifiedSince: 'exact', etag: true, maxRanges: null,
      gzip: {
        on: false, types: new Set(['text/html']), minLength: 20, compLevel: 1, httpVersion: '1.1', vary: false,
        proxied: new Set(['off']), disableMsie6: false, disable: [],
      },
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
      case 'keepalive_timeout':
        m.keepaliveTimeout = parseTime(d, a[0], true);
        m.keepaliveHeader = a.length > 1 ? parseTime(d, a[1], false) / 1000 : null;
        break;
      case 'keepalive_requests':
        m.keepaliveRequests = parseNumber(d, a[0]);
        break;
      case 'keepalive_time':
        if (versionOf(def) < 1_019_010) throw new ConfError(`unknown directive "${d.name}"`, d.where);
        m.keepaliveTime = parseTime(d, a[0], true);
        break;
      case 'if_modified_since':
        if (a[0] !== 'off' && a[0] !== 'exact' && a[0] !== 'before') {
          throw new ConfError(`invalid value "${a[0]}" in "${d.name}" directive, it must be "off", "exact" or "before"`, d.where);
        }
        m.ifModifiedSince = a[0];
        break;
      case 'etag':
        m.etag = a[0] === 'on';
        break;
      case 'max_ranges':
        m.maxRanges = parseNumber(d, a[0]);
        break;
      case 'gzip': case 'gzip_vary': case 'gzip_proxied': case 'gzip_comp_level': case 'gzip_buffers':
      case 'gzip_http_version': case 'gzip_types': case 'gzip_min_length': case 'gzip_disable':
        gzipDirective(d, (m.gzip ??= {}), parent.gzip);
        break;
      case 'sendfile': case 'tcp_nopush': case 'tcp_nodelay': case 'types_hash_max_size':
      case 'ssl_protocols': case 'ssl_prefer_server_ciphers':
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
    keepaliveTimeout: m.keepaliveTimeout ?? parent.keepaliveTimeout,
    keepaliveHeader: m.keepaliveHeader !== undefined ? m.keepaliveHeader : parent.keepaliveHeader,
    keepaliveRequests: m.keepaliveRequests ?? parent.keepaliveRequests,
    keepaliveTime: m.keepaliveTime ?? parent.keepaliveTime,
    ifModifiedSince: m.ifModifiedSince ?? parent.ifModifiedSince,
    etag: m.etag ?? parent.etag,
    maxRanges: m.maxRanges !== undefined ? m.maxRanges : parent.maxRanges,
    gzip: m.gzip ? { ...parent.gzip, ...m.gzip } : parent.gzip,
  };
}

const TIME_UNITS: Readonly<Record<string, number>> = {
  ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000, M: 2_592_000_000, y: 31_536_000_000,
};

/** ngx_parse_time: `65`, `75s`, `1m30s`, `500ms` (milliseconds only where the directive takes them). */
function parseTime(d: Directive, v: string, ms: boolean): number {
  const invalid = (): never => {
    throw new ConfError(`"${d.name}" directive invalid value`, d.where);
  };
  if (v === '') invalid();
  let total = 0;
  const re = /(\d+)(ms|[smhdwMy])?\s*/gy;
  let at = 0;
  for (let m = re.exec(v); m; m = re.exec(v)) {
    if (m[2] === 'ms' && !ms) invalid();
    total += Number(m[1]) * TIME_UNITS[m[2] ?? 's'];
    at = re.lastIndex;
  }
  if (at !== v.length) invalid();
  return total;
}

function parseNumber(d: Directive, v: string): number {
  if (!/^\d+$/.test(v)) throw new ConfError(`"${d.name}" directive invalid number`, d.where);
  return Number(v);
}

/** ngx_parse_size: `20`, `1k`, `1m`. */
function parseSize(d: Directive, v: string): number {
  const m = /^(\d+)([kKmMgG]?)$/.exec(v);
  if (!m) throw new ConfError(`"${d.name}" directive invalid value`, d.where);
  return Number(m[1]) * ({ '': 1, k: 1024, m: 1 << 20, g: 1 << 30 } as Record<string, number>)[m[2].toLowerCase()];
}

const GZIP_PROXIED = ['off', 'expired', 'no-cache', 'no-store', 'private', 'no_last_modified', 'no_etag', 'auth', 'any'];

/** The gzip directives of ngx_http_gzip_filter_module and ngx_http_core_module (vary, proxied, disable, http_version). */
function gzipDirective(d: Directive, g: NonNullable<Mutable['gzip']>, parent: GzipSettings): void {
  const a = d.args;
  switch (d.name) {
    case 'gzip': g.on = a[0] === 'on'; break;
    case 'gzip_vary': g.vary = a[0] === 'on'; break;
    case 'gzip_types': {
      const types = new Set(['text/html']);
      for (const t of a) types.add(t.toLowerCase());
      g.types = types;
      break;
    }
    case 'gzip_min_length': g.minLength = parseSize(d, a[0]); break;
    case 'gzip_comp_level': {
      const n = parseNumber(d, a[0]);
      if (n < 1 || n > 9) throw new ConfError('value must be between 1 and 9', d.where);
      g.compLevel = n;
      break;
    }
    case 'gzip_buffers':
      // Only the sizes of the pieces zlib writes into; the compressed bytes are the same.
      if (!/^[1-9]\d*$/.test(a[0])) throw new ConfError(`"${d.name}" directive invalid value`, d.where);
      parseSize(d, a[1]);
      break;
    case 'gzip_http_version':
      if (a[0] !== '1.0' && a[0] !== '1.1') throw new ConfError(`invalid value "${a[0]}" in "${d.name}" directive, it must be "1.0" or "1.1"`, d.where);
      g.httpVersion = a[0];
      break;
    case 'gzip_proxied':
      for (const v of a) if (!GZIP_PROXIED.includes(v)) throw new ConfError(`invalid value "${v}"`, d.where);
      g.proxied = new Set(a);
      break;
    case 'gzip_disable': {
      const list = [...(g.disable ?? [])];
      for (const v of a) {
        if (v === 'msie6') {
          g.disableMsie6 = true;
          continue;
        }
        if (v === 'degradation') throw new ConfError('dockersim: "gzip_disable degradation" is not simulated', d.where);
        try {
          list.push(new RegExp(v, 'i'));
        } catch {
          throw new ConfError(`pcre2_compile() failed for "${v}"`, d.where);
        }
      }
      g.disable = list;
      break;
    }
  }
  void parent;
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
