/**
 * The floor under bench:web's first-prompt figure: a page with xterm.js alone, set up as the app sets it up
 * (same options, fit to its box) and writing a login's last line, with no simulation, React or panels. What
 * this page takes to show its prompt, no page built on xterm.js can beat on the same machine.
 */
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { XTERM_OPTIONS } from '../../src/ui/terminalScreen.js';

const term = new Terminal(XTERM_OPTIONS);
const fit = new FitAddon();
term.loadAddon(fit);
term.open(document.getElementById('terminal')!);
fit.fit();
term.focus();
term.write('Welcome to dockersim\r\n\r\nuser@dockersim:~$ ');
(window as unknown as { __dockersim: { xterm: Terminal } }).__dockersim = { xterm: term };
