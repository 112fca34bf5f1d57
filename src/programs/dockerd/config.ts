/** What dockerd knows of itself from boot: its version, and the configuration /info reports on. */

export const ENGINE_VERSION = '28.2.2';
export const ENGINE_COMMIT = '45873be';

/** What of dockerd's configuration /info reports on. */
export interface DaemonConfig {
  /** Normalized `-H` addresses (`unix:///var/run/docker.sock`, `tcp://0.0.0.0:2375`). */
  readonly hosts: readonly string[];
  /** `--tls`/`--tlsverify` as given; undefined when not given. */
  readonly tls: boolean | undefined;
  /** `insecure-registries` from /etc/docker/daemon.json. */
  readonly insecureRegistries?: readonly string[];
}

const ATTACK_SURFACE = `
         Access to the remote API is equivalent to root access on the host. Refer
         to the 'Docker daemon attack surface' section in the documentation for
         more information: https://docs.docker.com/go/attack-surface/`;
const REMOVAL = 'In future versions this will be a hard failure preventing the daemon from starting! Learn more at: https://docs.docker.com/go/api-security/';

/** moby fillAPIInfo: one deprecation notice per TCP address served without TLS (the simulation has no TLS). */
export function apiWarnings(config: DaemonConfig): string[] {
  const out: string[] = [];
  for (const h of config.hosts) {
    if (!h.startsWith('tcp://')) continue;
    out.push(`[DEPRECATION NOTICE]: API is accessible on http://${h.slice(6)} without encryption.${ATTACK_SURFACE}\n${REMOVAL}`);
  }
  return out;
}
