import { hubOf } from '../../engine/daemon/distribution/hub.js';
import { DEFAULT_DOMAIN, DEFAULT_TAG, familiarName, parseNormalizedNamed, type Reference } from '../../pkg/reference.js';
import { str } from './fields.js';
import { say, type Said } from './said.js';
import { defineCheck, type RegistryCheck } from './types.js';

/** Where distribution's filesystem driver keeps a repository's tags (registry/storage/paths.go) in registry:2. */
const REPOSITORIES = '/var/lib/registry/docker/registry/v2/repositories';

function parsed(ref: string): Reference | undefined {
  try {
    return parseNormalizedNamed(ref);
  } catch {
    return undefined;
  }
}

/**
 * A registry holds the repository at that tag (default `latest`): without `container`, the simulated Docker
 * Hub as the learner pushed to it; with it, the `registry:2` container of that name, read from its storage
 * (the tag's `current/link` under /var/lib/registry, its volume included). Nothing is sent to either: it reads
 * what a push left behind.
 */
export const registryCheck = defineCheck<RegistryCheck>({
  kind: 'registry',
  schema: {
    fields: { ref: str, container: str },
    required: ['ref'],
    refine(v) {
      const r = parsed(String(v.ref));
      if (!r) return `registry.ref: invalid reference format: ${JSON.stringify(v.ref)}`;
      if (r.digest !== undefined) return `registry.ref: name a tag, not a digest: ${JSON.stringify(v.ref)}`;
      if (v.container === undefined && r.domain !== DEFAULT_DOMAIN) {
        return `registry.ref: ${JSON.stringify(v.ref)} names the registry ${r.domain}: say which registry:2 container it is with \`container\``;
      }
      if (v.container !== undefined && r.domain === DEFAULT_DOMAIN) {
        return `registry.ref: with \`container\`, name the registry as the learner pushes to it (localhost:5000/${r.path.replace(/^library\//, '')}), got ${JSON.stringify(v.ref)}`;
      }
      return undefined;
    },
  },
  evaluate(k, { machine }) {
    const r = parseNormalizedNamed(k.ref);
    const tag = r.tag ?? DEFAULT_TAG;
    const repo = r.path;
    let tags: readonly string[] | undefined;
    let where: string;
    if (k.container === undefined) {
      where = 'Docker Hub';
      const held = hubOf(machine.kernel).repos.get(repo);
      tags = held ? [...held.tags.keys()].sort() : undefined;
    } else {
      where = k.container;
      const c = machine.query.findContainer(k.container);
      if (!c) return { holds: false, found: say('noContainer', { name: k.container }) };
      // Its storage is a volume, mounted only while it runs; a stopped registry serves nothing anyway.
      if (!c.State.Running) return { holds: false, found: say('notRunning', { name: k.container }) };
      const listed = machine.query.listDir(c.ID, `${REPOSITORIES}/${repo}/_manifests/tags`);
      tags = listed?.ok ? listed.value.map((e) => e.name) : undefined;
    }
    const name = k.container === undefined ? familiarName(r) : repo;
    const found: Said = tags === undefined || tags.length === 0
      ? say('registryLacks', { registry: where, repo: name })
      : say('registryTags', { registry: where, repo: name, tags: [...tags] });
    return { holds: tags?.includes(tag) ?? false, found };
  },
});
