/**
 * The pane's file tree: one directory's entries at a time, read through the machine when it is expanded and
 * again on every refresh, so a file made in the terminal shows up. Directories (and symlinks to them) open in
 * place; a file opens in the editor. Buttons all the way down: Tab, Enter and Space work as with the mouse.
 */
import type { DirEntry, FileResult } from '../../machine/files.js';
import { defineMessages, useMessages } from '../i18n.js';

const messages = defineMessages({
  en: { empty: 'empty', failed: 'cannot list: {message}' },
  zh: { empty: '空目录', failed: '无法列出：{message}' },
});

export type Listing = FileResult<readonly DirEntry[]>;

export interface FileTreeProps {
  readonly root: string;
  /** Listings of the expanded directories, by path. */
  readonly listings: ReadonlyMap<string, Listing>;
  readonly expanded: ReadonlySet<string>;
  readonly openPath: string | null;
  readonly onToggle: (dir: string) => void;
  readonly onOpen: (path: string) => void;
}

export function join(dir: string, name: string): string {
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

function isDir(e: DirEntry): boolean {
  return e.type === 'dir' || (e.type === 'symlink' && e.target === 'dir');
}

function Dir({ path, depth, props }: { path: string; depth: number; props: FileTreeProps }): React.JSX.Element {
  const t = useMessages(messages);
  const listing = props.listings.get(path);
  if (!listing) return <></>;
  const pad = { paddingLeft: `${0.4 + depth * 0.9}rem` };
  if (!listing.ok) {
    return (
      <li className="tree-note" style={pad}>
        {t('failed', { message: listing.message })}
      </li>
    );
  }
  if (listing.value.length === 0) {
    return (
      <li className="tree-note" style={pad}>
        {t('empty')}
      </li>
    );
  }
  return (
    <>
      {listing.value.map((e) => {
        const full = join(path, e.name);
        if (isDir(e)) {
          const open = props.expanded.has(full);
          return (
            <li key={e.name}>
              <button type="button" className="tree-row tree-dir" style={pad} aria-expanded={open} onClick={() => props.onToggle(full)}>
                <span className="tree-twisty" aria-hidden="true">
                  {open ? '▾' : '▸'}
                </span>
                {e.name}/
              </button>
              {open && (
                <ul className="tree-list">
                  <Dir path={full} depth={depth + 1} props={props} />
                </ul>
              )}
            </li>
          );
        }
        const openable = e.type === 'file' || (e.type === 'symlink' && e.target === 'file');
        return (
          <li key={e.name}>
            <button
              type="button"
              className={`tree-row tree-file${props.openPath === full ? ' is-open' : ''}`}
              style={pad}
              disabled={!openable}
              aria-current={props.openPath === full ? 'true' : undefined}
              onClick={() => props.onOpen(full)}
            >
              <span className="tree-twisty" aria-hidden="true" />
              {e.name}
              {e.type === 'symlink' ? ' →' : ''}
            </button>
          </li>
        );
      })}
    </>
  );
}

export function FileTree(props: FileTreeProps): React.JSX.Element {
  return (
    <ul className="tree-list tree-root">
      <Dir path={props.root} depth={0} props={props} />
    </ul>
  );
}
