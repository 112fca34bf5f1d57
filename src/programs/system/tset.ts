/**
 * ncurses' `tset`, and `reset` (a link to it): sends the terminal's reset strings from terminfo (rs1 rs2 and
 * the rest, as ncurses 6.4 emits them for xterm-256color and xterm), puts the line discipline back to sane
 * settings, and as `reset` waits a second for the terminal to settle. Its output goes to standard error.
 */
import type { Program } from '../../engine/kernel/sys.js';

/** What `reset` writes per TERM (captured from ncurses 6.4's reset under script(1)). */
const RESET: Readonly<Record<string, { reset: string; tset: string }>> = {
  'xterm-256color': {
    reset: '\x1bc\x1b]104\x07\x1b[!p\x1b[?3;4l\x1b[4l\x1b>\x1b[?69l\r',
    tset: '\x1b[!p\x1b[?3;4l\x1b[4l\x1b>\x1b[?69l\r',
  },
  xterm: { reset: '\x1bc\x1b[!p\x1b[?3;4l\x1b[4l\x1b>\x1b[?69l\r', tset: '\x1b[!p\x1b[?3;4l\x1b[4l\x1b>\x1b[?69l\r' },
  dumb: { reset: '', tset: '' },
};

export const tset: Program = async (sys) => {
  const name = sys.argv[0].slice(sys.argv[0].lastIndexOf('/') + 1) === 'reset' ? 'reset' : 'tset';
  if (sys.argv.length > 1) {
    await sys.write(2, `dockersim: ${name}'s options and arguments are not simulated\n`);
    return 1;
  }
  if (!sys.isatty(2)) {
    await sys.write(2, `${name}: terminal attributes: No such device or address\n`);
    return 1;
  }
  const term = sys.env.TERM ?? 'unknown';
  const strings = RESET[term];
  if (!strings) {
    await sys.write(2, `dockersim: ${name} knows the terminal types ${Object.keys(RESET).join(', ')}, not ${term}\n`);
    return 1;
  }
  await sys.write(2, name === 'reset' ? strings.reset : strings.tset);
  sys.tcsetattr(2, { icanon: true, echo: true, isig: true, onlcr: true });
  if (name === 'reset') await sys.sleep(1000);
  return 0;
};
