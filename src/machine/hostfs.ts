/**
 * The host's mount namespace: its root filesystem (the host image layer under a writable overlay), with
 * /proc for the host PID namespace and /dev with the terminals that exist.
 */
import type { Kernel } from '../engine/kernel/kernel.js';
import { DevFs } from '../engine/fs/devfs.js';
import { Layer } from '../engine/fs/layer.js';
import { Overlay } from '../engine/fs/overlay.js';
import { kernelProcSource } from '../engine/fs/procSource.js';
import { ProcFs } from '../engine/fs/procfs.js';
import { MountTable } from '../engine/fs/vfs.js';
// The host tree alone: the images' trees (rootfs/index.ts) belong to the Docker chunk, loaded on demand.
import { hostTree } from '../engine/rootfs/host.js';

/** Image layers are immutable, so every machine booted in this page shares one host layer per set of options. */
const layers = new Map<string, Layer>();

export function hostLayer(hostname: string, dockerGroup = false): Layer {
  const key = `${hostname}\0${dockerGroup}`;
  let layer = layers.get(key);
  if (!layer) {
    layer = Layer.fromTree(hostTree({ hostname, dockerGroup }));
    layers.set(key, layer);
  }
  return layer;
}

const TTY_GID = 5;

export function hostFilesystem(opts: {
  hostname: string;
  dockerGroup?: boolean;
  bootEpochMs: number;
  kernel: () => Kernel;
}): MountTable {
  const clock = (): number => opts.kernel().clock.epochMs();
  const root = new Overlay([hostLayer(opts.hostname, opts.dockerGroup)], { clock });
  const mnt = new MountTable(root, { source: 'overlay', options: 'rw,relatime' });
  mnt.mount('/proc', new ProcFs(kernelProcSource(opts.kernel)), { source: 'proc', options: 'rw,nosuid,nodev,noexec,relatime' });
  mnt.mount(
    '/dev',
    new DevFs({
      clock,
      mtimeMs: opts.bootEpochMs,
      pts: () =>
        opts.kernel().ttysIn(opts.kernel().rootMnt).map((t) => ({ n: Number(t.name.slice(4)), uid: t.uid, gid: TTY_GID })),
    }),
    { source: 'udev', options: 'rw,nosuid,relatime' },
  );
  return mnt;
}
