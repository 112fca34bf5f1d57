/** head: the first lines or bytes of each file; stops reading as soon as it has them (`yes | head`). */
import { isSysError } from '../../engine/kernel/errno.js';
import { errorText, quoteAlways as q } from '../lib/output.js';
import { readAll, tool } from './common.js';
import { obsoleteCount, parseSize } from './numarg.js';
import { readBytes } from '../lib/binio.js';

const AUTHORS = 'Written by David MacKenzie and Jim Meyering.';

export const head = tool(
  {
    name: 'head',
    short: 'c:n:qvz',
    long: [
      { name: 'bytes', key: 'c', arg: 'required' },
      { name: 'lines', key: 'n', arg: 'required' },
      { name: 'quiet', key: 'q' },
      { name: 'silent', key: 'q' },
      { name: 'verbose', key: 'v' },
    ],
    authors: AUTHORS,
    rewrite: (args) => obsoleteCount(args, false),
  },
  async (t, opts, files) => {
    let bytes = false;
    let count = 10;
    let allBut = false;
    let headers: boolean | undefined;
    for (const o of opts) {
      if (o.key === 'n' || o.key === 'c') {
        bytes = o.key === 'c';
        const v = o.value!;
        allBut = v.startsWith('-');
        const n = parseSize(allBut ? v.slice(1) : v);
        if (n === null) {
          await t.error(`invalid number of ${bytes ? 'bytes' : 'lines'}: ${t.lq(v)}`);
          return 1;
        }
        count = n;
      } else if (o.key === 'q') headers = false;
      else if (o.key === 'v') headers = true;
    }
    const list = files.length ? files : ['-'];
    const show = headers ?? list.length > 1;
    const sys = t.sys;
    let status = 0;
    let first = true;
    for (const file of list) {
      let fd = 0;
      try {
        if (file !== '-') fd = sys.open(file, 'r');
        if (show) await t.out.write(`${first ? '' : '\n'}==> ${file === '-' ? 'standard input' : file} <==\n`);
        first = false;
        if (allBut && bytes) {
          const all = await readBytes(sys, fd);
          await t.out.write(all.subarray(0, Math.max(0, all.length - count)));
        } else if (bytes) {
          // Bytes, not characters: `head -c 1` of `é` is its first byte, as GNU head gives it.
          for (let left = count; left > 0; ) {
            const chunk = await sys.readBytes(fd, left);
            if (chunk === null) break;
            left -= chunk.length;
            await t.out.write(chunk);
          }
        } else if (allBut) {
          const lines = (await readAll(sys, fd)).split(/(?<=\n)/);
          await t.out.write(lines.slice(0, Math.max(0, lines.length - count)).join(''));
        } else {
          let left = count;
          while (left > 0) {
            const chunk = await sys.read(fd);
            if (chunk === null) break;
            let end = 0;
            while (left > 0 && end < chunk.length) {
              const nl = chunk.indexOf('\n', end);
              if (nl < 0) {
                end = chunk.length;
                break;
              }
              end = nl + 1;
              left--;
            }
            await t.out.write(chunk.slice(0, end));
            if (fd === 0) await t.out.flush();
          }
        }
      } catch (err) {
        if (!isSysError(err) || err.code === 'EPIPE') throw err;
        const msg = err.code === 'EISDIR' ? `error reading ${q(file)}` : `cannot open ${q(file)} for reading`;
        await t.error(`${msg}: ${errorText(err)}`);
        status = 1;
      } finally {
        if (fd !== 0) sys.close(fd);
      }
    }
    return status;
  },
);

