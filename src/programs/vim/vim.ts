/**
 * The `vim` program (Ubuntu's vim.basic, reached as vim and vi through /etc/alternatives) and busybox's `vi`
 * applet: both run the same editing core on the terminal through `lib/tui`, each with its own screen and
 * words. Files are read and written through the simulated kernel as the user, so permissions hold.
 *
 * Not modelled: a swap file (`.file.swp`), viminfo, syntax colouring, the mouse, visual mode, :s, windows.
 */
import { isSysError } from '../../engine/kernel/errno.js';
import { utf8Decode } from '../../engine/kernel/utf8.js';
import type { Program, Sys } from '../../engine/kernel/sys.js';
import { Tui } from '../lib/tui/index.js';
import { Editor, type Dialect, type EditorFiles, type ReadResult } from './editor.js';
import { Screen, type IntroText } from './screen.js';

/** vim's version by the runtime directory its package installs, as the binary finds $VIMRUNTIME. */
const VERSIONS: readonly { readonly dir: string; readonly intro: IntroText }[] = [
  { dir: '/usr/share/vim/vim91', intro: { version: '9.1.16', helpVersion: 'version9' } },
  { dir: '/usr/share/vim/vim90', intro: { version: '9.0.2142', helpVersion: 'version9' } },
  { dir: '/usr/share/vim/vim82', intro: { version: '8.2.3995', helpVersion: 'version8' } },
  { dir: '/usr/share/vim/vim81', intro: { version: '8.1.2269', helpVersion: 'version8' } },
  { dir: '/usr/share/vim/vim80', intro: { version: '8.0.1453', helpVersion: 'version8' } },
  // 16.04's 7.4.1689; 14.04's 7.4.52 shares the directory name and is not told apart.
  { dir: '/usr/share/vim/vim74', intro: { version: '7.4.1689', helpVersion: 'version7' } },
];

/** Names vim.basic answers to through /etc/alternatives whose modes (Ex, restricted, diff) are not modelled. */
const UNMODELLED_NAMES = new Set(['ex', 'rvim', 'rview', 'vimdiff', 'evim', 'eview', 'gvim']);

function versionOf(sys: Sys): IntroText {
  for (const v of VERSIONS) {
    try {
      if (sys.fs.exists(v.dir)) return v.intro;
    } catch {
      /* an unreadable directory counts as absent */
    }
  }
  return VERSIONS[0].intro;
}

/** The kernel's file calls in the words the editor needs. */
export function kernelFiles(sys: Sys): EditorFiles {
  const path = (p: string): string => (p.startsWith('/') ? p : `${sys.cwd().replace(/\/$/, '')}/${p}`);
  return {
    read(p): ReadResult {
      try {
        if (sys.fs.exists(path(p)) && sys.fs.stat(path(p)).type === 'dir') return { error: 'directory' };
        const bytes = sys.fs.readFile(path(p));
        return { text: utf8Decode(bytes), bytes: bytes.length };
      } catch (e) {
        if (isSysError(e, 'ENOENT') || isSysError(e, 'ENOTDIR')) return { error: 'missing' };
        if (isSysError(e, 'EISDIR')) return { error: 'directory' };
        if (isSysError(e)) return { error: 'denied' };
        throw e;
      }
    },
    writable(p) {
      try {
        return sys.fs.access(path(p), 'w');
      } catch {
        return false;
      }
    },
    write(p, text) {
      try {
        sys.fs.writeFile(path(p), text);
        return null;
      } catch (e) {
        if (isSysError(e)) return e.code;
        throw e;
      }
    },
    exists(p) {
      try {
        return sys.fs.exists(path(p));
      } catch {
        return false;
      }
    },
  };
}

interface RunOptions {
  readonly dialect: Dialect;
  readonly name: string;
}

async function runEditor(sys: Sys, opts: RunOptions): Promise<number> {
  const argv0 = sys.argv[0] ?? opts.name;
  const invoked = argv0.slice(argv0.lastIndexOf('/') + 1);
  if (opts.dialect === 'vim' && UNMODELLED_NAMES.has(invoked)) {
    await sys.write(2, `${invoked}: this mode of vim is not simulated in dockersim (run vim)\n`);
    return 1;
  }
  const args = sys.argv.slice(1);
  const files = args.filter((a) => !a.startsWith('-') || a === '-');
  const flags = args.filter((a) => a.startsWith('-') && a !== '-' && a !== '--');
  if (flags.length > 0 || files.length > 1 || files[0] === '-') {
    const what = flags[0] ?? (files.length > 1 ? 'more than one file' : 'reading from stdin (-)');
    await sys.write(2, `${opts.name}: ${what}: not simulated in dockersim\n`);
    return 1;
  }
  const intro = opts.dialect === 'vim' ? versionOf(sys) : null;
  const tui = new Tui(sys, { escTimeout: opts.dialect === 'vim' ? 100 : 50 });
  if (opts.dialect === 'vim') {
    if (!sys.isatty(1)) await sys.write(1, 'Vim: Warning: Output is not to a terminal\n');
    if (!sys.isatty(0)) await sys.write(1, 'Vim: Warning: Input is not from a terminal\n');
  }
  const size = tui.size();
  const ed = new Editor({ dialect: opts.dialect, files: kernelFiles(sys), now: () => sys.now(), rows: size.rows, cols: size.cols });
  const screen = new Screen(ed, intro);
  screen.sponsorSeconds = Math.floor(sys.now() / 1000);
  // `view` is vim with 'readonly' set.
  ed.viewOnly = invoked === 'view';
  ed.edit(files[0] ?? null);
  let deadly: string | null = null;
  try {
    await tui.enter();
    await tui.write(screen.render());
    for (;;) {
      const ev = await tui.readKey();
      if (ev === null) {
        if (opts.dialect === 'vim') deadly = 'Vim: Error reading input, exiting...\nVim: Finished.\n';
        break;
      }
      if (typeof ev === 'object') {
        if ('deadly' in ev) {
          if (opts.dialect === 'vim') deadly = `Vim: Caught deadly signal ${ev.deadly.slice(3)}\nVim: Finished.\n`;
          else deadly = '';
          break;
        }
        ed.resize(ev.resized.rows, ev.resized.cols);
        screen.invalidate();
      } else {
        ed.feed(ev);
        sys.cpu(1);
      }
      if (ed.quit) break;
      // A paste arrives as many keys at once: draw once they are all in.
      if (!tui.typeahead) await tui.write(screen.render());
    }
  } finally {
    await tui.leave();
  }
  if (deadly !== null) {
    if (deadly !== '') await sys.write(2, deadly);
    return 1;
  }
  return ed.quit?.code ?? 0;
}

export const vim: Program = (sys) => runEditor(sys, { dialect: 'vim', name: 'vim' });

export const busyboxVi: Program = (sys) => runEditor(sys, { dialect: 'busybox', name: 'vi' });
