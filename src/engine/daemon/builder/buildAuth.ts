/**
 * The credentials a build pulls its bases with: the X-Registry-Config the client sent (moby's build router
 * getAuthConfigs: base64url JSON of AuthConfigs by server address, a bad header being none), resolved for the
 * image's registry as registry.ResolveAuthConfig does (Docker Hub's under its index address only, another registry's under
 * its name or a key whose hostname it is).
 */
import { base64Decode } from '../../../pkg/base64.js';
import { DEFAULT_DOMAIN } from '../../../pkg/reference.js';
import { utf8Decode } from '../../kernel/utf8.js';
import type { AuthConfig } from '../distribution/remote.js';

const INDEX_SERVER = 'https://index.docker.io/v1/';

export function decodeRegistryConfig(header: string | undefined): Map<string, AuthConfig> {
  const out = new Map<string, AuthConfig>();
  if (!header) return out;
  try {
    const v = JSON.parse(utf8Decode(base64Decode(header))) as unknown;
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return out;
    for (const [k, a] of Object.entries(v as Record<string, unknown>)) if (a !== null && typeof a === 'object') out.set(k, a as AuthConfig);
  } catch {
    // moby ignores a header it cannot decode.
  }
  return out;
}

/** registry.ResolveAuthConfig for a reference's domain; no entry is anonymous. */
export function resolveAuthConfig(configs: ReadonlyMap<string, AuthConfig>, domain: string): AuthConfig {
  const key = domain === DEFAULT_DOMAIN ? INDEX_SERVER : domain;
  const hit = configs.get(key);
  // The official index is looked up by its address only.
  if (hit || domain === DEFAULT_DOMAIN) return hit ?? {};
  for (const [k, a] of configs) if (hostname(k) === domain) return a;
  return {};
}

/** registry.ConvertToHostname. */
function hostname(url: string): string {
  const s = url.replace(/^https?:\/\//, '');
  const i = s.indexOf('/');
  return i < 0 ? s : s.slice(0, i);
}
