/**
 * The two shortcut rows at the bottom of nano 7.2's screen, menu by menu, in the order nano lists its
 * functions (global.c's shortcut_init): the first of each pair goes on the upper row. How many show and how
 * wide each is depends on the terminal's width, as in nano's bottombars().
 */
import { REVERSE, type Row } from './screen.js';

export type MenuEntry = readonly [key: string, tag: string];

const pairs = (...ps: [string, string, string, string][]): MenuEntry[] => ps.flatMap(([a, b, c, d]) => [[a, b], [c, d]] as MenuEntry[]);

export const MAIN_MENU: readonly MenuEntry[] = pairs(
  ['^G', 'Help', '^X', 'Exit'], ['^O', 'Write Out', '^R', 'Read File'], ['^W', 'Where Is', '^\\', 'Replace'],
  ['^K', 'Cut', '^U', 'Paste'], ['^T', 'Execute', '^J', 'Justify'], ['^C', 'Location', '^/', 'Go To Line'],
  ['M-U', 'Undo', 'M-E', 'Redo'], ['M-A', 'Set Mark', 'M-6', 'Copy'], ['M-]', 'To Bracket', '^Q', 'Where Was'],
  ['M-Q', 'Previous', 'M-W', 'Next'], ['^B', 'Back', '^F', 'Forward'], ['^◂', 'Prev Word', '^▸', 'Next Word'],
  ['^A', 'Home', '^E', 'End'], ['^P', 'Prev Line', '^N', 'Next Line'], ['M-▴', 'Scroll Up', 'M-▾', 'Scroll Down'],
  ['^▴', 'Prev Block', '^▾', 'Next Block'], ['M-(', 'Begin of Paragr.', 'M-)', 'End of Paragraph'],
  ['^Y', 'Prev Page', '^V', 'Next Page'], ['M-\\', 'First Line', 'M-/', 'Last Line'],
  ['M-◂', 'Prev File', 'M-▸', 'Next File'], ['^I', 'Tab', '^M', 'Enter'], ['^H', 'Backspace', '^D', 'Delete'],
  ['M-Bsp', 'Chop Left', '^Del', 'Chop Right'], ['M-T', 'Cut Till End', 'M-J', 'Full Justify'],
  ['M-D', 'Word Count', 'M-V', 'Verbatim'], ['M-}', 'Indent', 'M-{', 'Unindent'], ['M-3', 'Comment Lines', '^]', 'Complete'],
);

/** ^O, and ^X's "Save modified buffer?" answered Y. */
export const WRITE_MENU: readonly MenuEntry[] = pairs(
  ['^G', 'Help', '^C', 'Cancel'], ['M-D', 'DOS Format', 'M-M', 'Mac Format'], ['M-A', 'Append', 'M-P', 'Prepend'],
  ['M-B', 'Backup File', '^T', 'Browse'],
);

export const SEARCH_MENU: readonly MenuEntry[] = [
  ...pairs(['^G', 'Help', '^C', 'Cancel'], ['M-C', 'Case Sens', 'M-R', 'Reg.exp.'], ['M-B', 'Backwards', '^R', 'Replace'],
    ['^P', 'Older', '^N', 'Newer']),
  ['^T', 'Go To Line'],
];

export const HELP_MENU: readonly MenuEntry[] = pairs(
  ['^L', 'Refresh', '^X', 'Close'], ['^W', 'Where Is', '^Q', 'Where Was'], ['M-Q', 'Previous', 'M-W', 'Next'],
  ['^P', 'Prev Line', '^N', 'Next Line'], ['^Y', 'Prev Page', '^V', 'Next Page'], ['M-\\', 'First Line', 'M-/', 'Last Line'],
);

/** How many entries fit: nano shows at most two per 20 columns beyond the first 40 (shown_entries_for). */
export function shownEntries(menu: readonly MenuEntry[], cols: number): number {
  return Math.min(menu.length, Math.floor((cols + 40) / 20) * 2);
}

/** Draws `menu` on the two rows as bottombars() does; the key in reverse video, its tag plain. */
export function drawMenu(menu: readonly MenuEntry[], rows: readonly [Row, Row], cols: number): void {
  const number = shownEntries(menu, cols);
  const itemWidth = Math.floor(cols / Math.floor((number + 1) / 2));
  if (itemWidth === 0) return;
  for (let index = 0; index < number; index++) {
    let width = itemWidth;
    // An uneven count makes the penultimate item double wide; the last two also take the slack.
    if (number % 2 === 1 && index + 2 === number) width += itemWidth;
    if (index + 2 >= number) width += cols % itemWidth;
    const [key, tag] = menu[index];
    postOneKey(rows[index % 2], Math.floor(index / 2) * itemWidth, key, tag, width);
  }
}

/** One key and its tag in at most `width` columns (post_one_key). */
export function postOneKey(row: Row, col: number, key: string, tag: string, width: number): void {
  row.put(col, [...key].slice(0, width).join(''), REVERSE);
  const left = width - [...key].length;
  if (left < 2) return;
  row.put(col + [...key].length + 1, [...tag].slice(0, left - 1).join(''));
}
