/**
 * Issue 16's build figures for `npm run bench`: the book's static_web Dockerfile built by the legacy builder in
 * the engine, cold (apt-get update and install in their step containers) and fully cached (CPU time, median of
 * 5 fresh machines after one untimed), and the heap 100 images built on one base add beyond their own layers' bytes.
 */
import { writeTar } from '../pkg/archive/tar.js';
import { parseNormalizedNamed } from '../pkg/reference.js';
import type { Program } from '../engine/kernel/sys.js';
import { Daemon } from '../engine/daemon/daemon.js';
import { imageBuild, type BuildOptions } from '../engine/daemon/builder/build.js';
import { installImage } from '../engine/daemon/images/pull.js';
import { CATALOG } from '../engine/daemon/registry.js';
import { Machine } from '../machine/machine.js';
import { nodeDrain } from './drain.js';

export interface BenchRow {
  readonly what: string;
  readonly value: string;
  readonly target: string;
}

const STATIC_WEB = "FROM ubuntu:24.04\nRUN apt-get update\nRUN apt-get install -y nginx\nRUN echo 'Hi, I am in your container' \\\n    >/var/www/html/index.html\nEXPOSE 80\n";

const OPTS: BuildOptions = {
  tags: [], dockerfile: 'Dockerfile', buildArgs: {}, target: '', noCache: false, pull: false, quiet: false, remove: true,
  forceRemove: false, labels: {}, version: '1', remote: '', platform: '',
};

function tar(dockerfile: string): Uint8Array {
  return writeTar([{ name: 'Dockerfile', type: 'file', mode: 0o644, uid: 0, gid: 0, uname: '', gname: '', mtime: 0, data: new TextEncoder().encode(dockerfile) }]);
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** What dockerd does between requests: reaps its exited children (the step containers' shims). */
async function reap(d: Daemon): Promise<void> {
  try {
    while ((await d.sys.wait(undefined, { nohang: true })) !== null) {
      /* one more */
    }
  } catch {
    // ECHILD: none left
  }
}

/** Runs `body` as dockerd's stand-in on a machine with ubuntu:24.04 in its store. */
async function onMachine(body: (d: Daemon) => Promise<void>): Promise<void> {
  const m = Machine.boot({ seed: 1, drain: nodeDrain, docker: false });
  const ref = parseNormalizedNamed('ubuntu:24.04');
  installImage(m.daemonStore, CATALOG.find((c) => c.path === ref.path && c.tags.includes('24.04'))!, ref);
  let done = false;
  let failed: unknown = null;
  const program: Program = async (sys) => {
    try {
      await body(new Daemon({ store: m.daemonStore, sys }));
    } catch (e) {
      failed = e;
    }
    done = true;
    return 0;
  };
  m.kernel.spawn(m.kernel.hostPidNs.init!, { program, argv: ['dockerd'] });
  await m.kernel.run({ until: 1e12, stop: () => done });
  if (failed) throw failed;
  if (!done) throw new Error('build bench stalled');
}

const median = (xs: number[]): number => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const spread = (xs: number[], digits: number): string => {
  const s = [...xs].sort((a, b) => a - b);
  return `${median(s).toFixed(digits)} ms (${s[0].toFixed(digits)}–${s[s.length - 1].toFixed(digits)})`;
};

export async function buildBench(rows: BenchRow[]): Promise<void> {
  // Each figure is one build on a fresh machine, after a forced GC so the last machine's garbage is not
  // collected on this build's time. The first machine is V8's first look at the code (compiling, not
  // building): timed apart, then 5 more give the median.
  const runs = 5;
  const cold: number[] = [];
  const cached: number[] = [];
  let first = 0;
  for (let i = 0; i <= runs; i++) {
    await onMachine(async (d) => {
      gc();
      let t0 = cpuMs();
      await imageBuild(d, OPTS, tar(STATIC_WEB), () => {});
      const ms = cpuMs() - t0;
      if (i === 0) first = ms;
      else cold.push(ms);
      t0 = cpuMs();
      await imageBuild(d, OPTS, tar(STATIC_WEB), () => {});
      if (i > 0) cached.push(cpuMs() - t0);
    });
  }
  rows.push({ what: `docker build static_web, cold (legacy, in engine, CPU, median of ${runs}, min–max)`, value: spread(cold, 1), target: '≤ 60 ms' });
  rows.push({ what: 'the same, the first build in the process (V8 compiling the code)', value: `${first.toFixed(1)} ms`, target: '' });
  rows.push({ what: 'the same build, fully cached', value: spread(cached, 2), target: '≤ 5 ms' });

  // Heap at 100 images, then the marginal cost per image up to 400. The first figure also carries what fills
  // once: V8's compiled code for the paths a build takes (~12 KB an image over the first 100, by a heap
  // snapshot diff) and the daemon's ring of the last 256 events, which every daemon holds anyway.
  const n = 100;
  const more = 300;
  const at: number[] = [];
  const own: number[] = [];
  await onMachine(async (d) => {
    // One build first, so the heap figure leaves out code compiled once.
    await imageBuild(d, OPTS, tar('FROM ubuntu:24.04\nRUN echo warm > /warm\n'), () => {});
    await reap(d);
    gc();
    at.push(process.memoryUsage().heapUsed);
    let bytes = 0;
    for (let i = 0; i < n + more; i++) {
      const id = await imageBuild(d, OPTS, tar(`FROM ubuntu:24.04\nRUN echo image ${i} > /built-${i}\n`), () => {});
      bytes += d.store.images.get(id)!.layers.at(-1)!.size;
      await reap(d);
      if (i + 1 === n || i + 1 === n + more) {
        gc();
        at.push(process.memoryUsage().heapUsed);
        own.push(bytes);
      }
    }
  });
  const per = (heap: number, bytes: number, count: number): string => `${((heap - bytes) / count / 1024).toFixed(1)} KiB`;
  rows.push({
    what: `heap per image built on one base (${n}), beyond its own layer (${Math.round(own[0] / n)} B)`, value: per(at[1] - at[0], own[0], n),
    target: '≤ 20 KB',
  });
  rows.push({ what: `the same, each of the next ${more} images`, value: per(at[2] - at[1], own[1] - own[0], more), target: '≤ 20 KB' });
}
