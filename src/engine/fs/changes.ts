/**
 * `docker diff` for an overlay: dockerd's OverlayChanges (moby pkg/archive, graphdriver overlay2 with native
 * diff). It walks the upper layer depth first, names in byte order (Go's filepath.Walk), and reports:
 * - D for a whiteout, and for an opaque directory (moby reports a dir deleted and recreated as D, then its
 *   children as A/C);
 * - A for an entry no lower layer has, C for one some lower layer has — except a directory whose mode and mtime
 *   match the lower one (a parent merely copied up) is skipped;
 * - before the first A/D inside a directory that was not itself reported, a C for that directory (not for `/`).
 * The list is not re-sorted: the CLI prints it in this order.
 */
import { Inode, joinPath, sortedNames } from './inode.js';

export type ChangeKind = 'A' | 'C' | 'D';

export interface Change {
  readonly kind: ChangeKind;
  readonly path: string;
}

export function overlayChanges(upper: Inode, lowerAt: (path: string) => Inode | null): Change[] {
  const out: Change[] = [];
  const changedDirs = new Set<string>();
  const visit = (dir: Inode, dirPath: string): void => {
    for (const name of sortedNames(dir)) {
      const node = dir.children!.get(name)!;
      const path = joinPath(dirPath, name);
      let kind: ChangeKind | null;
      if (node.kind === 'whiteout' || (node.kind === 'dir' && node.opaque)) kind = 'D';
      else {
        const lower = lowerAt(path);
        if (!lower) kind = 'A';
        else if (lower.kind === 'dir' && node.kind === 'dir' && lower.mode === node.mode && sameFsTime(lower.mtimeMs, node.mtimeMs)) {
          kind = null;
        } else kind = 'C';
      }
      if (kind !== null) {
        if (node.kind === 'dir') changedDirs.add(path);
        if ((kind === 'A' || kind === 'D') && dirPath !== '/' && !changedDirs.has(dirPath)) {
          out.push({ kind: 'C', path: dirPath });
          changedDirs.add(dirPath);
        }
        out.push({ kind, path });
      }
      if (node.kind === 'dir') visit(node, path);
    }
  };
  visit(upper, '/');
  return out;
}

/** moby's sameFsTime: equal, or the same second with one side truncated to whole seconds (tar). */
function sameFsTime(a: number, b: number): boolean {
  return a === b || (Math.floor(a / 1000) === Math.floor(b / 1000) && (a % 1000 === 0 || b % 1000 === 0));
}

/** One line of `docker diff` output. */
export function formatChange(c: Change): string {
  return `${c.kind} ${c.path}`;
}
