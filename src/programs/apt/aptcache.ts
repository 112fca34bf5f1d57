/**
 * apt-cache policy, show and search over the lists `apt-get update` wrote: before an update the archive is
 * unknown to apt, exactly as in a fresh container.
 */
import type { Program, Sys } from '../../engine/kernel/sys.js';
import type { DebPackage } from '../../engine/rootfs/packages/archive.js';
import { Output } from '../lib/output.js';
import { availableIndexes, indexKey, indexStanza, isInstalled, readSources, readStatus, releaseOf, unmodelledRelease, type Source } from './state.js';

function known(sys: Sys): { cand: (n: string) => DebPackage | undefined; names: () => string[]; sources: Source[] } {
  const archive = releaseOf(sys.fs);
  const sources = readSources(sys.fs);
  const avail = availableIndexes(sys.fs, sources);
  const status = readStatus(sys.fs);
  const cand = (n: string): DebPackage | undefined => {
    const p = archive?.packages.get(n);
    if (p?.hostOnly && !isInstalled(status.get(n))) return undefined;
    return p && avail.has(indexKey(p)) ? p : undefined;
  };
  return { cand, names: () => [...(archive?.packages.keys() ?? [])].filter((n) => cand(n)).sort(), sources };
}

async function policy(sys: Sys, out: Output, names: readonly string[]): Promise<number> {
  const { cand, sources } = known(sys);
  const status = readStatus(sys.fs);
  for (const n of names) {
    const p = cand(n);
    const e = status.get(n);
    const inst = isInstalled(e) ? e!.fields.get('Version')! : undefined;
    if (!p && !inst) continue;
    await out.write(`${n}:\n  Installed: ${inst ?? '(none)'}\n  Candidate: ${p?.version ?? inst ?? '(none)'}\n  Version table:\n`);
    const ver = p?.version ?? inst!;
    await out.write(`${inst === ver ? ' *** ' : '     '}${ver} ${p ? 500 : 100}\n`);
    if (p) {
      for (const s of sources.filter((x) => x.suite === p.suite && x.components.includes(p.component))) {
        await out.write(`        500 ${s.uri} ${p.suite}/${p.component} amd64 Packages\n`);
      }
    }
    if (inst === ver) await out.write('        100 /var/lib/dpkg/status\n');
  }
  await out.flush();
  return 0;
}

async function show(sys: Sys, out: Output, names: readonly string[]): Promise<number> {
  const { cand } = known(sys);
  let found = 0;
  for (const n of names) {
    const p = cand(n);
    if (!p) continue;
    found++;
    await out.write(`${indexStanza(p)}\n`);
  }
  await out.flush();
  if (found === 0) {
    await sys.write(2, 'E: No packages found\n');
    return 100;
  }
  return 0;
}

async function search(sys: Sys, out: Output, args: readonly string[]): Promise<number> {
  const namesOnly = args.includes('--names-only') || args.includes('-n');
  const pats = args.filter((a) => !a.startsWith('-')).map((a) => new RegExp(a, 'i'));
  if (pats.length === 0) {
    await sys.write(2, 'E: You must give at least one search pattern\n');
    return 100;
  }
  const { cand, names } = known(sys);
  for (const n of names()) {
    const p = cand(n)!;
    const text = namesOnly ? n : `${n} ${p.description}`;
    if (pats.every((re) => re.test(text))) await out.write(`${n} - ${p.description}\n`);
  }
  await out.flush();
  return 0;
}

export const aptCache: Program = async (sys) => {
  const out = new Output(sys, 1);
  const [cmd, ...rest] = sys.argv.slice(1);
  if (!releaseOf(sys.fs)) {
    await sys.write(2, `apt-cache: ${unmodelledRelease(sys)}\n`);
    return 100;
  }
  switch (cmd) {
    case 'policy':
      return policy(sys, out, rest);
    case 'show':
      return show(sys, out, rest);
    case 'search':
      return search(sys, out, rest);
    case undefined:
      await sys.write(2, 'apt-cache: a command is needed (policy, show, search)\n');
      return 100;
    default:
      await sys.write(2, `apt-cache: '${cmd}' is not simulated in dockersim\n`);
      return 100;
  }
};
