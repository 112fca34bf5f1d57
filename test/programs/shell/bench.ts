/** Shell speed: `npx tsx test/programs/shell/bench.ts [script]` prints the script's output and the wall time. */
import { Machine } from '../../../src/machine/machine.js';
const m = Machine.boot();
const k = m.kernel;
const init = k.hostPidNs.init!;
const tty = k.createTty();
let out = '';
tty.onOutput((d: string) => { out += d; });
const script = process.argv[2] ?? 'i=0; while [ $i -lt 100000 ]; do i=$((i+1)); done; echo $i';
const p = k.spawn(init, { path: '/bin/bash', argv: ['bash', '-c', script], env: { PATH: '/usr/bin:/bin' }, cwd: '/', setsid: true });
k.attachTty(p, tty);
const t0 = performance.now();
await k.run({ until: 1e12, stop: () => p.state !== 'running' });
console.log(out.trim(), Math.round(performance.now() - t0), 'ms');
