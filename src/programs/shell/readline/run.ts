/** Runs a completer program (`docker __complete …`, `complete -C`) as a child and collects its output. */
import { isProcessEnd } from '../../../engine/kernel/process.js';
import { findCommand } from '../external.js';
import type { ShellContext } from '../context.js';

export async function captureOutput(sh: ShellContext, argv: readonly string[], env: Record<string, string> = {}): Promise<string> {
  const sys = sh.sys;
  const path = argv[0].includes('/') ? argv[0] : findCommand(sh, argv[0]);
  if (!path) return '';
  let r = -1;
  let w = -1;
  let nul = -1;
  try {
    [r, w] = sys.pipe();
    nul = sys.open('/dev/null', 'r+');
    const pid = sys.spawn({ path, argv, env: sh.envFor(env), fds: { 0: nul, 1: w, 2: nul } });
    sys.close(w);
    w = -1;
    let out = '';
    for (let d = await sys.read(r); d !== null; d = await sys.read(r)) out += d;
    await sys.wait(pid);
    return out;
  } catch (e) {
    if (isProcessEnd(e)) throw e;
    return '';
  } finally {
    for (const fd of [r, w, nul]) {
      if (fd >= 0) {
        try {
          sys.close(fd);
        } catch {
          /* already closed */
        }
      }
    }
  }
}
