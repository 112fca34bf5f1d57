/**
 * GNU gzip 1.12 (Ubuntu's gunzip and zcat are its scripts `gzip -d` and `gzip -cd`): compress and
 * decompress files in place (keeping mode, owner and mtime) or to stdout, -k -f -l -t -v -n -N -q -S and
 * the levels, with gzip's messages and exit statuses (1 for errors, 2 for warnings).
 */
import { isSysError } from '../../engine/kernel/errno.js';
import type { Sys } from '../../engine/kernel/sys.js';
import { gunzip, gzip as gzipBytes, GzipError } from '../../pkg/archive/gzip.js';
import { parseArgs } from '../lib/args.js';
import { Output, errorText } from '../lib/output.js';
import { readBytes } from '../lib/binio.js';

const VERSION = `gzip 1.12
Copyright (C) 2018 Free Software Foundation, Inc.
Copyright (C) 1993 Jean-loup Gailly.
This is free software.  You may redistribute copies of it under the terms of
the GNU General Public License <https://www.gnu.org/licenses/gpl.html>.
There is NO WARRANTY, to the extent permitted by law.

Written by Jean-loup Gailly.
`;

const HELP = `Usage: gzip [OPTION]... [FILE]...
Compress or uncompress FILEs (by default, compress FILES in-place).

Mandatory arguments to long options are mandatory for short options too.

  -c, --stdout      write on standard output, keep original files unchanged
  -d, --decompress  decompress
  -f, --force       force overwrite of output file and compress links
  -h, --help        give this help
  -k, --keep        keep (don't delete) input files
  -l, --list        list compressed file contents
  -L, --license     display software license
  -n, --no-name     do not save or restore the original name and timestamp
  -N, --name        save or restore the original name and timestamp
  -q, --quiet       suppress all warnings
  -r, --recursive   operate recursively on directories
      --rsyncable   make rsync-friendly archive
  -S, --suffix=SUF  use suffix SUF on compressed files
      --synchronous synchronous output (safer if system crashes, but slower)
  -t, --test        test compressed file integrity
  -v, --verbose     verbose mode
  -V, --version     display version number
  -1, --fast        compress faster
  -9, --best        compress better

With no FILE, or when FILE is -, read standard input.

Report bugs to <bug-gzip@gnu.org>.
`;

/** gzip's display_ratio: per-mille, sign or space, `%2ld.%1ld%%`. */
function ratio(inBytes: number, outBytes: number): string {
  const r = inBytes === 0 ? 0 : Math.trunc((1000 * (inBytes - outBytes)) / inBytes);
  const a = Math.abs(r);
  return `${r < 0 ? '-' : ' '}${String(Math.floor(a / 10)).padStart(2)}.${a % 10}%`;
}

/** The compressed stream's own bytes: the file less its header and trailer. */
function headerBytes(z: Uint8Array): number {
  let n = 18;
  if (z[3] & 0x08) n += z.indexOf(0, 10) - 10 + 1;
  return n;
}

export async function gzip(sys: Sys): Promise<number> {
  const out = new Output(sys, 1);
  const parsed = parseArgs(sys.argv.slice(1), {
    short: 'cdfhklLnNqrS:tvV123456789',
    long: [
      { name: 'stdout', key: 'c' }, { name: 'to-stdout', key: 'c' }, { name: 'decompress', key: 'd' }, { name: 'uncompress', key: 'd' },
      { name: 'force', key: 'f' }, { name: 'help', key: 'h' }, { name: 'keep', key: 'k' }, { name: 'list', key: 'l' },
      { name: 'license', key: 'L' }, { name: 'no-name', key: 'n' }, { name: 'name', key: 'N' }, { name: 'quiet', key: 'q' },
      { name: 'silent', key: 'q' }, { name: 'recursive', key: 'r' }, { name: 'suffix', key: 'S', arg: 'required' },
      { name: 'test', key: 't' }, { name: 'verbose', key: 'v' }, { name: 'version', key: 'V' }, { name: 'fast', key: '1' },
      { name: 'best', key: '9' }, { name: 'rsyncable' }, { name: 'synchronous' },
    ],
  });
  if (!parsed.ok) {
    await sys.write(2, `gzip: ${parsed.error}\nTry \`gzip --help' for more information.\n`);
    return 1;
  }
  const has = (k: string): boolean => parsed.opts.some((o) => o.key === k);
  if (has('h')) return (await sys.write(1, HELP), 0);
  if (has('V') || has('L')) return (await sys.write(1, VERSION), 0);
  if (has('r')) {
    await sys.write(2, 'gzip: -r is not simulated in dockersim\n');
    return 1;
  }
  const argv0 = sys.argv[0].slice(sys.argv[0].lastIndexOf('/') + 1);
  const decompress = has('d') || has('l') || has('t') || argv0 === 'gunzip' || argv0 === 'zcat';
  const toStdout = has('c') || argv0 === 'zcat';
  const keep = has('k') || toStdout;
  const force = has('f');
  const quiet = has('q');
  const verbose = has('v') && !quiet;
  const suffix = parsed.opts.filter((o) => o.key === 'S').map((o) => o.value!).pop() ?? '.gz';
  let status = 0;
  const err = async (msg: string, s: number): Promise<void> => {
    await out.flush();
    if (!(quiet && s === 2)) await sys.write(2, `gzip: ${msg}\n`);
    // An error (1) outranks a warning (2).
    if (s === 1) status = 1;
    else if (status === 0) status = 2;
  };
  const files = parsed.operands.length > 0 ? parsed.operands : ['-'];
  let listedHeader = false;
  const totals = { c: 0, u: 0, d: 0, n: 0 };
  /** `deflated`: the compressed stream without gzip's header and trailer, which the ratio counts. */
  const listLine = async (c: number, u: number, deflated: number, name: string): Promise<void> => {
    if (!listedHeader) {
      listedHeader = true;
      await out.write('         compressed        uncompressed  ratio uncompressed_name\n');
    }
    await out.write(`${String(c).padStart(19)} ${String(u).padStart(19)} ${ratio(u, deflated).trimStart().padStart(6)} ${name}\n`);
  };

  for (const f of files) {
    if (f === '-') {
      if (decompress && !force && sys.isatty(0) && !has('l')) {
        await err('compressed data not read from a terminal. Use -f to force decompression.\nFor help, type: gzip -h', 1);
        continue;
      }
      if (!decompress && !force && sys.isatty(1)) {
        await err('compressed data not written to a terminal. Use -f to force compression.\nFor help, type: gzip -h', 1);
        continue;
      }
      const data = await readBytes(sys, 0);
      if (!decompress) {
        await out.flush();
        await sys.write(1, gzipBytes(data));
        continue;
      }
      try {
        const g = gunzip(data);
        if (has('l')) await listLine(data.length, g.data.length, data.length - headerBytes(data), 'stdout');
        else if (!has('t')) {
          await out.flush();
          await sys.write(1, g.data);
        }
        if (g.trailingGarbage) await err('stdin: decompression OK, trailing garbage ignored', 2);
      } catch (e) {
        if (!(e instanceof GzipError)) throw e;
        await err(`stdin: ${e.message}`, 1);
      }
      continue;
    }
    let st;
    try {
      st = sys.fs.stat(f);
    } catch (e) {
      if (!isSysError(e)) throw e;
      // gzip -d tries NAME.gz when NAME is missing.
      if (decompress && !f.endsWith(suffix) && sys.fs.exists(f + suffix)) {
        files.push(f + suffix);
        continue;
      }
      await err(`${f}: ${errorText(e)}`, 1);
      continue;
    }
    if (st.type === 'dir') {
      await err(`${f} is a directory -- ignored`, 2);
      continue;
    }
    if (st.type !== 'file') {
      await err(`${f} is not a directory or a regular file - ignored`, 2);
      continue;
    }
    let data: Uint8Array;
    try {
      data = sys.fs.readFile(f);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await err(`${f}: ${errorText(e)}`, 1);
      continue;
    }
    sys.hold(data.length);
    sys.cpu(1 + (data.length >> 12));
    let result: Uint8Array;
    let target: string;
    if (decompress) {
      const known = [suffix, '.gz', '-gz', '.z', '-z', '_z', '.Z', '.tgz', '.taz'];
      const suf = known.find((s) => f.endsWith(s) && f.length > s.length);
      if (!suf && !toStdout && !has('l') && !has('t')) {
        await err(`${f}: unknown suffix -- ignored`, 2);
        continue;
      }
      let g;
      try {
        g = gunzip(data);
      } catch (e) {
        if (!(e instanceof GzipError)) throw e;
        await err(`${f}: ${e.message}`, 1);
        continue;
      }
      if (g.trailingGarbage) await err(`${f}: decompression OK, trailing garbage ignored`, 2);
      const base = suf ? f.slice(0, -suf.length) + (suf === '.tgz' || suf === '.taz' ? '.tar' : '') : f;
      if (has('l')) {
        await listLine(data.length, g.data.length, data.length - headerBytes(data), base);
        totals.c += data.length;
        totals.u += g.data.length;
        totals.d += data.length - headerBytes(data);
        totals.n++;
        continue;
      }
      if (has('t')) {
        if (verbose) await out.write(`${f}:\t OK\n`);
        continue;
      }
      result = g.data;
      target = has('N') && g.header.name ? (f.includes('/') ? f.slice(0, f.lastIndexOf('/') + 1) : '') + g.header.name : base;
    } else {
      if (f.endsWith(suffix)) {
        await err(`${f} already has ${suffix} suffix -- unchanged`, 2);
        continue;
      }
      const name = f.slice(f.lastIndexOf('/') + 1);
      result = has('n') ? gzipBytes(data) : gzipBytes(data, { name, mtime: Math.floor(st.mtimeMs / 1000) });
      target = f + suffix;
    }
    if (toStdout) {
      await out.flush();
      await sys.write(1, result);
      continue;
    }
    if (sys.fs.exists(target) && !force) {
      // On a terminal gzip asks; anything but y keeps the file.
      if (sys.isatty(0) && !quiet) {
        await out.flush();
        await sys.write(2, `gzip: ${target} already exists; do you wish to overwrite (y or n)? `);
        const answer = (await sys.read(0)) ?? '';
        if (!/^[yY]/.test(answer)) {
          await sys.write(2, '\tnot overwritten\n');
          if (status === 0) status = 2;
          continue;
        }
      } else {
        await err(`${target} already exists;\tnot overwritten`, 2);
        continue;
      }
    }
    try {
      const fd = sys.open(target, 'w', st.mode & 0o777);
      sys.close(fd);
      sys.fs.writeFile(target, result);
      sys.fs.chmod(target, st.mode & 0o7777);
      if (sys.euid === 0) sys.fs.chown(target, st.uid, st.gid);
      sys.fs.utimes(target, st.mtimeMs, st.mtimeMs);
      if (!keep) sys.fs.unlink(f);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await err(`${target}: ${errorText(e)}`, 1);
      continue;
    }
    if (verbose) {
      const r = decompress ? ratio(result.length, data.length - headerBytes(data)) : ratio(data.length, result.length - headerBytes(result));
      await out.write(`${f}:\t${r} -- ${keep ? 'created' : 'replaced with'} ${target}\n`);
    }
  }
  if (has('l') && totals.n > 1) await listLine(totals.c, totals.u, totals.d, '(totals)');
  await out.flush();
  return status;
}
