/**
 * The editor pane beside (or below) the terminal: a file tree of the learner's home on the host or of a
 * running container, and CodeMirror on the open file. It reads through the machine (`machine.files`, whose
 * container half is the daemon's read model) and saves through the session's journal (`Session.writeFile`):
 * a save is an input the kernel takes between ticks, as the file's owner writing it, so the terminal, `docker
 * build` and a reload see exactly what was saved, and a refusal is the kernel's (Permission denied).
 *
 * The machine goes on underneath: the pane looks again every second and when inputs are journaled. A file
 * changed or removed by something else is never overwritten without asking: the pane says so and offers to
 * reload it or keep the text in the pane (a save then writes it). Loaded on demand with CodeMirror.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
// The running containers' files are read through Docker's read model: its code comes with this pane.
import '../../machine/daemonQuery.js';
import type { FileInfo, FileTarget } from '../../machine/files.js';
import { defineMessages, useMessages, type Translate } from '../i18n.js';
import type { Session } from '../session.js';
import { PaneEditor } from './codemirror.js';
import type { EditorPlace, EditorState, OpenFile } from './editorState.js';
import { FileTree, join, type Listing } from './FileTree.js';
import './editor.css';

const messages = defineMessages({
  en: {
    title: 'Editor',
    files: 'Files',
    where: 'Whose files',
    host: 'Host: {home}',
    container: 'Container {name}',
    refresh: 'Look again',
    newFile: 'New file',
    newFileLabel: 'Path of the new file',
    create: 'Open',
    cancel: 'Cancel',
    save: 'Save',
    saving: 'Saving…',
    saved: 'Saved {path}',
    unsaved: 'unsaved changes',
    newOnDisk: 'new file, not saved yet',
    readOnly: 'read-only',
    noFile: 'Open a file from the tree, or make a new one. Ctrl-S saves, Esc goes back to the terminal.',
    placeBeside: 'Put the editor beside the terminal',
    placeBelow: 'Put the editor below the terminal',
    close: 'Close the editor',
    closeFile: 'Close the file',
    discard: 'Discard the unsaved changes to {path}?',
    cannotOpen: 'Cannot open {path}: {message}',
    cannotSave: 'Cannot save {path}: {message}',
    binary: '{path} is not text; shown read-only.',
    changed: '{path} changed on the machine since it was opened here.',
    deleted: '{path} was removed on the machine; saving writes it again.',
    stopped: 'The container is not running any more: its files cannot be read or written. Shown read-only.',
    overwrite: '{path} changed on the machine since it was opened here. Overwrite it with the text in the editor?',
    reload: 'Reload from the machine',
    keep: 'Keep my text',
    notRunning: 'container is not running',
    editorLabel: 'Text of {path}',
  },
  zh: {
    title: '编辑器',
    files: '文件',
    where: '谁的文件',
    host: '主机：{home}',
    container: '容器 {name}',
    refresh: '重新读取',
    newFile: '新建文件',
    newFileLabel: '新文件的路径',
    create: '打开',
    cancel: '取消',
    save: '保存',
    saving: '正在保存…',
    saved: '已保存 {path}',
    unsaved: '有未保存的修改',
    newOnDisk: '新文件，尚未保存',
    readOnly: '只读',
    noFile: '从文件树打开一个文件，或新建一个。Ctrl-S 保存，Esc 回到终端。',
    placeBeside: '把编辑器放在终端旁边',
    placeBelow: '把编辑器放在终端下面',
    close: '关闭编辑器',
    closeFile: '关闭文件',
    discard: '放弃对 {path} 未保存的修改吗？',
    cannotOpen: '无法打开 {path}：{message}',
    cannotSave: '无法保存 {path}：{message}',
    binary: '{path} 不是文本文件，以只读方式显示。',
    changed: '自从在这里打开后，{path} 已在机器上被修改。',
    deleted: '{path} 已在机器上被删除；保存会重新写入它。',
    stopped: '容器已不再运行：无法读写它的文件。以只读方式显示。',
    overwrite: '自从在这里打开后，{path} 已在机器上被修改。用编辑器中的文本覆盖它吗？',
    reload: '从机器重新载入',
    keep: '保留我的文本',
    notRunning: '容器未在运行',
    editorLabel: '{path} 的内容',
  },
});

/** How often the pane looks at the machine while nothing is typed (real ms). */
const LOOK_EVERY_MS = 1000;

type Notice = { readonly kind: 'error' | 'ok'; readonly text: string } | null;
type Stale = 'changed' | 'deleted' | 'stopped' | null;

interface Doc {
  readonly file: OpenFile;
  /** The file as last read or saved here; null while it is new (not on the machine yet). */
  readonly base: FileInfo | null;
  readonly binary: boolean;
}

/**
 * A file's text, and whether it is not text (invalid UTF-8 or a NUL byte, as `file` and editors judge):
 * shown then with U+FFFD for what cannot be decoded, read-only, so saving cannot mangle it.
 */
function decode(bytes: Uint8Array): { text: string; binary: boolean } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { text, binary: text.includes('\0') };
  } catch {
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), binary: true };
  }
}

function listingsKey(m: ReadonlyMap<string, Listing>): string {
  const parts: string[] = [];
  for (const [dir, l] of m) {
    parts.push(dir, l.ok ? l.value.map((e) => `${e.name}\0${e.type}\0${e.target ?? ''}\0${e.size}`).join('\n') : l.code);
  }
  return parts.join('\n\n');
}

function sameTarget(a: FileTarget, b: FileTarget): boolean {
  return a.kind === b.kind && (a.kind === 'host' || (b.kind === 'container' && a.id === b.id));
}

function sameVersion(a: FileInfo, b: FileInfo): boolean {
  return a.ino === b.ino && a.dev === b.dev && a.mtimeMs === b.mtimeMs && a.size === b.size && a.ctimeMs === b.ctimeMs;
}

function errorText(t: Translate<keyof (typeof messages)['en']>, r: { code: string; message: string }): string {
  return r.code === 'not-running' ? t('notRunning') : r.message;
}

/**
 * The page's side of the pane's state (src/ui/editor/editorState.ts), handed in rather than imported: that
 * module is in the page's first chunk, and this one must not pull the page's entry into its own imports.
 */
export interface EditorPaneProps {
  readonly session: Session;
  readonly state: EditorState;
  readonly update: (patch: Partial<EditorState>) => void;
  readonly setDirty: (dirty: boolean) => void;
  /** Focus goes back to the terminal (Esc). */
  readonly onLeave: () => void;
  /** The pane is closed (its own × button); the page asks about unsaved changes first. */
  readonly onClose: () => void;
}

export default function EditorPane(props: EditorPaneProps): React.JSX.Element {
  const { session, onLeave, onClose, state, update: updateEditor, setDirty: setEditorDirty } = props;
  const t = useMessages(messages);
  const opened = useRef(state.file);
  const files = session.machine.files;
  const query = session.machine.query;
  const home = useMemo(() => files.home(), [files]);

  const [target, setTarget] = useState<FileTarget>(state.file?.target ?? { kind: 'host' });
  const root = target.kind === 'host' ? home : '/';
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set([root]));
  const [listings, setListings] = useState<ReadonlyMap<string, Listing>>(new Map());
  const [containers, setContainers] = useState<readonly { id: string; name: string }[]>([]);
  const [doc, setDoc] = useState<Doc | null>(null);
  const [dirty, setDirtyState] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const [stale, setStale] = useState<Stale>(null);
  const [saving, setSaving] = useState(false);
  const [naming, setNaming] = useState<string | null>(null);

  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<PaneEditor | null>(null);
  const docRef = useRef<Doc | null>(null);
  docRef.current = doc;
  const dirtyRef = useRef(false);
  const setDirty = useCallback((d: boolean) => {
    dirtyRef.current = d;
    setDirtyState(d);
    setEditorDirty(d);
  }, []);
  const saveRef = useRef<() => void>(() => {});
  const leaveRef = useRef(onLeave);
  leaveRef.current = onLeave;

  const lookAtContainers = useCallback(() => {
    const running: { id: string; name: string }[] = [];
    for (const c of query.containers()) if (c.State.Running) running.push({ id: c.ID, name: c.Name.slice(1) });
    running.sort((a, b) => (a.name < b.name ? -1 : 1));
    setContainers((old) => (old.map((c) => c.id).join() === running.map((c) => c.id).join() ? old : running));
  }, [query]);

  const lookAtTree = useCallback(() => {
    const next = new Map<string, Listing>();
    for (const dir of expanded) next.set(dir, files.list(target, dir));
    // Looked at every second: the tree re-renders only when something in it changed.
    setListings((old) => (listingsKey(old) === listingsKey(next) ? old : next));
  }, [expanded, files, target]);

  /** The open file against the machine: changed, removed, or its container gone. */
  const lookAtFile = useCallback(() => {
    const d = docRef.current;
    if (!d) return;
    const st = files.stat(d.file.target, d.file.path);
    let next: Stale = null;
    if (!st.ok && st.code === 'not-running') next = 'stopped';
    else if (d.base && !st.ok && st.code === 'ENOENT') next = 'deleted';
    else if (d.base && st.ok && !sameVersion(st.value, d.base)) next = 'changed';
    setStale((s) => (s === next ? s : next));
  }, [files]);

  const look = useCallback(() => {
    lookAtContainers();
    lookAtTree();
    lookAtFile();
  }, [lookAtContainers, lookAtTree, lookAtFile]);

  useEffect(() => {
    look();
    const timer = setInterval(look, LOOK_EVERY_MS);
    const sub = session.onChange(look);
    return () => {
      clearInterval(timer);
      sub.dispose();
    };
  }, [look, session]);

  // A stopped container's file stays on screen, read-only; a file that came back writable is editable again.
  useEffect(() => {
    editor.current?.setReadOnly(stale === 'stopped' || (doc?.binary ?? true));
  }, [stale, doc]);

  /** Puts a file in the editor; false when the machine refused to read it (said in the pane). */
  const load = useCallback(
    (file: OpenFile, quiet = false): boolean => {
      const read = files.read(file.target, file.path);
      const st = files.stat(file.target, file.path);
      if (!read.ok || !st.ok) {
        const failed = !read.ok ? read : st.ok ? null : st;
        if (failed && failed.code === 'ENOENT' && !quiet) {
          // A path that does not exist yet is a new file: it is made on the first save.
          setDoc({ file, base: null, binary: false });
          editor.current?.load(file.path, '', false);
          setDirty(false);
          setStale(null);
          setNotice(null);
          updateEditor({ file });
          return true;
        }
        if (failed) setNotice({ kind: 'error', text: t('cannotOpen', { path: file.path, message: errorText(t, failed) }) });
        return false;
      }
      const { text, binary } = decode(read.value);
      setDoc({ file, base: st.value, binary });
      editor.current?.load(file.path, text, binary);
      setDirty(false);
      setStale(null);
      setNotice(binary ? { kind: 'error', text: t('binary', { path: file.path }) } : null);
      updateEditor({ file });
      return true;
    },
    [files, setDirty, t],
  );

  const confirmDiscard = useCallback((): boolean => {
    const d = docRef.current;
    return !dirtyRef.current || !d || window.confirm(t('discard', { path: d.file.path }));
  }, [t]);

  const open = useCallback(
    (file: OpenFile) => {
      const d = docRef.current;
      if (d && sameTarget(d.file.target, file.target) && d.file.path === file.path) return editor.current?.focus();
      if (!confirmDiscard()) return;
      if (load(file)) editor.current?.focus();
    },
    [confirmDiscard, load],
  );

  const save = useCallback(async () => {
    const d = docRef.current;
    const ed = editor.current;
    if (!d || !ed || d.binary || stale === 'stopped' || saving) return;
    // Looked at now, not only on the last tick: a change the terminal made a moment ago is not overwritten
    // without asking (as vim asks when the file changed since it was read).
    const st = files.stat(d.file.target, d.file.path);
    // A new file here may have been made in the terminal meanwhile: that is a change too.
    if (st.ok && (!d.base || !sameVersion(st.value, d.base))) {
      setStale('changed');
      if (!window.confirm(t('overwrite', { path: d.file.path }))) return;
    }
    const text = ed.text;
    setSaving(true);
    try {
      const r = await session.writeFile(d.file.target, d.file.path, text);
      // Another file was opened while the save went in: what follows is about a file no longer shown.
      if (docRef.current !== d) return;
      if (!r.ok) {
        setNotice({ kind: 'error', text: t('cannotSave', { path: d.file.path, message: errorText(t, r) }) });
        return;
      }
      setDoc({ ...d, base: r.value });
      setStale(null);
      setDirty(ed.text !== text);
      setNotice({ kind: 'ok', text: t('saved', { path: d.file.path }) });
      look();
    } finally {
      setSaving(false);
    }
  }, [files, look, saving, session, setDirty, stale, t]);
  saveRef.current = () => void save();

  // One CodeMirror view for the pane's life; files are swapped into it.
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const ed = new PaneEditor(el, { save: () => saveRef.current(), leave: () => leaveRef.current(), changed: () => !dirtyRef.current && setDirty(true) }, t('title'));
    editor.current = ed;
    const wanted = opened.current;
    if (wanted) load(wanted, true);
    return () => {
      ed.destroy();
      editor.current = null;
    };
    // The view is made once; the file named in the saved session is opened into it then.
  }, []);

  // Leaving the page with unsaved text: the browser asks.
  useEffect(() => {
    if (!dirty) return;
    const ask = (e: BeforeUnloadEvent): void => e.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [dirty]);
  useEffect(() => () => setEditorDirty(false), []);

  const chooseTarget = (value: string): void => {
    const next: FileTarget = value === 'host' ? { kind: 'host' } : { kind: 'container', id: value };
    setTarget(next);
    setExpanded(new Set([next.kind === 'host' ? home : '/']));
  };

  const toggleDir = (dir: string): void => {
    setExpanded((old) => {
      const next = new Set(old);
      if (next.has(dir)) next.delete(dir);
      else next.add(dir);
      return next;
    });
  };

  const closeFile = (): void => {
    if (!confirmDiscard()) return;
    setDoc(null);
    setDirty(false);
    setStale(null);
    setNotice(null);
    editor.current?.load('', '', true);
    updateEditor({ file: null });
  };

  const place = (p: EditorPlace): void => updateEditor({ place: p });
  const d = doc;
  const readOnly = !!d && (d.binary || stale === 'stopped');
  const targetValue = target.kind === 'host' ? 'host' : target.id;
  const targetGone = target.kind === 'container' && !containers.some((c) => c.id === target.id);

  return (
    <section className="editor-pane" aria-label={t('title')}>
      <div className="editor-side">
        <div className="editor-side-head">
          <select className="editor-where" aria-label={t('where')} value={targetValue} onChange={(e) => chooseTarget(e.target.value)}>
            <option value="host">{t('host', { home: '~' })}</option>
            {containers.map((c) => (
              <option key={c.id} value={c.id}>
                {t('container', { name: c.name })}
              </option>
            ))}
            {targetGone && <option value={targetValue}>{t('container', { name: target.kind === 'container' ? target.id.slice(0, 12) : '' })}</option>}
          </select>
          <button type="button" className="icon-button" title={t('refresh')} aria-label={t('refresh')} onClick={look}>
            ↻
          </button>
          <button type="button" className="editor-new" onClick={() => setNaming(join(root, ''))}>
            {t('newFile')}
          </button>
        </div>
        {naming !== null && (
          <form
            className="editor-naming"
            onSubmit={(e) => {
              e.preventDefault();
              const path = naming.trim();
              if (!path.startsWith('/') || path.endsWith('/')) return;
              setNaming(null);
              open({ target, path });
            }}
          >
            <input
              autoFocus
              aria-label={t('newFileLabel')}
              value={naming}
              spellCheck={false}
              onChange={(e) => setNaming(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') setNaming(null);
              }}
            />
            <button type="submit">{t('create')}</button>
          </form>
        )}
        <nav className="editor-tree" aria-label={t('files')}>
          <FileTree
            root={root}
            listings={listings}
            expanded={expanded}
            openPath={d && sameTarget(d.file.target, target) ? d.file.path : null}
            onToggle={toggleDir}
            onOpen={(path) => open({ target, path })}
          />
        </nav>
      </div>
      <div className="editor-main">
        <div className="editor-bar">
          <span className="editor-path" title={d?.file.path}>
            <bdi>{d ? d.file.path : t('title')}</bdi>
          </span>
          {d && dirty && (
            <span className="editor-dirty" title={t('unsaved')} aria-label={t('unsaved')}>
              ●
            </span>
          )}
          {d && !d.base && <span className="editor-tag">{t('newOnDisk')}</span>}
          {readOnly && <span className="editor-tag">{t('readOnly')}</span>}
          <span className="editor-bar-tools">
            {d && (
              <button type="button" className="editor-save" disabled={readOnly || saving} onClick={() => void save()}>
                {saving ? t('saving') : t('save')}
              </button>
            )}
            {d && (
              <button type="button" className="icon-button" title={t('closeFile')} aria-label={t('closeFile')} onClick={closeFile}>
                ⨯
              </button>
            )}
            <button
              type="button"
              className="icon-button editor-place"
              title={t(state.place === 'beside' ? 'placeBelow' : 'placeBeside')}
              aria-label={t(state.place === 'beside' ? 'placeBelow' : 'placeBeside')}
              onClick={() => place(state.place === 'beside' ? 'below' : 'beside')}
            >
              {state.place === 'beside' ? '⬓' : '◨'}
            </button>
            <button type="button" className="icon-button" title={t('close')} aria-label={t('close')} onClick={onClose}>
              ×
            </button>
          </span>
        </div>
        {notice && (
          <div className={`editor-notice is-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
            {notice.text}
          </div>
        )}
        {d && stale && (
          <div className="editor-notice is-stale" role="alert">
            <span>{stale === 'stopped' ? t('stopped') : t(stale, { path: d.file.path })}</span>
            {stale !== 'stopped' && (
              <span className="editor-notice-actions">
                {stale === 'changed' && (
                  <button
                    type="button"
                    onClick={() => {
                      if (confirmDiscard()) load(d.file);
                    }}
                  >
                    {t('reload')}
                  </button>
                )}
                <button
                  type="button"
                  onClick={() => {
                    // The text in the pane wins: it is dirty against what is on the machine now.
                    const st = files.stat(d.file.target, d.file.path);
                    setDoc({ ...d, base: st.ok ? st.value : null });
                    setStale(null);
                    setDirty(true);
                  }}
                >
                  {t('keep')}
                </button>
              </span>
            )}
          </div>
        )}
        {!d && <p className="editor-empty">{t('noFile')}</p>}
        <div className={`editor-cm${d ? '' : ' is-hidden'}`} ref={host} />
      </div>
    </section>
  );
}
