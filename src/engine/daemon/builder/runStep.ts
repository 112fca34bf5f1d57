/**
 * A build step's container (moby builder/dockerfile/containerbackend.go): created from the step's parent image
 * with the run config, attached, started and waited for; its output goes to the build's stream as it comes.
 * The container is an ordinary one: `docker ps` shows it while it runs, and a failed step leaves it behind.
 */
import { layerFromUpper } from '../../fs/rwlayer.js';
import type { Layer } from '../../fs/layer.js';
import type { ContainerConfig } from '../container.js';
import type { DaemonContext } from '../context.js';
import { containerAttach } from '../attach.js';
import { containerCreate } from '../create.js';
import { containerRm } from '../delete.js';
import { containerStart } from '../start.js';
import { containerWait } from '../wait.js';
import { MemTree } from '../../fs/memtree.js';
import { utf8Encode } from '../../kernel/utf8.js';
import { containerMounts } from '../runtime/rootfs.js';
import { PIPES_DIR } from './heredoc.js';

export type OutputSink = (stream: 'stdout' | 'stderr', data: string) => void;

/** containerManager.Create with the builder's host config: the container's ID. */
export function createStepContainer(d: DaemonContext, image: string, c: ContainerConfig): string {
  return containerCreate(d, {
    Image: image, User: c.User, Env: [...c.Env], Cmd: c.Cmd && [...c.Cmd],
    // An empty entrypoint, not the image's: the step's command runs as given (withEntrypointOverride).
    Entrypoint: [], WorkingDir: c.WorkingDir, Labels: { ...c.Labels },
    ...(c.Volumes && Object.keys(c.Volumes).length > 0 ? { Volumes: { ...c.Volumes } } : {}),
    ...(c.ExposedPorts ? { ExposedPorts: { ...c.ExposedPorts } } : {}),
  }).Id;
}

/** containerManager.Run: the exit code (0 on success). */
export async function runStepContainer(d: DaemonContext, id: string, out: OutputSink): Promise<number> {
  const io = containerAttach(d, id, { stdout: true, stderr: true, stream: true });
  await containerStart(d, id);
  for (let chunk = await io.read(); chunk !== null; chunk = await io.read()) out(chunk.stream === 'stderr' ? 'stderr' : 'stdout', chunk.data);
  const res = await containerWait(d, id, 'not-running');
  return res.StatusCode;
}

/** What the step wrote, as a layer (null when it changed nothing). */
export function stepLayer(d: DaemonContext, id: string): Layer | null {
  const rt = d.store.runtimes.get(id);
  return rt ? layerFromUpper(rt.rootfs) : null;
}

/** containerManager.RemoveAll for one container: forced, its anonymous volumes with it. */
export async function removeStepContainer(d: DaemonContext, id: string): Promise<void> {
  await containerRm(d, id, { force: true, removeVolumes: true });
}

/** ContainerCreateWorkdir: WORKDIR's directory made in the container's layer if the image lacks it. */
export function makeWorkdir(d: DaemonContext, id: string, path: string): void {
  const rt = d.store.runtimes.get(id);
  if (!rt) return;
  let cur = '';
  for (const part of path.split('/').filter((p) => p !== '')) {
    cur += `/${part}`;
    try {
      rt.rootfs.lstat(cur);
    } catch {
      rt.rootfs.mkdir(cur, 0o755, 0, 0);
    }
  }
}

/**
 * dispatchRun's inline script: a here-document that starts with `#!`, a read-only file of mode 0755 in a mount
 * at /dev/pipes, outside the container's layer (so not in the step's diff).
 */
export function mountInlineScript(d: DaemonContext, id: string, name: string, data: string): void {
  const c = d.store.containers.get(id);
  if (!c) return;
  const tree = new MemTree({ clock: () => d.store.kernel.clock.epochMs(), fsType: 'tmpfs', rootMode: 0o755 });
  tree.writeFile(`/${name}`, utf8Encode(data), { mode: 0o755, uid: 0, gid: 0 });
  containerMounts(d.store, c, d.store.runtime(c), false).mount(PIPES_DIR, tree, { source: 'tmpfs', options: 'ro,relatime' });
}
