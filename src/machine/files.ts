/**
 * Files as the app's editor pane reads and writes them: the learner's files on the host, as the learner (uid
 * 1000, their groups as /etc/group says now, a login's umask), and a running container's, as root through its
 * own mounts (as `docker exec -u root` would). Everything goes through the kernel's path walk and permission
 * checks, so a save is refused exactly as `cat > file` would be, and `cat`, `docker build` and bind mounts see
 * a saved file at once. Container reads go through the daemon's read model (`machine.query`).
 *
 * Writes change the machine, so the page never calls `write` directly: a save is a journaled input
 * (machine/journal.ts, kind 'write') applied between kernel runs.
 */
import { runningContainerFs } from '../engine/daemon/archive.js';
import type { DaemonQuery } from '../engine/daemon/query.js';
import type { DaemonStore } from '../engine/daemon/store.js';
import { attempt, fileInfo, listDir, type DirEntry, type FileInfo, type FsResult } from '../engine/fs/listing.js';
import type { FsContext, Fs } from '../engine/kernel/fsTypes.js';
import type { Kernel } from '../engine/kernel/kernel.js';
import { loginAccount } from './login.js';

export type { DirEntry, FileInfo };

/** The kernel's answer, or: the container is gone or stopped (it has no mounts to go through then). */
export type FileResult<T> = FsResult<T> | { readonly ok: false; readonly code: 'not-running'; readonly message: string };

/** Whose files: the host's (as the learner) or a running container's (as root), by the container's full ID. */
export type FileTarget = { readonly kind: 'host' } | { readonly kind: 'container'; readonly id: string };

export const HOST: FileTarget = { kind: 'host' };

/** The learner's login name on the host. */
export const LEARNER = 'user';

/** What a login shell inherits from init (kernel.startInit); pam_umask is not modelled. */
const LOGIN_UMASK = 0o022;

export class MachineFiles {
  constructor(
    private readonly kernel: Kernel,
    private readonly store: DaemonStore,
    /** The read model, asked for at each container read (a page loads its code after the first prompt). */
    private readonly queryOf: () => DaemonQuery,
  ) {}

  /** The learner's home directory, from /etc/passwd. */
  home(): string {
    return loginAccount(this.rootView(), LEARNER).home;
  }

  list(target: FileTarget, path: string): FileResult<readonly DirEntry[]> {
    if (target.kind === 'container') return this.queryOf().listDir(target.id, path) ?? notRunning();
    const fs = this.learnerView();
    return attempt(() => listDir(fs, path));
  }

  stat(target: FileTarget, path: string): FileResult<FileInfo> {
    if (target.kind === 'container') return this.queryOf().fileInfo(target.id, path) ?? notRunning();
    const fs = this.learnerView();
    return attempt(() => fileInfo(fs, path));
  }

  /**
   * The file's bytes (`cat`), for the page to decode: its TextDecoder is native, the engine's UTF-8 decoder
   * (engine/kernel/utf8.ts) is not, and a megabyte took it ~100 ms. The bytes may be the file's own: decode
   * them at once, never change them.
   */
  read(target: FileTarget, path: string): FileResult<Uint8Array> {
    if (target.kind === 'container') return this.queryOf().fileBytes(target.id, path) ?? notRunning();
    const fs = this.learnerView();
    return attempt(() => fs.readFile(path));
  }

  /**
   * Replaces the file's content in place (same inode, owner and mode, as `cat > file` or vim's default
   * `backupcopy` do, so a bind-mounted single file stays bound), or creates it as the writer with mode 0666
   * less the umask. Returns the file's metadata after the write. Only the journal calls this.
   */
  write(target: FileTarget, path: string, text: string): FileResult<FileInfo> {
    let fs: Fs | undefined;
    if (target.kind === 'container') {
      const c = this.store.containers.get(target.id);
      fs = c && runningContainerFs(this.store, c);
      if (!fs) return notRunning();
    } else fs = this.learnerView();
    const view = fs;
    return attempt(() => {
      view.writeFile(path, text);
      return fileInfo(view, path);
    });
  }

  private rootView(): Fs {
    return this.kernel.hostPidNs.init!.fsView;
  }

  /** A fresh view each time: the learner's groups are read as a new login would read them. */
  private learnerView(): Fs {
    const account = loginAccount(this.rootView(), LEARNER);
    const ctx: FsContext = { cred: account.cred, cwd: account.home, umask: LOGIN_UMASK, caller: { hostPid: 0 } };
    return this.kernel.rootMnt.view(ctx);
  }
}

function notRunning(): { readonly ok: false; readonly code: 'not-running'; readonly message: string } {
  return { ok: false, code: 'not-running', message: 'container is not running' };
}
