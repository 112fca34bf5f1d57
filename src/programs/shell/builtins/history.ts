/** `history`: the lines typed at this interactive shell, numbered as bash lists them. */
import type { ShellContext } from '../context.js';

export async function history(sh: ShellContext, argv: string[]): Promise<number> {
  if (argv[1] === '-c') {
    sh.history.length = 0;
    return 0;
  }
  const n = argv[1] !== undefined && /^[0-9]+$/.test(argv[1]) ? Number(argv[1]) : sh.history.length;
  const start = Math.max(0, sh.history.length - n);
  let out = '';
  for (let i = start; i < sh.history.length; i++) out += `${String(i + 1).padStart(5)}  ${sh.history[i]}\n`;
  await sh.sys.write(1, out);
  return 0;
}
