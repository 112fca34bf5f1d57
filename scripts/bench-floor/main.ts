/**
 * The floor under bench:web's first-prompt figure: a page with xterm.js alone, set up as the app sets it up
 * (same options, fit to its box) and writing a login's last line, with no simulation, React or panels. What
 * this page takes to show its prompt, no page built on xterm.js can beat on the same machine.
 */
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';

const term = new Terminal({
  fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
  fontSize: 14,
  cursorBlink: true,
  scrollback: 5000,
  theme: { background: '#1e1e1e', foreground: '#d4d4d4', cursor: '#d4d4d4', selectionBackground: '#264f78' },
});
const fit = new FitAddon();
term.loadAddon(fit);
term.open(document.getElementById('terminal')!);
fit.fit();
term.focus();
term.write('Welcome to dockersim\r\n\r\nuser@dockersim:~$ ');
(window as unknown as { __dockersim: { xterm: Terminal } }).__dockersim = { xterm: term };
