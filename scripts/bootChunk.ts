import { join } from 'node:path';
import type { Plugin } from 'vite';

const ROOT = join(import.meta.dirname, '..');

/**
 * The code a `<DockerSim>` loads before its first prompt: the simulator (src/ui/package/Simulator.tsx, loaded
 * when a component mounts) and what it imports statically, minus what the entries already hold, in one chunk.
 * The bundler's default split cut it into ~35 chunks by the lazy families sharing a few machine modules each,
 * and gzip packs small files worse (a docs site's bundler keeps the package's files as they are). The module
 * graph is read once the build has loaded every module. build-lib.ts splits the package this way, and
 * packagePage.ts builds bench:web's sample page from the sources the same way, as the package ships.
 */
export function bootChunk(): { plugin: Plugin; group: { name: string; test: (id: string) => boolean } } {
  const boot = new Set<string>();
  const plugin: Plugin = {
    name: 'dockersim:boot-chunk',
    buildEnd() {
      boot.clear();
      const closure = (roots: readonly string[]): Set<string> => {
        const seen = new Set<string>();
        const stack = [...roots];
        while (stack.length > 0) {
          const m = stack.pop()!;
          if (seen.has(m)) continue;
          seen.add(m);
          stack.push(...(this.getModuleInfo(m)?.importedIds ?? []));
        }
        return seen;
      };
      const entries = closure([...this.getModuleIds()].filter((id) => this.getModuleInfo(id)?.isEntry));
      for (const m of closure([join(ROOT, 'src/ui/package/Simulator.tsx')])) if (!entries.has(m)) boot.add(m);
    },
  };
  return { plugin, group: { name: 'simulator', test: (id) => boot.has(id) } };
}
