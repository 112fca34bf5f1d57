/**
 * A host with Ubuntu 24.04's nginx packages installed (rootfs/packages/nginx.ts), the system programs (curl,
 * ps, kill) and a sleeping init: nginx runs as a learner would start it, from a root terminal.
 */
import { Kernel } from '../../../src/engine/kernel/kernel.js';
import { loopbackInterface, NetNamespace } from '../../../src/engine/kernel/net.js';
import type { Program } from '../../../src/engine/kernel/sys.js';
import { MemTree } from '../../../src/engine/fs/memtree.js';
import { kernelProcSource } from '../../../src/engine/fs/procSource.js';
import { ProcFs } from '../../../src/engine/fs/procfs.js';
import { buildInodes } from '../../../src/engine/fs/treeio.js';
import { MountTable } from '../../../src/engine/fs/vfs.js';
import { TreeBuilder } from '../../../src/engine/rootfs/builder.js';
import { nginxContents } from '../../../src/engine/rootfs/packages/nginx.js';
import { programs as nginxPrograms } from '../../../src/programs/nginx/index.js';
import { system } from '../../../src/programs/system/index.js';
import { shells } from '../../../src/programs/shell/index.js';
import { coreutils } from '../../../src/programs/coreutils/index.js';
import { service } from '../../../src/programs/init/systemctl.js';
import { httpd } from '../../../src/programs/busybox/httpd.js';
import { DEV, type Credentials } from '../../../src/engine/kernel/fsTypes.js';

/**
 * `http PORT REQUEST…`: writes each request (\n becomes CRLF) on one connection, then prints the raw bytes
 * the server sent until it closes or goes quiet; independent of curl's own formatting.
 */
const http: Program = async (sys) => {
  // PORT, or ADDRESS:PORT (`[::1]:8089`).
  const fd = sys.connect(`tcp://${sys.argv[1].includes(':') ? sys.argv[1] : `127.0.0.1:${sys.argv[1]}`}`);
  for (const req of sys.argv.slice(2)) await sys.write(fd, req.replace(/\n/g, '\r\n'));
  sys.shutdown(fd);
  // Each piece as the server wrote it: a gzip body stays its bytes.
  for (let d = await sys.readData(fd); d !== null; d = await sys.readData(fd)) await sys.write(1, d);
  return 0;
};

/**
 * `idle PORT REQUEST`: sends one request without closing its side, reads until the server closes, and prints
 * how much virtual time passed after the last byte came (the server's keep-alive timeout at work).
 */
const idle: Program = async (sys) => {
  const fd = sys.connect(`tcp://127.0.0.1:${sys.argv[1]}`);
  if (sys.argv[2]) await sys.write(fd, sys.argv[2].replace(/\n/g, '\r\n'));
  let last = sys.now();
  let got = '';
  for (let d = await sys.read(fd); d !== null; d = await sys.read(fd)) {
    got += d;
    last = sys.now();
  }
  await sys.write(1, `${got.split('\r\n')[0]}\nclosed after ${Math.round((sys.now() - last) / 1000)} s\n`);
  return 0;
};

export const BOOT = Date.UTC(2026, 10, 28, 9, 0, 0);

export interface NginxHost {
  readonly k: Kernel;
  readonly root: MemTree;
}

export function nginxHost(release = '24.04', extra: (b: TreeBuilder) => void = () => {}): NginxHost {
  const b = new TreeBuilder(BOOT - 86_400_000);
  b.file('/etc/passwd', 'root:x:0:0:root:/root:/bin/bash\nwww-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\nuser:x:1000:1000::/home/user:/bin/bash\n');
  b.file('/etc/group', 'root:x:0:\nadm:x:4:\nwww-data:x:33:\nnogroup:x:65534:\nuser:x:1000:\n');
  b.dir('/proc', 0o555).dir('/run', 0o755).dir('/tmp', 0o1777).dir('/root', 0o700);
  b.bins('/usr/bin', ['curl', 'ps', 'kill', 'http', 'idle', 'cat', 'stty', 'sleep', 'rm', 'bash', 'dash', 'httpd']);
  b.link('/bin', 'usr/bin').link('/usr/bin/sh', 'dash').bin('/usr/sbin/service');
  for (const pkg of release === '24.04' ? ['nginx-common', 'nginx'] : ['nginx-common', 'nginx-core']) nginxContents[pkg](b, release);
  extra(b);
  const root = new MemTree({ clock: () => BOOT }, buildInodes({ ...b.build(), '/dev/null': { type: 'chardev', rdev: DEV.null, mode: 0o666, uid: 0, gid: 0 } }));
  const mnt = new MountTable(root);
  let k: Kernel | undefined;
  mnt.mount('/proc', new ProcFs(kernelProcSource(() => k!)));
  k = new Kernel({
    seed: 1, bootEpochMs: BOOT, hostname: 'web', rootMnt: mnt, net: new NetNamespace([loopbackInterface()]),
    programs: new Map<string, Program>([...Object.entries(coreutils), ...Object.entries(shells), ['service', service], ['httpd', httpd], ['sh', shells.dash], ...Object.entries(system), ...Object.entries(nginxPrograms), ['http', http], ['idle', idle]]),
  });
  k.startInit(async (sys) => {
    sys.signal('SIGCHLD', async () => {
      try {
        while (await sys.wait(undefined, { nohang: true }));
      } catch {
        // ECHILD
      }
    });
    const [r] = sys.pipe();
    for (;;) await sys.read(r);
  }, ['/sbin/init']);
  return { k, root };
}

export const ROOT: Credentials = { uid: 0, gid: 0, groups: [0] };
export const USER: Credentials = { uid: 1000, gid: 1000, groups: [1000] };

/** Runs one command on a fresh terminal and lets the machine settle; output as the terminal shows it. */
export async function run(h: NginxHost, argv: string[], cred: Credentials = ROOT, settleMs = 5_000): Promise<{ out: string; status: number | undefined }> {
  const { k } = h;
  const tty = k.createTty();
  let out = '';
  tty.onOutput((d) => (out += d));
  const path = argv[0].includes('/') ? argv[0] : argv[0] === 'nginx' ? '/usr/sbin/nginx' : `/usr/bin/${argv[0]}`;
  const p = k.spawn(k.hostPidNs.init!, { path, argv, env: { PATH: '/usr/sbin:/usr/bin:/bin', HOME: '/root' }, cred, cwd: '/', setsid: true });
  k.attachTty(p, tty);
  for (let i = 0; i < 100 && p.state === 'running'; i++) await k.runFor(settleMs);
  if (k.faults.length > 0) throw k.faults[0].error;
  return { out: out.replace(/\r*\n/g, '\n'), status: p.exit?.status };
}

export function read(h: NginxHost, path: string): string {
  return new TextDecoder().decode(h.root.readFile(path));
}

/** A file's bytes as a binary string (one character per byte), for responses with compressed bodies. */
export function readBinary(h: NginxHost, path: string): string {
  let s = '';
  for (const b of h.root.readFile(path)) s += String.fromCharCode(b);
  return s;
}

export function write(h: NginxHost, path: string, text: string): void {
  h.root.writeFile(path, new TextEncoder().encode(text), { mode: 0o644, uid: 0, gid: 0 });
}

export function exists(h: NginxHost, path: string): boolean {
  return h.root.find(path, 'stat') !== undefined;
}
