/**
 * What a terminal shows after some output: the raw bytes played through a headless xterm.js (the same
 * emulator the page uses), so progress bars redrawn with cursor moves, `\r` and clears end up as on screen.
 * Lines the terminal wrapped are joined back; trailing blanks are dropped, as a terminal does not keep them.
 */
import xterm from '@xterm/headless';

export async function renderScreen(raw: string, cols = 80, rows = 24): Promise<string> {
  const term = new xterm.Terminal({ cols, rows, scrollback: 1_000_000, allowProposedApi: true });
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
  term.dispose();
  // The cursor's line is only finished if the output ended with a newline (a prompt waiting is not).
  return lines.join('\n') + (lines.length > 0 && raw.endsWith('\n') ? '\n' : '');
}
