/**
 * `man` on the host (man-db). Manual pages themselves are not part of the simulation: a page the system would
 * have is refused in one line that says so, a name nothing on the system is called gets man-db's own answer.
 * (In the ubuntu images /usr/bin/man is the minimized system's script instead; see ubuntuPackages.ts.)
 */
import type { Program, Sys } from '../../engine/kernel/sys.js';

const DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

function onSystem(sys: Sys, name: string): boolean {
  return DIRS.some((d) => sys.fs.exists(`${d}/${name}`));
}

export const man: Program = async (sys) => {
  const args = sys.argv.slice(1);
  const opt = args.find((a) => a.startsWith('-'));
  if (opt) {
    await sys.write(2, `dockersim: man ${opt} is not simulated\n`);
    return 1;
  }
  const section = args.find((a) => /^[1-9][a-z]*$/.test(a));
  const names = args.filter((a) => a !== section);
  if (names.length === 0) {
    await sys.write(2, "What manual page do you want?\nFor example, try 'man man'.\n");
    return 1;
  }
  let status = 0;
  for (const name of names) {
    if (onSystem(sys, name)) {
      await sys.write(2, `dockersim: manual pages are not simulated; '${name} --help' shows its options\n`);
      status = 16;
    } else {
      await sys.write(2, `No manual entry for ${name}${section ? ` in section ${section}` : ''}\n`);
      status = 16;
    }
  }
  return status;
};
