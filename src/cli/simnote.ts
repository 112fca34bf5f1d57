/**
 * Lines in the simulator's own voice, printed after a Docker error that would mislead a learner here. Docker
 * Hub answers "repository does not exist" (or "manifest unknown") only for what it lacks, but the offline
 * registry lacks `nginx` and `ubuntu:20.04` too: Docker's words stay as they are and one `dockersim:` line
 * says which images this simulator has.
 */
import { CATALOG } from '../engine/daemon/registry.js';

/** The registry's "no such repository" and "no such tag": either may exist on the real Docker Hub. */
const MISSING = [/pull access denied for ([^,\s]+), repository does not exist/, /manifest for (\S+) not found: manifest unknown/];

/** `ubuntu (22.04, 24.04, jammy, latest, noble)`, one entry per repository of the offline registry. */
function offlineImages(): string {
  const repos = new Map<string, string[]>();
  for (const c of CATALOG) {
    const name = c.path.replace(/^library\//, '');
    repos.set(name, [...(repos.get(name) ?? []), ...c.tags]);
  }
  return [...repos.keys()].sort().map((r) => `${r} (${repos.get(r)!.sort().join(', ')})`).join(', ');
}

export function simulatorNote(errorText: string): string | undefined {
  const m = MISSING.map((re) => re.exec(errorText)).find((x) => x !== null);
  if (!m) return undefined;
  // A name on another registry (a registry container, `host:5000/…`) is that registry's answer, not the Hub's.
  if (/^(?:localhost|[^/]*[.:][^/]*)(?::\d+)?\//.test(m[1])) return undefined;
  return `dockersim: this offline simulator's registry has only ${offlineImages()}; '${m[1]}' may well exist on the real Docker Hub.`;
}
