/** Small stream programs: yes, tee. */
import { isSysError } from '../../engine/kernel/errno.js';
import { errorText, quoteIfNeeded } from '../lib/output.js';
import { tool } from './common.js';

const CHUNK = 4096;

export const yes = tool({ name: 'yes', authors: 'Written by David MacKenzie.' }, async (t, _o, args) => {
  const line = `${args.length ? args.join(' ') : 'y'}\n`;
  const block = line.repeat(Math.max(1, Math.floor(CHUNK / line.length)));
  // Each write blocks while the pipe is full; the yield keeps a terminal (which never fills) responsive.
  for (let i = 0; ; i++) {
    await t.sys.write(1, block);
    t.sys.cpu(1);
    if (i % 8 === 7) await t.sys.yield();
  }
});

export const tee = tool(
  {
    name: 'tee',
    short: 'aip',
    long: [{ name: 'append', key: 'a' }, { name: 'ignore-interrupts', key: 'i' }],
    authors: 'Written by Mike Parker, Richard M. Stallman, and David MacKenzie.',
  },
  async (t, opts, files) => {
    const sys = t.sys;
    const append = opts.some((o) => o.key === 'a');
    if (opts.some((o) => o.key === 'i')) sys.signal('SIGINT', 'ignore');
    let status = 0;
    const outs: { fd: number; name: string }[] = [];
    for (const f of files) {
      try {
        outs.push({ fd: sys.open(f, append ? 'a' : 'w', 0o666), name: f });
      } catch (err) {
        if (!isSysError(err)) throw err;
        await t.error(`${quoteIfNeeded(f)}: ${errorText(err)}`);
        status = 1;
      }
    }
    for (;;) {
      const chunk = await sys.readData(0);
      if (chunk === null) break;
      await sys.write(1, chunk);
      for (const o of outs) await sys.write(o.fd, chunk);
    }
    for (const o of outs) sys.close(o.fd);
    return status;
  },
);
