/**
 * Build arguments (moby builder/dockerfile/buildargs.go): `--build-arg` values, the ARGs a Dockerfile declares
 * (before FROM: meta args for FROM lines; in a stage: allowed there), and the predefined proxy arguments,
 * allowed without an ARG and kept out of the cache key unless the Dockerfile names them.
 */

export const BUILTIN_ARGS = new Set([
  'HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy',
]);

export class BuildArgs {
  /** Declared in the current stage, with their defaults (null: none). */
  private allowed = new Map<string, string | null>();
  private readonly meta = new Map<string, string | null>();
  readonly referenced = new Set<string>();

  constructor(private readonly given: Readonly<Record<string, string | null>>) {}

  /** A new stage starts with no ARGs of its own (meta args stay for FROM and for `ARG NAME` to pick up). */
  resetStage(): void {
    this.allowed = new Map();
  }

  addMetaArg(key: string, value: string | null): void {
    this.meta.set(key, value);
    this.referenced.add(key);
  }

  addArg(key: string, value: string | null): void {
    this.allowed.set(key, value ?? (this.meta.has(key) ? this.meta.get(key)! : null));
    this.referenced.add(key);
  }

  /** getBuildArg: the value a `--build-arg` gives, else the declared default. */
  private value(key: string, dflt: string | null): string | null {
    if (Object.hasOwn(this.given, key) && this.given[key] !== null) return this.given[key];
    return dflt;
  }

  /** What meta args expand to in FROM lines. */
  metaEnv(): string[] {
    const out: string[] = [];
    for (const [k, v] of this.meta) {
      const val = this.value(k, v);
      if (val !== null) out.push(`${k}=${val}`);
    }
    return out;
  }

  /** FilterAllowed: the allowed args with a value, as `K=V`, leaving out those ENV already sets. */
  filterAllowed(env: readonly string[]): string[] {
    const inEnv = new Set(env.map((kv) => kv.split('=')[0]));
    const out: string[] = [];
    for (const [k, v] of this.allowed) {
      if (inEnv.has(k)) continue;
      const val = this.value(k, v);
      if (val !== null) out.push(`${k}=${val}`);
    }
    for (const k of BUILTIN_ARGS) {
      if (this.allowed.has(k) || inEnv.has(k)) continue;
      const val = this.given[k];
      if (val !== undefined && val !== null) out.push(`${k}=${val}`);
    }
    return out;
  }

  /** IsReferencedOrNotBuiltin: whether an arg belongs in the RUN step's cache key. */
  inCacheKey(key: string): boolean {
    return !BUILTIN_ARGS.has(key) || this.allowed.has(key);
  }

  /** WarnOnUnusedBuildArgs: the `--build-arg` names no ARG declared (builtins excepted), sorted. */
  unused(): string[] {
    return Object.keys(this.given).filter((k) => !BUILTIN_ARGS.has(k) && !this.referenced.has(k)).sort();
  }
}
