/**
 * A plain description of a directory tree: what root filesystems and image layers are built from.
 * Keys are absolute paths; missing parent directories are created as root-owned 0755 directories.
 * In a layer, a file named `.wh.<name>` deletes `<name>` from the layers below and `<dir>/.wh..wh..opq` makes
 * `<dir>` opaque (OCI image-spec whiteouts).
 */
export type TreeEntry =
  | {
      readonly type: 'file';
      readonly content: string | Uint8Array;
      readonly mode?: number;
      readonly uid?: number;
      readonly gid?: number;
      readonly mtimeMs?: number;
    }
  | { readonly type: 'dir'; readonly mode?: number; readonly uid?: number; readonly gid?: number; readonly mtimeMs?: number }
  | { readonly type: 'symlink'; readonly target: string; readonly uid?: number; readonly gid?: number; readonly mtimeMs?: number }
  | {
      readonly type: 'chardev';
      readonly rdev: number;
      readonly mode?: number;
      readonly uid?: number;
      readonly gid?: number;
      readonly mtimeMs?: number;
    };

export type Tree = Readonly<Record<string, TreeEntry>>;

/** Default modes when an entry gives none: files 0644, executables 0755 via `exec`, dirs 0755. */
export const file = (content: string | Uint8Array, mode = 0o644, uid = 0, gid = 0): TreeEntry => ({
  type: 'file',
  content,
  mode,
  uid,
  gid,
});

export const dir = (mode = 0o755, uid = 0, gid = 0): TreeEntry => ({ type: 'dir', mode, uid, gid });

export const symlink = (target: string): TreeEntry => ({ type: 'symlink', target });
