/** GNU /bin/echo: options only while every leading word is a cluster of n, e, E. */
import { tool, helpText, versionText } from './common.js';
import { toOutput } from '../lib/bytechars.js';
import { unescape } from './escapes.js';

const def = { name: 'echo', authors: 'Written by Brian Fox and Chet Ramey.', rawArgs: true };

export const echo = tool(def, async (t, _o, args) => {
  if (args.length === 1 && (args[0] === '--help' || args[0] === '--version')) {
    await t.out.write(args[0] === '--help' ? await helpText(t.sys, 'echo') : versionText(def));
    return 0;
  }
  let newline = true;
  let escapes = false;
  let i = 0;
  for (; i < args.length && /^-[neE]+$/.test(args[i]); i++) {
    for (const c of args[i].slice(1)) {
      if (c === 'n') newline = false;
      else escapes = c === 'e';
    }
  }
  let text = args.slice(i).join(' ');
  if (escapes) {
    const u = unescape(text, 'echo');
    text = u.text;
    if (u.stop) newline = false;
  }
  await t.out.write(toOutput(newline ? `${text}\n` : text));
  return 0;
});
