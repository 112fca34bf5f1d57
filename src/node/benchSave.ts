/**
 * Issue 16's archive figures for `npm run bench` (`npm run bench -- save`): `docker save ubuntu -o /tmp/u.tar`,
 * `docker save ubuntu > /tmp/u.tar` and `docker load -i` of it through the CLI, the API and dockerd on one
 * simulated host. Each runs in a child process of its own, so its peak RSS (the child's maxRSS less its RSS
 * just before, after a GC) is its own; a before-peak higher than the save's makes the figure an upper bound.
 */
import { spawnSync } from 'node:child_process';
import type { Program } from '../engine/kernel/sys.js';
import { installImage } from '../engine/daemon/images/pull.js';
import { CATALOG } from '../engine/daemon/registry.js';
import { parseNormalizedNamed } from '../pkg/reference.js';
import { Machine } from '../machine/machine.js';
import { nodeDrain } from './drain.js';
import type { BenchRow } from './benchBuild.js';

const CASES: Record<string, { what: string; script: string }> = {
  'save-o': { what: 'docker save ubuntu -o /tmp/u.tar (79 MB tar)', script: 'docker save ubuntu -o /tmp/u.tar' },
  'save-redirect': { what: 'docker save ubuntu > /tmp/u.tar', script: 'docker save ubuntu > /tmp/u.tar' },
  'save-pipe': { what: 'docker save ubuntu | cat > /dev/null (through a 64 KiB pipe)', script: 'docker save ubuntu | cat >/dev/null' },
  load: { what: 'docker load -i /tmp/u.tar (after rmi)', script: 'docker load -q -i /tmp/u.tar >/dev/null' },
};

/** Before `load`: the tar to read, then the image gone. */
const SETUP: Record<string, string> = { load: 'docker save ubuntu -o /tmp/u.tar && docker rmi -f ubuntu >/dev/null' };

const mb = (n: number): string => `${(n / 1e6).toFixed(0)} MB`;

export function saveBench(rows: BenchRow[]): void {
  for (const [name, c] of Object.entries(CASES)) {
    const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, 'save-child', name], { encoding: 'utf8', timeout: 120_000 });
    const out = child.status === 0 ? child.stdout.trim() : `failed: ${(child.stderr || String(child.error)).trim().split('\n').pop()}`;
    // V8 collects the chunks' buffers (outside its heap) once ~64 MB of them have gone: the peak carries that.
    rows.push({ what: c.what, value: out, target: '≤ 1 s CPU, ≤ 80 MB peak RSS above before' });
  }
}

/** In the child: boots a host with ubuntu, runs the case's command line in bash, prints its figures. */
export async function saveChild(name: string): Promise<void> {
  const c = CASES[name];
  const m = Machine.boot({ seed: 1, drain: nodeDrain });
  const ref = parseNormalizedNamed('ubuntu');
  installImage(m.daemonStore, CATALOG.find((k) => k.path === ref.path && k.tags.includes('latest'))!, ref);
  let line = '';
  let status = -1;
  const client: Program = async (sys) => {
    await sys.sleep(2000);
    const bash = async (script: string): Promise<number> => (await sys.wait(sys.spawn({ path: '/bin/bash', argv: ['bash', '-c', script] })))?.status ?? -1;
    if (SETUP[name] && (await bash(SETUP[name])) !== 0) throw new Error(`setup of ${name} failed`);
    (globalThis as { gc?: () => void }).gc?.();
    const rss0 = process.memoryUsage().rss;
    const u0 = process.cpuUsage();
    const t0 = performance.now();
    status = await bash(c.script);
    const u = process.cpuUsage(u0);
    const wall = performance.now() - t0;
    const peak = process.resourceUsage().maxRSS * 1024 - rss0;
    line = `${((u.user + u.system) / 1000).toFixed(0)} ms CPU (${wall.toFixed(0)} ms), peak +${mb(Math.max(0, peak))}`;
    return 0;
  };
  m.kernel.spawn(m.kernel.hostPidNs.init!, { program: client, argv: ['bench-client'] });
  await m.kernel.run({ until: 1e12, stop: () => status >= 0 });
  if (status !== 0) throw new Error(`${c.script}: exit ${status}`);
  console.log(line);
}
