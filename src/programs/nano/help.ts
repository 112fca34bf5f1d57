/**
 * nano 7.2's main help text (^G), wrapped for the terminal's width as help.c's wrap_help_text_into_buffer
 * does: the introduction at most 74 columns wide (never under 40), each shortcut line at the screen's width
 * with its continuation indented past the keys. Colours are those of nanohelp.nanorc, which Ubuntu's
 * /etc/nanorc includes: the keys cyan, the quoted '^' and 'M-' bright red.
 */
import type { Row } from './screen.js';

const INTRO = [
  " The nano editor is designed to emulate the functionality and ease-of-use of the UW Pico text editor.  " +
    'There are four main sections of the editor.  The top line shows the program version, the current filename ' +
    'being edited, and whether or not the file has been modified.  Next is the main editor window showing the ' +
    'file being edited.  The status line is the third line from the bottom and shows important messages.  The ' +
    'bottom two lines show the most commonly used shortcuts in the editor.',
  '',
  " Shortcuts are written as follows: Control-key sequences are notated with a '^' and can be entered either " +
    "by using the Ctrl key or pressing the Esc key twice.  Meta-key sequences are notated with 'M-' and can be " +
    'entered using either the Alt, Cmd, or Esc key, depending on your keyboard setup.  Also, pressing Esc twice ' +
    'and then typing a three-digit decimal number from 000 to 255 will enter the character with the ' +
    'corresponding value.  The following keystrokes are available in the main editor window.  Alternative keys ' +
    'are shown in parentheses:',
  '',
];

/** Each function's keys in a 17-column area, then what it does; a blank line between groups (help_init). */
const ENTRIES = String.raw`^G     (F1)      Display this help text
^X     (F2)      Close the current buffer / Exit from nano
^O     (F3)      Write the current buffer (or the marked region) to disk
^R     (Ins)     Insert another file into current buffer (or into new buffer)

^W     (F6)      Search forward for a string or a regular expression
^\     (M-R)     Replace a string or a regular expression
^K     (F9)      Cut current line (or marked region) and store it in cutbuffer
^U     (F10)     Paste the contents of cutbuffer at current cursor position

^T               Execute a function or an external command
^J     (F4)      Justify the current paragraph

^C     (F11)     Display the position of the cursor
^/     (M-G)     Go to line and column number

M-U              Undo the last operation
M-E              Redo the last undone operation

M-A    (^6)      Mark text starting from the cursor position
M-6    (M-^)     Copy current line (or marked region) and store it in cutbuffer

M-]              Go to the matching bracket

^Q               Search backward for a string or a regular expression
M-Q              Search next occurrence backward
M-W              Search next occurrence forward

^B     (◂)       Go back one character
^F     (▸)       Go forward one character
^◂     (M-Space) Go back one word
^▸     (^Space)  Go forward one word
^A     (Home)    Go to beginning of current line
^E     (End)     Go to end of current line

^P     (▴)       Go to previous line
^N     (▾)       Go to next line
M-▴    (M--)     Scroll up one line without moving the cursor textually
M-▾    (M-+)     Scroll down one line without moving the cursor textually

^▴     (M-7)     Go to previous block of text
^▾     (M-8)     Go to next block of text
M-(    (M-9)     Go to beginning of paragraph; then of previous paragraph
M-)    (M-0)     Go just beyond end of paragraph; then of next paragraph

^Y     (PgUp)    Go one screenful up
^V     (PgDn)    Go one screenful down
M-\    (^Home)   Go to the first line of the file
M-/    (^End)    Go to the last line of the file

M-◂    (M-,)     Switch to the previous file buffer
M-▸    (M-.)     Switch to the next file buffer

^I     (Tab)     Insert a tab at the cursor position (or indent marked lines)
^M     (Enter)   Insert a newline at the cursor position

^H     (Bsp)     Delete the character to the left of the cursor
^D     (Del)     Delete the character under the cursor

M-Bsp  (Sh-^Del) Delete backward from cursor to word start
^Del             Delete forward from cursor to next word start
M-T              Cut from the cursor position to the end of the file

M-J              Justify the entire file
M-D              Count the number of lines, words, and characters
M-V              Insert the next keystroke verbatim

M-}              Indent the current line (or marked lines)
M-{    (Sh-Tab)  Unindent the current line (or marked lines)

M-3              Comment/uncomment the current line (or marked lines)
^]               Try and complete the current word

M-:              Start/stop recording a macro
M-;              Run the last recorded macro

M-Del            Throw away the current line (or marked region)

M-Ins            Place or remove an anchor at the current line
M-PgUp           Jump backward to the nearest anchor
M-PgDn           Jump forward to the nearest anchor

F12              Invoke the spell checker, if available
M-B              Invoke the linter, if available
M-F              Invoke a program to format/arrange/manipulate the buffer

                 Suspend the editor (return to the shell)
^L               Refresh (redraw) the current screen
^L               Center the line where the cursor is

^S               Save file without prompting

M-Z              Hidden interface enable/disable
M-X              Help mode enable/disable
M-C              Constant cursor position display enable/disable
M-S              Soft wrapping of overlong lines enable/disable
M-N              Line numbering enable/disable
M-P              Whitespace display enable/disable
M-Y              Color syntax highlighting enable/disable

M-H              Smart home key enable/disable
M-I              Auto indent enable/disable
M-K              Cut to end enable/disable
M-L              Hard wrapping of overlong lines enable/disable
M-O              Conversion of typed tabs to spaces enable/disable
M-M              Mouse support enable/disable`;

/** A help line and whether it is a shortcut line (whose first 17 columns hold keys). */
export interface HelpLine {
  readonly text: string;
  readonly keys: boolean;
}

/** Where break_line would cut `text` for `goal` columns: the index of the blank the next line starts at. */
function breakAt(text: string, goal: number, help: boolean): number {
  let i = 0;
  while (i < text.length && text[i] === ' ') i++;
  let lastBlank = -1;
  while (i < text.length && i <= goal) {
    if (text[i] === ' ' && (!help || i > 17 || goal < 40)) lastBlank = i;
    i++;
  }
  if (i <= goal) return text.length;
  if (lastBlank < 0) return Math.max(1, i - 1);
  while (lastBlank + 1 < text.length && text[lastBlank + 1] === ' ') lastBlank++;
  return lastBlank;
}

/** `text` cut at `at`, without the blank the cut leaves at its end. */
function head(text: string, at: number): string {
  return at < text.length && text[at - 1] === ' ' ? text.slice(0, at - 1) : text.slice(0, at);
}

/** The help text as lines for a terminal `cols` wide, starting with nano's blank line at the top. */
export function helpLines(cols: number, rows: number): HelpLine[] {
  const out: HelpLine[] = rows > 6 ? [{ text: ' ', keys: false }] : [];
  const introGoal = cols < 40 ? 40 : cols > 74 ? 74 : cols;
  for (const para of INTRO) {
    let rest = para;
    for (;;) {
      const at = breakAt(rest, introGoal, false);
      out.push({ text: head(rest, at), keys: false });
      if (at >= rest.length) break;
      rest = rest.slice(at);
    }
  }
  const goal = cols < 40 ? 40 : cols;
  const tailGoal = cols < 40 ? 22 : cols - 18;
  for (const line of ENTRIES.split('\n')) {
    let at = breakAt(line, goal, true);
    out.push({ text: head(line, at), keys: line !== '' });
    let rest = line.slice(at);
    while (rest !== '') {
      at = breakAt(rest, tailGoal, true);
      out.push({ text: `${' '.repeat(18)}${head(rest, at)}`, keys: false });
      rest = rest.slice(at);
    }
  }
  return out;
}

const CYAN = '36';
const BRIGHT_RED = '1;31';

/** Draws one help line on `row`, coloured as nanohelp.nanorc colours it. */
export function drawHelpLine(row: Row, line: HelpLine): void {
  row.put(0, line.text);
  if (line.keys) {
    const area = line.text.slice(0, 17);
    for (const m of area.matchAll(/[^\s()]+/g)) row.paint(m.index, m.index + m[0].length, CYAN);
  }
  for (const m of line.text.matchAll(/'(\^|M-)'/g)) row.paint(m.index, m.index + m[0].length, BRIGHT_RED);
}
