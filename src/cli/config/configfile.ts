/**
 * docker/cli's config file (cli/config/configfile) with its file credential store: `auths` keyed by server
 * address, each `{"auth": base64(user:pass)}`, written as Go's json.MarshalIndent with tabs and no final newline
 * (keys of a map sorted, struct fields in ConfigFile's order), to `$DOCKER_CONFIG/config.json` or
 * `~/.docker/config.json`. Keys this CLI does not know are dropped on save, as Go's decoder drops them.
 */
import type { CommandCli } from '../cli.js';
import { base64Decode, base64Encode } from '../../pkg/base64.js';
import { utf8Decode, utf8Encode } from '../../engine/kernel/utf8.js';
import { DEFAULT_DOMAIN } from '../../pkg/reference.js';

export const INDEX_SERVER = 'https://index.docker.io/v1/';

/** registrytypes.AuthConfig as the CLI holds it in memory. */
export interface AuthConfig {
  username?: string;
  password?: string;
  auth?: string;
  email?: string;
  serveraddress?: string;
  identitytoken?: string;
  registrytoken?: string;
}

/** ConfigFile's JSON fields, in struct order (`auths` is never omitted). */
const FIELDS = [
  'auths', 'HttpHeaders', 'psFormat', 'imagesFormat', 'networksFormat', 'pluginsFormat', 'volumesFormat', 'statsFormat',
  'detachKeys', 'credsStore', 'credHelpers', 'serviceInspectFormat', 'servicesFormat', 'tasksFormat', 'secretFormat',
  'configFormat', 'nodesFormat', 'pruneFilters', 'proxies', 'currentContext', 'cliPluginsExtraDirs', 'plugins', 'aliases',
  'features', 'experimental',
] as const;

const AUTH_FIELDS = ['username', 'password', 'auth', 'email', 'serveraddress', 'identitytoken', 'registrytoken'] as const;

function b64(text: string, url = false): string {
  return base64Encode(utf8Encode(text), url);
}

/** registrytypes.EncodeAuthConfig: the X-Registry-Auth header, base64url of the JSON (omitempty fields). */
export function encodeAuthHeader(a: AuthConfig): string {
  const o: Record<string, string> = {};
  for (const k of AUTH_FIELDS) if (a[k]) o[k] = a[k]!;
  return b64(JSON.stringify(o), true);
}

/**
 * command.RetrieveAuthTokenFromImage: the X-Registry-Auth a push or pull sends for a registry. Docker Hub's
 * credentials sit under its index address, others under the host (command.ResolveAuthConfig).
 */
export function registryAuthHeader(cli: CommandCli, domain: string): string {
  const key = domain === DEFAULT_DOMAIN ? INDEX_SERVER : domain;
  const auth = ConfigFile.load(cli).get(key);
  return encodeAuthHeader(auth.username || auth.password ? { username: auth.username, password: auth.password, serveraddress: key } : {});
}

/**
 * The X-Registry-Config a build sends (docker/cli image/build.go: GetAllCredentials, the client's ImageBuild):
 * base64url of a JSON map of every stored credential by server address; `e30=` (`{}`) when there is none.
 */
export function registryConfigHeader(cli: CommandCli): string {
  const all: Record<string, Record<string, string>> = {};
  const file = ConfigFile.load(cli);
  for (const k of [...file.auths.keys()].sort()) {
    const a = file.auths.get(k)!;
    const o: Record<string, string> = {};
    for (const f of AUTH_FIELDS) if (a[f]) o[f] = a[f]!;
    all[k] = o;
  }
  return b64(JSON.stringify(all), true);
}

export class ConfigFile {
  private constructor(
    readonly filename: string,
    private readonly data: Record<string, unknown>,
    readonly auths: Map<string, AuthConfig>,
  ) {}

  /** config.Dir(): $DOCKER_CONFIG, else $HOME/.docker. */
  static path(cli: Pick<CommandCli, 'env'>): string {
    const dir = cli.env('DOCKER_CONFIG') || `${cli.env('HOME') ?? ''}/.docker`;
    return `${dir}/config.json`;
  }

  /** Loads the file; a missing one is an empty config (as config.Load). */
  static load(cli: CommandCli): ConfigFile {
    const filename = ConfigFile.path(cli);
    let text: string | null = null;
    try {
      text = cli.readFile ? cli.readFile(filename) : null;
    } catch {
      text = null;
    }
    let data: Record<string, unknown> = {};
    if (text !== null && text.trim() !== '') {
      try {
        data = JSON.parse(text) as Record<string, unknown>;
      } catch (e) {
        throw new Error(`loading config file: ${filename}: ${(e as Error).message}`);
      }
    }
    const auths = new Map<string, AuthConfig>();
    for (const [k, v] of Object.entries((data.auths ?? {}) as Record<string, AuthConfig>)) {
      const a: AuthConfig = { ...v };
      // decodeAuth: `auth` holds user:pass; the fields come back filled, the server address is the key.
      if (a.auth) {
        const plain = utf8Decode(base64Decode(a.auth));
        const i = plain.indexOf(':');
        a.username = plain.slice(0, i);
        a.password = plain.slice(i + 1);
        delete a.auth;
      }
      a.serveraddress = k;
      auths.set(k, a);
    }
    return new ConfigFile(filename, data, auths);
  }

  /** fileStore.Get, with the legacy-key fallback (a key that is the address's hostname). */
  get(server: string): AuthConfig {
    const hit = this.auths.get(server);
    if (hit) return hit;
    for (const [k, a] of this.auths) if (convertToHostname(k) === server) return a;
    return {};
  }

  /** SaveToWriter + Save: `auth` encoded, the rest blanked, tab-indented, mode 0600 in a 0700 directory. */
  save(cli: CommandCli): void {
    const out: Record<string, unknown> = {};
    const auths: Record<string, Record<string, string>> = {};
    for (const k of [...this.auths.keys()].sort()) {
      const a = this.auths.get(k)!;
      const enc: Record<string, string> = {};
      const auth = a.username || a.password ? b64(`${a.username ?? ''}:${a.password ?? ''}`) : '';
      if (auth) enc.auth = auth;
      if (a.email) enc.email = a.email;
      if (a.identitytoken) enc.identitytoken = a.identitytoken;
      if (a.registrytoken) enc.registrytoken = a.registrytoken;
      auths[k] = enc;
    }
    for (const f of FIELDS) {
      if (f === 'auths') out.auths = auths;
      else if (this.data[f] !== undefined && this.data[f] !== '' && this.data[f] !== null) out[f] = this.data[f];
    }
    if (!cli.writeFile) throw new Error(`open ${this.filename}: read-only file system`);
    cli.writeFile(this.filename, goIndent(out), 0o600, 0o700);
  }
}

/** json.MarshalIndent(v, "", "\t") for what a config holds; an empty object is `{}`. */
function goIndent(v: unknown, indent = ''): string {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const entries = Object.entries(v as Record<string, unknown>);
    if (entries.length === 0) return '{}';
    const inner = `${indent}\t`;
    return `{\n${entries.map(([k, x]) => `${inner}${goString(k)}: ${goIndent(x, inner)}`).join(',\n')}\n${indent}}`;
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    const inner = `${indent}\t`;
    return `[\n${v.map((x) => `${inner}${goIndent(x, inner)}`).join(',\n')}\n${indent}]`;
  }
  return typeof v === 'string' ? goString(v) : JSON.stringify(v);
}

/** Go escapes <, > and & in strings. */
function goString(s: string): string {
  return JSON.stringify(s).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/** credentials.ConvertToHostname: `https://host:port/path` → `host:port`. */
export function convertToHostname(maybeURL: string): string {
  let s = maybeURL;
  const m = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/([^/?#]*)/.exec(s);
  if (m && m[1] !== '') return m[1];
  s = s.split('/')[0];
  return s;
}
