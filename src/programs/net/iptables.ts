/**
 * iptables 1.8.10 (nf_tables), Ubuntu 24.04's, reading the rules dockerd 28 keeps in the nat and filter tables
 * (libnetwork/drivers/bridge/internal/iptabler): the DOCKER chains, a MASQUERADE rule per bridge and, per
 * published port, a DNAT rule and the filter ACCEPT that lets it through. The rules are what the kernel's
 * netfilter state implies (its bridges' masquerade entries and its DNAT table), so they follow what dockerd
 * did. Listing only: `-L -n` and `-S`, optionally of one chain; anything else is refused in one line.
 */
import type { DnatRule } from '../../engine/kernel/nat.js';
import type { Masquerade } from '../../engine/kernel/net.js';
import type { Netfilter, Program, Sys } from '../../engine/kernel/sys.js';
import { isSysError } from '../../engine/kernel/errno.js';

const PROG = 'iptables v1.8.10 (nf_tables)';

interface Rule {
  readonly chain: string;
  readonly src?: string;
  readonly dst?: string;
  readonly dstInv?: boolean;
  readonly inIf?: string;
  readonly inInv?: boolean;
  readonly outIf?: string;
  readonly outInv?: boolean;
  readonly proto?: string;
  /** `-m …` as -S writes it, and the words -L prints for it. */
  readonly match?: { readonly s: string; readonly l: string };
  readonly target: string;
  readonly targetArgs?: { readonly s: string; readonly l: string };
}

interface Table {
  readonly builtin: ReadonlyArray<readonly [name: string, policy: string]>;
  readonly chains: readonly string[];
  readonly rules: readonly Rule[];
}

const ADDRTYPE = { s: '-m addrtype --dst-type LOCAL', l: 'ADDRTYPE match dst-type LOCAL' };
const tcpPort = (p: number): { s: string; l: string } => ({ s: `-m tcp --dport ${p}`, l: `tcp dpt:${p}` });

function bridges(nf: Netfilter): Masquerade[] {
  return nf.masquerade.filter((m) => m.notOut !== '');
}

function natTable(nf: Netfilter): Table {
  const builtin = [['PREROUTING', 'ACCEPT'], ['INPUT', 'ACCEPT'], ['OUTPUT', 'ACCEPT'], ['POSTROUTING', 'ACCEPT']] as const;
  const brs = bridges(nf);
  if (brs.length === 0) return { builtin, chains: [], rules: [] };
  const rules: Rule[] = [
    { chain: 'PREROUTING', match: ADDRTYPE, target: 'DOCKER' },
    { chain: 'OUTPUT', dst: '127.0.0.0/8', dstInv: true, match: ADDRTYPE, target: 'DOCKER' },
    ...brs.map((m): Rule => ({ chain: 'POSTROUTING', src: m.source, outIf: m.notOut, outInv: true, target: 'MASQUERADE' })),
    ...brs.map((m): Rule => ({ chain: 'DOCKER', inIf: m.notOut, target: 'RETURN' })),
    ...nf.dnat.map((r): Rule => ({
      chain: 'DOCKER', dst: r.hostIp === '0.0.0.0' ? undefined : `${r.hostIp}/32`, inIf: r.bridge, inInv: true,
      proto: r.proto, match: tcpPort(r.hostPort), target: 'DNAT',
      targetArgs: { s: `--to-destination ${r.toIp}:${r.toPort}`, l: `to:${r.toIp}:${r.toPort}` },
    })),
  ];
  return { builtin, chains: ['DOCKER'], rules };
}

function filterTable(nf: Netfilter): Table {
  const brs = bridges(nf);
  if (brs.length === 0) return { builtin: [['INPUT', 'ACCEPT'], ['FORWARD', 'ACCEPT'], ['OUTPUT', 'ACCEPT']], chains: [], rules: [] };
  // Each published port's ACCEPT is inserted at the top of DOCKER (newest first), once per container port.
  const accepts: Rule[] = [];
  const seen = new Set<string>();
  for (const r of [...nf.dnat].reverse()) {
    const key = `${r.toIp}:${r.toPort}/${r.proto}/${r.bridge}`;
    if (seen.has(key)) continue;
    seen.add(key);
    accepts.push(acceptFor(r));
  }
  const rules: Rule[] = [
    { chain: 'FORWARD', target: 'DOCKER-USER' },
    { chain: 'FORWARD', target: 'DOCKER-FORWARD' },
    ...accepts,
    ...brs.map((m): Rule => ({ chain: 'DOCKER', inIf: m.notOut, inInv: true, outIf: m.notOut, target: 'DROP' })),
    ...brs.map((m): Rule => ({ chain: 'DOCKER-BRIDGE', outIf: m.notOut, target: 'DOCKER' })),
    ...brs.map((m): Rule => ({
      chain: 'DOCKER-CT', outIf: m.notOut, target: 'ACCEPT',
      match: { s: '-m conntrack --ctstate RELATED,ESTABLISHED', l: 'ctstate RELATED,ESTABLISHED' },
    })),
    { chain: 'DOCKER-FORWARD', target: 'DOCKER-CT' },
    { chain: 'DOCKER-FORWARD', target: 'DOCKER-ISOLATION-STAGE-1' },
    { chain: 'DOCKER-FORWARD', target: 'DOCKER-BRIDGE' },
    ...brs.map((m): Rule => ({ chain: 'DOCKER-FORWARD', inIf: m.notOut, target: 'ACCEPT' })),
    ...brs.map((m): Rule => ({ chain: 'DOCKER-ISOLATION-STAGE-1', inIf: m.notOut, outIf: m.notOut, outInv: true, target: 'DOCKER-ISOLATION-STAGE-2' })),
    ...brs.map((m): Rule => ({ chain: 'DOCKER-ISOLATION-STAGE-2', outIf: m.notOut, target: 'DROP' })),
  ];
  return {
    builtin: [['INPUT', 'ACCEPT'], ['FORWARD', 'DROP'], ['OUTPUT', 'ACCEPT']],
    chains: ['DOCKER', 'DOCKER-BRIDGE', 'DOCKER-CT', 'DOCKER-FORWARD', 'DOCKER-ISOLATION-STAGE-1', 'DOCKER-ISOLATION-STAGE-2', 'DOCKER-USER'],
    rules,
  };
}

function acceptFor(r: DnatRule): Rule {
  return {
    chain: 'DOCKER', dst: `${r.toIp}/32`, inIf: r.bridge, inInv: true, outIf: r.bridge, proto: r.proto,
    match: tcpPort(r.toPort), target: 'ACCEPT',
  };
}

/** One rule as `iptables -S` writes it (iptables' canonical order: -s -d -i -o -p -m … -j). */
function ruleSpec(r: Rule): string {
  const w = [`-A ${r.chain}`];
  if (r.src) w.push(`-s ${r.src}`);
  if (r.dst) w.push(`${r.dstInv ? '! ' : ''}-d ${r.dst}`);
  if (r.inIf) w.push(`${r.inInv ? '! ' : ''}-i ${r.inIf}`);
  if (r.outIf) w.push(`${r.outInv ? '! ' : ''}-o ${r.outIf}`);
  if (r.proto) w.push(`-p ${r.proto}`);
  if (r.match) w.push(r.match.s);
  w.push(`-j ${r.target}`);
  if (r.targetArgs) w.push(r.targetArgs.s);
  return w.join(' ');
}

/** One rule as `iptables -L -n` prints it (print_firewall: no interfaces without -v). */
function ruleLine(r: Rule): string {
  const target = `${r.target.padEnd(9)} `;
  const prot = ` ${(r.proto ?? 'all').padEnd(5)}`;
  const src = ` ${(r.src ?? '0.0.0.0/0').padEnd(19)} `;
  const dst = `${r.dstInv ? '!' : ' '}${(r.dst ?? '0.0.0.0/0').replace(/\/32$/, '').padEnd(19)} `;
  const extra = [r.match?.l, r.targetArgs?.l].filter((x) => x !== undefined).map((x) => ` ${x}`).join('');
  return `${target}${prot}-- ${src}${dst}${extra}`;
}

const HEADER = 'target     prot opt source               destination         ';

function list(t: Table, only: string | undefined): string {
  const chains = [...t.builtin.map(([n]) => n), ...t.chains].filter((c) => only === undefined || c === only);
  const blocks = chains.map((c) => {
    const policy = t.builtin.find(([n]) => n === c)?.[1];
    const refs = t.rules.filter((r) => r.target === c).length;
    const head = policy ? `Chain ${c} (policy ${policy})` : `Chain ${c} (${refs} references)`;
    return [head, HEADER, ...t.rules.filter((r) => r.chain === c).map(ruleLine)].join('\n') + '\n';
  });
  return blocks.join('\n');
}

function listRules(t: Table, only: string | undefined): string {
  const out: string[] = [];
  for (const [n, p] of t.builtin) if (only === undefined || only === n) out.push(`-P ${n} ${p}`);
  for (const c of t.chains) if (only === undefined || only === c) out.push(`-N ${c}`);
  const order = [...t.builtin.map(([n]) => n), ...t.chains];
  for (const c of order) {
    if (only !== undefined && only !== c) continue;
    for (const r of t.rules) if (r.chain === c) out.push(ruleSpec(r));
  }
  return out.map((l) => `${l}\n`).join('');
}

interface Options {
  table: string;
  mode: 'L' | 'S' | undefined;
  chain: string | undefined;
  numeric: boolean;
}

function parse(argv: readonly string[]): Options | string {
  const o: Options = { table: 'filter', mode: undefined, chain: undefined, numeric: false };
  const args = argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-t' || a === '--table') {
      if (i + 1 >= args.length) return a;
      o.table = args[++i];
    } else if (a.startsWith('--table=')) o.table = a.slice(8);
    else if (a === '-L' || a === '--list' || a === '-S' || a === '--list-rules') {
      o.mode = a === '-L' || a === '--list' ? 'L' : 'S';
      if (i + 1 < args.length && !args[i + 1].startsWith('-')) o.chain = args[++i];
    } else if (a === '-n' || a === '--numeric') o.numeric = true;
    else if (/^-[nLSt]+$/.test(a)) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (c === 'n') o.numeric = true;
        else if (c === 'L' || c === 'S') o.mode = c;
        else if (c === 't') {
          const rest = a.slice(j + 1);
          if (rest === '' && i + 1 >= args.length) return a;
          o.table = rest === '' ? args[++i] : rest;
          break;
        }
      }
      if ((a.endsWith('L') || a.endsWith('S')) && i + 1 < args.length && !args[i + 1].startsWith('-')) o.chain = args[++i];
    } else return a;
  }
  return o;
}

export const iptables: Program = async (sys: Sys) => {
  const o = parse(sys.argv);
  if (typeof o === 'string' || o.mode === undefined) {
    await sys.write(2, `dockersim: iptables ${typeof o === 'string' ? o : sys.argv.slice(1).join(' ')} is not simulated (only -L -n and -S, for -t nat or filter)\n`);
    return 2;
  }
  if (o.mode === 'L' && !o.numeric) {
    await sys.write(2, 'dockersim: iptables -L without -n (names from DNS and /etc/services) is not simulated\n');
    return 2;
  }
  if (o.table !== 'nat' && o.table !== 'filter') {
    await sys.write(2, `dockersim: iptables -t ${o.table} is not simulated (only nat and filter)\n`);
    return 2;
  }
  let nf: Netfilter;
  try {
    nf = sys.netfilter();
  } catch (e) {
    if (!isSysError(e) || e.code !== 'EPERM') throw e;
    await sys.write(2, `${PROG}: Could not fetch rule set generation id: Permission denied (you must be root)\n`);
    return 4;
  }
  const t = o.table === 'nat' ? natTable(nf) : filterTable(nf);
  if (o.chain !== undefined && !t.builtin.some(([n]) => n === o.chain) && !t.chains.includes(o.chain)) {
    await sys.write(2, `iptables: No chain/target/match by that name.\n`);
    return 1;
  }
  await sys.write(1, o.mode === 'L' ? list(t, o.chain) : listRules(t, o.chain));
  return 0;
};
