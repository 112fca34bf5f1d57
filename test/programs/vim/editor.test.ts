import { describe, expect, it } from 'vitest';
import { Editor, type Dialect, type EditorFiles } from '../../../src/programs/vim/editor.js';
import { KeyDecoder } from '../../../src/programs/lib/tui/keys.js';

/** A disk of plain strings; `locked` paths refuse writes as the kernel's EACCES would. */
function disk(files: Record<string, string> = {}, locked: string[] = []): EditorFiles & { files: Record<string, string> } {
  return {
    files,
    read: (p) => (p in files ? { text: files[p] } : { error: 'missing' }),
    writable: (p) => !locked.includes(p),
    write(p, text) {
      if (locked.includes(p)) return 'EACCES';
      files[p] = text;
      return null;
    },
    exists: (p) => p in files,
  };
}

function editor(text: string | null, opts: { dialect?: Dialect; files?: ReturnType<typeof disk> } = {}): Editor & { disk: ReturnType<typeof disk> } {
  const d = opts.files ?? disk(text === null ? {} : { f: text });
  const ed = new Editor({ dialect: opts.dialect ?? 'vim', files: d, now: () => 0, rows: 24, cols: 80 }) as Editor & { disk: ReturnType<typeof disk> };
  ed.disk = d;
  ed.edit(text === null ? null : 'f');
  return ed;
}

/** Types keys written as vim notation (`dd`, `<Esc>`, `:wq<CR>`). */
function type(ed: Editor, keys: string): void {
  for (const k of keys.match(/<[A-Za-z0-9-]+>|[\s\S]/g) ?? []) ed.feed(k);
}

describe('vim editing core', () => {
  it('inserts text, leaves insert mode a column back and writes a new file', () => {
    const ed = editor(null);
    type(ed, 'iFROM ubuntu:24.04<CR>RUN apt-get update<Esc>');
    expect(ed.lines).toEqual(['FROM ubuntu:24.04', 'RUN apt-get update']);
    expect(ed.cursor).toEqual({ row: 1, col: 17 });
    type(ed, ':w Dockerfile<CR>');
    expect(ed.disk.files.Dockerfile).toBe('FROM ubuntu:24.04\nRUN apt-get update\n');
    expect(ed.message?.text).toBe('"Dockerfile" [New] 2L, 37B written');
  });

  it('says what vim says on opening a file, an unknown command, quitting with changes and writing without a name', () => {
    const ed = editor('a\nb\nc\n');
    expect(ed.message?.text).toBe('"f" 3L, 6B');
    type(ed, ':foo<CR>');
    expect(ed.message).toEqual({ text: 'E492: Not an editor command: foo', kind: 'error' });
    type(ed, 'x:q<CR>');
    expect(ed.message?.text).toBe('E37: No write since last change (add ! to override)');
    expect(ed.quit).toBeNull();
    type(ed, ':q!<CR>');
    expect(ed.quit).toEqual({ code: 0 });
    const nameless = editor(null);
    type(nameless, 'ihi<Esc>:wq<CR>');
    expect(nameless.message?.text).toBe('E32: No file name');
    expect(nameless.quit).toBeNull();
  });

  it('shows [New] for a file that is not there yet, and E212 when the kernel refuses the write', () => {
    const files = disk({}, ['/etc/x']);
    const ed = new Editor({ dialect: 'vim', files, now: () => 0, rows: 24, cols: 80 });
    ed.edit('/etc/x');
    expect(ed.message?.text).toBe('"/etc/x" [New]');
    type(ed, 'ihi<Esc>:w<CR>');
    expect(ed.message?.text).toBe(`"/etc/x" E212: Can't open file for writing`);
  });

  it('deletes, yanks and puts lines with counts, and says how many', () => {
    const ed = editor('1\n2\n3\n4\n5\n');
    type(ed, '3dd');
    expect(ed.lines).toEqual(['4', '5']);
    expect(ed.message?.text).toBe('3 fewer lines');
    type(ed, 'p');
    expect(ed.lines).toEqual(['4', '1', '2', '3', '5']);
    expect(ed.message?.text).toBe('3 more lines');
    type(ed, 'ggyyP');
    expect(ed.lines).toEqual(['4', '4', '1', '2', '3', '5']);
    type(ed, 'G3yy');
    expect(ed.message?.text).not.toBe('3 lines yanked');
  });

  it('undoes and redoes whole commands with vim\'s message', () => {
    const ed = editor(null);
    type(ed, 'iFROM ubuntu<CR>RUN true<Esc>');
    type(ed, 'u');
    expect(ed.lines).toEqual(['']);
    expect(ed.message?.text).toBe('2 fewer lines; before #1  0 seconds ago');
    type(ed, 'u');
    expect(ed.message?.text).toBe('Already at oldest change');
    type(ed, '<C-r>');
    expect(ed.lines).toEqual(['FROM ubuntu', 'RUN true']);
    expect(ed.message?.text).toBe('2 more lines; after #1  0 seconds ago');
    type(ed, 'xu');
    expect(ed.message?.text).toBe('1 change; before #2  0 seconds ago');
  });

  it('moves by words, line ends, first and last lines', () => {
    const ed = editor('  RUN apt-get install -y vim\nFROM x\n\nlast line\n');
    expect(ed.cursor).toEqual({ row: 0, col: 2 });
    type(ed, 'w');
    expect(ed.cursor.col).toBe(6);
    type(ed, 'w');
    expect(ed.cursor.col).toBe(9);
    type(ed, 'e');
    expect(ed.cursor.col).toBe(12);
    type(ed, 'b');
    expect(ed.cursor.col).toBe(10);
    type(ed, '$');
    expect(ed.cursor.col).toBe(27);
    type(ed, 'j');
    expect(ed.cursor).toEqual({ row: 1, col: 5 });
    type(ed, '0');
    expect(ed.cursor.col).toBe(0);
    type(ed, 'G');
    expect(ed.cursor).toEqual({ row: 3, col: 0 });
    type(ed, 'gg^');
    expect(ed.cursor).toEqual({ row: 0, col: 2 });
    type(ed, '2G');
    expect(ed.cursor.row).toBe(1);
    type(ed, ':4<CR>');
    expect(ed.cursor.row).toBe(3);
  });

  it('changes and deletes words, to the end of the line, and joins lines', () => {
    const ed = editor('FROM ubuntu:22.04\nRUN a\n  b\n');
    type(ed, 'wcwdebian<Esc>');
    expect(ed.lines[0]).toBe('FROM debian:22.04');
    type(ed, '0dw');
    expect(ed.lines[0]).toBe('debian:22.04');
    type(ed, 'wD');
    expect(ed.lines[0]).toBe('debian');
    type(ed, 'jJ');
    expect(ed.lines[1]).toBe('RUN a b');
    expect(ed.cursor.col).toBe(5);
    type(ed, 'rX');
    expect(ed.lines[1]).toBe('RUN aXb');
  });

  it('opens lines, appends, inserts at the line start, and repeats the last change with .', () => {
    const ed = editor('b\n');
    type(ed, 'Oa<Esc>joc<Esc>');
    expect(ed.lines).toEqual(['a', 'b', 'c']);
    type(ed, 'A!<Esc>I><Esc>');
    expect(ed.lines[2]).toBe('>c!');
    type(ed, 'k.');
    expect(ed.lines[1]).toBe('>b');
    type(ed, 'gg0x.');
    expect(ed.lines[0]).toBe('');
    type(ed, '3ihi<Esc>');
    expect(ed.lines[0]).toBe('hihihi');
  });

  it('searches forward and back, wraps with vim\'s warning, and says when a pattern is not there', () => {
    const ed = editor('FROM a\nRUN b\nRUN c\n');
    type(ed, '/RUN<CR>');
    expect(ed.cursor).toEqual({ row: 1, col: 0 });
    expect(ed.message?.text).toBe('/RUN');
    type(ed, 'n');
    expect(ed.cursor.row).toBe(2);
    type(ed, 'n');
    expect(ed.cursor.row).toBe(1);
    expect(ed.message).toEqual({ text: 'search hit BOTTOM, continuing at TOP', kind: 'warning' });
    type(ed, 'N');
    expect(ed.cursor.row).toBe(2);
    expect(ed.message?.text).toBe('search hit TOP, continuing at BOTTOM');
    type(ed, '/x<CR>');
    expect(ed.message?.text).toBe('E486: Pattern not found: x');
    type(ed, '?FROM<CR>');
    expect(ed.cursor.row).toBe(0);
  });

  it(':x and ZZ write only a changed buffer; :set nu turns on the number column', () => {
    const ed = editor('a\n');
    type(ed, ':set nu<CR>');
    expect(ed.number).toBe(true);
    type(ed, ':set nonu<CR>');
    expect(ed.number).toBe(false);
    type(ed, 'ZZ');
    expect(ed.quit).toEqual({ code: 0 });
    const changed = editor('a\n');
    type(changed, 'xZZ');
    expect(changed.disk.files.f).toBe('\n');
    expect(changed.quit).toEqual({ code: 0 });
  });

  it('keeps the intro up through `i` until text is typed, and leaves a silent ex command on the command line', () => {
    const ed = editor(null);
    expect(ed.intro).toBe(true);
    type(ed, 'i');
    expect(ed.intro).toBe(true);
    type(ed, 'x');
    expect(ed.intro).toBe(false);
    type(ed, '<Esc>:set nu<CR>');
    expect(ed.message).toEqual({ text: ':set nu', kind: 'plain' });
  });

  it('answers Ctrl-C in Normal mode as vim does, and cancels a pending operator with it', () => {
    const ed = editor('a\nb\n');
    type(ed, '<C-c>');
    expect(ed.message?.text).toBe('Type  :qa  and press <Enter> to exit Vim');
    type(ed, 'd<C-c>j');
    expect(ed.lines).toEqual(['a', 'b']);
    expect(ed.cursor.row).toBe(1);
  });

  it('refuses what it does not model in one line instead of ignoring it', () => {
    const ed = editor('a\n');
    type(ed, 'v');
    expect(ed.message?.kind).toBe('error');
    expect(ed.message?.text).toContain('not simulated');
    type(ed, 'ciw');
    expect(ed.message?.text).toBe('dockersim: text objects (ciw, ci"…) is not simulated in this vim');
    expect(ed.mode).toBe('normal');
    type(ed, ':s/a/b/<CR>');
    expect(ed.message?.text).toBe('dockersim: :s is not simulated in this vim');
  });

  it('busybox vi words its messages as busybox does', () => {
    const ed = editor(null, { dialect: 'busybox', files: disk() });
    ed.edit('bb');
    type(ed, 'iFROM ubuntu<Esc>:q<CR>');
    expect(ed.message?.text).toBe('No write since last change (:q! overrides)');
    type(ed, ':foo<CR>');
    expect(ed.message?.text).toBe("'foo' is not implemented");
    type(ed, ':wq<CR>');
    expect(ed.message?.text).toBe("'bb' 1L, 12C");
    // busybox 1.35 on Debian: `yy` `p` `u` on a file of a, b, c.
    const three = editor('a\nb\nc\n', { dialect: 'busybox' });
    type(three, 'yyp');
    expect(three.message?.text).toBe('Put 1 lines (2 chars) from [D]');
    type(three, 'u');
    expect(three.message?.text).toBe('Undo [1] deleted 2 chars at position 2');
    expect(ed.quit).toEqual({ code: 0 });
  });
});

describe('key decoding', () => {
  it('reads cursor keys whole, holds a cut-off sequence, and turns a lone ESC into <Esc> on timeout', () => {
    const d = new KeyDecoder();
    expect(d.feed('a\x1b[A\x1b[3~\r')).toEqual(['a', '<Up>', '<Del>', '<CR>']);
    expect(d.feed('\x1b[')).toEqual([]);
    expect(d.pending).toBe(true);
    expect(d.feed('B')).toEqual(['<Down>']);
    expect(d.feed('\x1b')).toEqual([]);
    expect(d.flush()).toEqual(['<Esc>']);
    expect(d.feed('\x1b:')).toEqual(['<Esc>', ':']);
    expect(d.feed('\x1bO')).toEqual([]);
    expect(d.flush()).toEqual(['<Esc>', 'O']);
  });
});
