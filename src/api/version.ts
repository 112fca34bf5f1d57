/** The versions this Engine API speaks, and moby's version comparison (api/types/versions). */
export const API_VERSION = '1.50';
export const MIN_API_VERSION = '1.24';
export const ENGINE_VERSION = '28.2.2';
export const CLIENT_VERSION = '28.2.2';
export const SERVER_HEADER = `Docker/${ENGINE_VERSION} (linux)`;
export const CLIENT_USER_AGENT = `Docker-Client/${CLIENT_VERSION} (linux)`;

/** Compares dotted versions field by field as numbers; a missing field counts as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = Number.parseInt(pa[i] ?? '0', 10) || 0;
    const y = Number.parseInt(pb[i] ?? '0', 10) || 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

export const versionLessThan = (a: string, b: string): boolean => compareVersions(a, b) < 0;
export const versionAtLeast = (a: string, b: string): boolean => compareVersions(a, b) >= 0;
