/**
 * containerd as systemd's containerd.service starts it: the long-running daemon a Docker host's `ps aux` shows
 * (root, `Ssl`, beside dockerd), holding /run/containerd/containerd.sock. The engine here drives its shims
 * itself, so nothing speaks containerd's gRPC on that socket, and what a learner could ask of the binary
 * (flags, subcommands, a second daemon) is refused in one line rather than imitated.
 */
import { isSysError } from '../../engine/kernel/errno.js';
import { isProcessEnd } from '../../engine/kernel/process.js';
import type { Program, Sys } from '../../engine/kernel/sys.js';

export const CONTAINERD_SOCKET = '/run/containerd/containerd.sock';

async function refuse(sys: Sys, what: string): Promise<number> {
  await sys.write(2, `containerd: ${what} is not simulated in dockersim\n`);
  return 126;
}

export const containerd: Program = async (sys) => {
  if (sys.argv.length > 1) return refuse(sys, `'${sys.argv.slice(1).join(' ')}'`);
  if (sys.euid !== 0 || sys.fs.exists(CONTAINERD_SOCKET)) return refuse(sys, 'a containerd besides the one systemd runs');
  let listener: number;
  try {
    if (!sys.fs.exists('/run/containerd')) sys.fs.mkdir('/run/containerd', { recursive: true, mode: 0o711 });
    listener = sys.listen(`unix://${CONTAINERD_SOCKET}`, { mode: 0o660 });
  } catch (e) {
    if (isProcessEnd(e) || !isSysError(e)) throw e;
    return refuse(sys, 'a containerd besides the one systemd runs');
  }
  // A Go daemon: its worker threads are what put the `l` in ps's `Ssl`.
  const worker = sys.spawn({ argv: [...sys.argv], thread: true, fds: {}, program: async (s) => (await s.pause(), 0) });
  let stopped = false;
  sys.signal('SIGTERM', () => {
    if (stopped) return;
    stopped = true;
    sys.kill(worker, 'SIGKILL');
  });
  await sys.wait(worker);
  sys.close(listener);
  if (sys.fs.exists(CONTAINERD_SOCKET)) sys.fs.unlink(CONTAINERD_SOCKET);
  return 0;
};
