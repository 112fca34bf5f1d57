/**
 * What a terminal shows for a TTY container's output. Its log holds the raw bytes bash and the programs
 * wrote for a terminal: window titles (`ESC ] 0 ; … BEL`), bracketed-paste switches, colours, `\r`, line
 * editing with backspaces and cursor moves, screens cleared and redrawn. They are played through a headless
 * xterm.js, the emulator the page's terminals use, and its buffer is read back: the lines a learner would
 * have seen, never the bytes. The emulator is loaded on first use (a chunk of its own in the page).
 */
type Headless = typeof import('@xterm/headless');

let emulator: Promise<Headless> | undefined;

function loadEmulator(): Promise<Headless> {
  // By path: the package's `module` field names a file it does not ship.
  emulator ??= import('@xterm/headless/lib-headless/xterm-headless.mjs') as Promise<Headless>;
  return emulator;
}

/**
 * The text of `raw` as a terminal `cols` wide shows it, line by line (rows it wrapped joined again, so the
 * page can wrap them to its own width), without the blank rows below the last text.
 */
export async function renderTerminalText(raw: string, cols = 80, rows = 24): Promise<string[]> {
  const { Terminal } = await loadEmulator();
  const term = new Terminal({ cols: Math.max(2, cols), rows: Math.max(1, rows), scrollback: 10_000, allowProposedApi: true });
  try {
    await new Promise<void>((resolve) => term.write(raw, resolve));
    const buf = term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < buf.length; i++) {
      const line = buf.getLine(i);
      if (!line) continue;
      const text = line.translateToString(true);
      if (line.isWrapped && lines.length > 0) lines[lines.length - 1] += text;
      else lines.push(text);
    }
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    return lines;
  } finally {
    term.dispose();
  }
}
