/** registry.DecodeAuthConfig: X-Registry-Auth is base64url (padding optional) of the AuthConfig JSON; bad input is no credentials. */
import type { AuthConfig } from '../../engine/daemon/distribution/remote.js';

export function decodeAuthHeader(header: string): AuthConfig {
  if (header === '') return {};
  try {
    const b64 = header.replace(/-/g, '+').replace(/_/g, '/');
    const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    const text = new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
    const v = JSON.parse(text) as unknown;
    return v !== null && typeof v === 'object' ? (v as AuthConfig) : {};
  } catch {
    return {};
  }
}
