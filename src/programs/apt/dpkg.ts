/**
 * dpkg's and dpkg-query's queries over /var/lib/dpkg: -l (list), -L (files of a package), -s (status), -S
 * (which package owns a path). Installing a .deb by hand (-i) needs a .deb file, which the simulated
 * archive never leaves on disk (docker-clean removes them): refused plainly.
 */
import type { Program, Sys } from '../../engine/kernel/sys.js';
import { Output } from '../lib/output.js';
import { dpkgName, formatStanza, isInstalled, readList, readStatus, releaseOf, unmodelledRelease, type StatusEntry } from './state.js';

const LIST_HEADER = 'Desired=Unknown/Install/Remove/Purge/Hold\n'
  + '| Status=Not/Inst/Conf-files/Unpacked/halF-conf/Half-inst/trig-aWait/Trig-pend\n'
  + '|/ Err?=(none)/Reinst-required (Status,Err: uppercase=bad)\n';

/** fnmatch(3) with `*`, `?` and `[...]`, as dpkg-query matches package patterns. */
function globToRegExp(glob: string): RegExp {
  let re = '';
  for (const c of glob) {
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[' || c === ']') re += c;
    else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function abbrev(e: StatusEntry): string {
  const [want, , state] = e.status.split(' ');
  const w = { install: 'i', deinstall: 'r', purge: 'p', hold: 'h', unknown: 'u' }[want] ?? 'u';
  const s = { installed: 'i', 'config-files': 'c', unpacked: 'U', 'half-configured': 'F', 'half-installed': 'H', 'not-installed': 'n' }[state] ?? 'n';
  return `${w}${s} `;
}

interface Row { flags: string; name: string; version: string; arch: string; desc: string }

async function list(sys: Sys, out: Output, patterns: readonly string[]): Promise<number> {
  const status = readStatus(sys.fs);
  const rows: Row[] = [];
  const missing: string[] = [];
  const rowOf = (e: StatusEntry): Row => ({
    flags: abbrev(e), name: e.fields.get('Multi-Arch') === 'same' ? `${e.name}:amd64` : e.name,
    version: e.fields.get('Version') ?? '', arch: e.fields.get('Architecture') ?? '', desc: (e.fields.get('Description') ?? '').split('\n')[0],
  });
  if (patterns.length === 0) {
    for (const n of [...status.keys()].sort()) {
      const e = status.get(n)!;
      if (isInstalled(e) || e.status.includes('config-files')) rows.push(rowOf(e));
    }
  } else {
    for (const pat of patterns) {
      const re = globToRegExp(pat.replace(/:amd64$/, ''));
      const hits = [...status.keys()].filter((n) => re.test(n)).sort();
      if (hits.length === 0) missing.push(pat);
      for (const n of hits) {
        const e = status.get(n)!;
        rows.push(isInstalled(e) || e.status.includes('config-files') ? rowOf(e) : { flags: abbrev(e), name: n, version: '<none>', arch: '<none>', desc: '(no description available)' });
      }
    }
  }
  if (rows.length > 0) {
    const nw = Math.max(14, ...rows.map((r) => r.name.length));
    const vw = Math.max(12, ...rows.map((r) => r.version.length));
    const aw = Math.max(12, ...rows.map((r) => r.arch.length));
    let dw = Math.max(33, ...rows.map((r) => r.desc.length));
    if (sys.isatty(1)) dw = Math.max(0, sys.getWinSize(1).cols - (4 + nw + 1 + vw + 1 + aw + 1) - 1);
    await out.write(LIST_HEADER);
    await out.write(`||/ ${'Name'.padEnd(nw)} ${'Version'.padEnd(vw)} ${'Architecture'.padEnd(aw)} Description\n`);
    await out.write(`+++-${'='.repeat(nw)}-${'='.repeat(vw)}-${'='.repeat(aw)}-${'='.repeat(dw)}\n`);
    for (const r of rows) {
      await out.write(`${r.flags} ${r.name.padEnd(nw)} ${r.version.padEnd(vw)} ${r.arch.padEnd(aw)} ${r.desc.slice(0, dw)}\n`.replace(/ +\n$/, '\n'));
    }
  }
  await out.flush();
  for (const m of missing) await sys.write(2, `dpkg-query: no packages found matching ${m}\n`);
  return missing.length > 0 ? 1 : 0;
}

async function files(sys: Sys, out: Output, names: readonly string[]): Promise<number> {
  const status = readStatus(sys.fs);
  const archive = releaseOf(sys.fs);
  let rc = 0;
  for (const raw of names) {
    const n = raw.replace(/:amd64$/, '');
    const e = status.get(n);
    if (!isInstalled(e)) {
      await out.flush();
      await sys.write(2, `dpkg-query: package '${raw}' is not installed\nUse dpkg --contents (= dpkg-deb --contents) to list archive files contents.\n`);
      rc = 1;
      continue;
    }
    const l = readList(sys.fs, n);
    if (l === null) {
      await out.flush();
      await sys.write(2, `dpkg-query: dockersim keeps no file list for ${archive?.base.has(n) ? 'the image\'s own package' : 'package'} '${raw}'\n`);
      rc = 1;
      continue;
    }
    await out.write(`${l.join('\n')}\n`);
  }
  await out.flush();
  return rc;
}

async function show(sys: Sys, out: Output, names: readonly string[]): Promise<number> {
  const status = readStatus(sys.fs);
  let rc = 0;
  for (const [i, raw] of names.entries()) {
    const e = status.get(raw.replace(/:amd64$/, ''));
    if (!e) {
      await out.flush();
      await sys.write(2, `dpkg-query: package '${raw}' is not installed and no information is available\nUse dpkg --info (= dpkg-deb --info) to examine archive files.\n`);
      rc = 1;
      continue;
    }
    if (i > 0) await out.write('\n');
    await out.write(formatStanza(e.fields));
  }
  await out.flush();
  return rc;
}

async function search(sys: Sys, out: Output, patterns: readonly string[]): Promise<number> {
  const status = readStatus(sys.fs);
  let rc = 0;
  for (const pat of patterns) {
    const hits: string[] = [];
    for (const [n, e] of status) {
      if (!isInstalled(e)) continue;
      const l = readList(sys.fs, n);
      if (!l) continue;
      const owner = dpkgName({ name: n, multiArchSame: e.fields.get('Multi-Arch') === 'same' });
      for (const path of l) {
        if (pat.startsWith('/') ? path === pat : path.includes(pat)) hits.push(`${owner}: ${path}`);
      }
    }
    if (hits.length === 0) {
      await out.flush();
      await sys.write(2, `dpkg-query: no path found matching pattern ${pat.startsWith('/') ? pat : `*${pat}*`}\n`);
      rc = 1;
    }
    for (const h of hits.sort()) await out.write(`${h}\n`);
  }
  await out.flush();
  return rc;
}

function queryProgram(prog: 'dpkg' | 'dpkg-query'): Program {
  return async (sys) => {
    const out = new Output(sys, 1);
    const [act, ...rest] = sys.argv.slice(1);
    if (act !== undefined && act !== '--print-architecture' && !releaseOf(sys.fs)) {
      await sys.write(2, `${prog}: ${unmodelledRelease(sys)}\n`);
      return 2;
    }
    switch (act) {
      case '-l': case '--list':
        return list(sys, out, rest);
      case '-L': case '--listfiles':
        return files(sys, out, rest);
      case '-s': case '--status':
        return show(sys, out, rest);
      case '-S': case '--search':
        return search(sys, out, rest);
      case '--print-architecture':
        if (prog === 'dpkg') {
          await sys.write(1, 'amd64\n');
          return 0;
        }
        break;
      default:
        break;
    }
    if (act === undefined) {
      await sys.write(2, prog === 'dpkg'
        ? "dpkg: error: need an action option\n\nType dpkg --help for help about installing and deinstalling packages [*];\nUse 'apt' or 'aptitude' for user-friendly package management;\nType dpkg -Dhelp for a list of dpkg debug flag values;\nType dpkg --force-help for a list of forcing options;\nType dpkg-deb --help for help about manipulating *.deb files;\n\nOptions marked [*] produce a lot of output - pipe it through 'less' or 'more' !\n"
        : 'dpkg-query: error: need an action option\n\nUse --help for help about querying packages.\n');
      return 2;
    }
    await sys.write(2, `${prog}: '${act}' is not simulated in dockersim\n`);
    return 2;
  };
}

export const dpkg = queryProgram('dpkg');
export const dpkgQuery = queryProgram('dpkg-query');
