/** registry.DecodeAuthConfig: X-Registry-Auth is base64url (padding optional) of the AuthConfig JSON; bad input is no credentials. */
import type { AuthConfig } from '../../engine/daemon/distribution/remote.js';
import { utf8Decode } from '../../engine/kernel/utf8.js';
import { base64Decode } from '../../pkg/base64.js';

export function decodeAuthHeader(header: string): AuthConfig {
  if (header === '') return {};
  try {
    const text = utf8Decode(base64Decode(header));
    const v = JSON.parse(text) as unknown;
    return v !== null && typeof v === 'object' ? (v as AuthConfig) : {};
  } catch {
    return {};
  }
}
