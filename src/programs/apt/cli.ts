/**
 * apt-get's and apt's command line (apt-pkg's CommandLine): short options bundle (`-yqq`), `-q` counts,
 * `-o Name=Value` sets a configuration item, and an option apt does not know stops it with exit 100.
 */
import type { Program, Sys } from '../../engine/kernel/sys.js';
import { AptRun, clean, install, remove, update, upgrade, type AptOptions } from './aptget.js';
import { aptList, type ListFilter } from './list.js';

/** apt list's own options (apt-private/private-cmndline.cc), each a filter. */
const LIST_OPTIONS: Record<string, ListFilter> = {
  installed: 'installed', 'manual-installed': 'manual', upgradable: 'upgradable', upgradeable: 'upgradable', 'all-versions': 'all',
};

/** apt's version per release, as `apt --version` prints it. */
export function aptVersion(sys: Sys): string {
  try {
    return /VERSION_ID="24\.04"/.test(sys.fs.readText('/etc/os-release')) ? '2.7.14' : '2.4.13';
  } catch {
    return '2.7.14';
  }
}

interface Parsed {
  readonly opts: AptOptions;
  readonly args: string[];
  readonly help: boolean;
  readonly version: boolean;
}

const BOOL_LONG: Record<string, (o: AptOptions) => void> = {
  yes: (o) => { o.yes = true; },
  'assume-yes': (o) => { o.yes = true; },
  'no-install-recommends': (o) => { o.installRecommends = false; },
  'install-recommends': (o) => { o.installRecommends = true; },
  purge: (o) => { o.purge = true; },
  'auto-remove': (o) => { o.autoRemove = true; },
  autoremove: (o) => { o.autoRemove = true; },
  simulate: (o) => { o.simulate = true; },
  'dry-run': (o) => { o.simulate = true; },
  'just-print': (o) => { o.simulate = true; },
  'no-act': (o) => { o.simulate = true; },
  recon: (o) => { o.simulate = true; },
};

/** `-o` items apt-get accepts here: those that only change what this model already does. */
const CONFIG_ITEMS: Record<string, (o: AptOptions, v: string) => boolean> = {
  'apt::install-recommends': (o, v) => { o.installRecommends = truthy(v); return true; },
  'apt::get::assume-yes': (o, v) => { o.yes = truthy(v); return true; },
  quiet: (o, v) => { o.quiet = Number(v) || 0; return true; },
};

function truthy(v: string): boolean {
  return /^(1|yes|true|with|on|enable)$/i.test(v);
}

function parse(argv: readonly string[], quietDefault: number): Parsed | string {
  const opts: AptOptions = { yes: false, quiet: -1, installRecommends: true, purge: false, autoRemove: false, simulate: false };
  const args: string[] = [];
  let help = false;
  let version = false;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const [name, value] = a.slice(2).split(/=(.*)/s);
      if (name === 'help') help = true;
      else if (name === 'version') version = true;
      else if (name === 'quiet' || name === 'silent') opts.quiet = value !== undefined ? Number(value) : Math.max(opts.quiet, 0) + 1;
      else if (name === 'option') {
        const r = configItem(opts, value ?? argv[++i], a);
        if (r) return r;
      } else if (BOOL_LONG[name] && value === undefined) BOOL_LONG[name](opts);
      else if (LIST_OPTIONS[name] && value === undefined) {
        if (!opts.listOption || LIST_OPTIONS[opts.listOption] === 'all') opts.listOption = name;
      }
      else if (name.startsWith('no-') && BOOL_LONG[name.slice(3)]) { /* --no-yes and friends: the default */ }
      else return `Command line option ${a} is not understood in combination with the other options`;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (c === 'y') opts.yes = true;
        else if (c === 'q') {
          if (a[j + 1] === '=') {
            opts.quiet = Number(a.slice(j + 2)) || 0;
            break;
          }
          opts.quiet = Math.max(opts.quiet, 0) + 1;
        } else if (c === 's') opts.simulate = true;
        else if (c === 'h') help = true;
        else if (c === 'v') version = true;
        else if (c === 'o') {
          const rest = a.slice(j + 1);
          const r = configItem(opts, rest || argv[++i], a);
          if (r) return r;
          break;
        } else return `Command line option '${c}' [from ${a}] is not understood in combination with the other options.`;
      }
      continue;
    }
    args.push(a);
  }
  if (opts.quiet === -1) opts.quiet = quietDefault;
  return { opts, args, help, version };
}

function configItem(opts: AptOptions, spec: string | undefined, arg: string): string | null {
  if (spec === undefined) return `Option ${arg} requires an argument.`;
  const eq = spec.indexOf('=');
  if (eq < 0) return `Option ${arg}: Configuration item specification must have an =<val>.`;
  const set = CONFIG_ITEMS[spec.slice(0, eq).toLowerCase()];
  if (!set) return `dockersim does not model the configuration item ${spec.slice(0, eq)}`;
  set(opts, spec.slice(eq + 1));
  return null;
}

const USAGE: Record<string, string> = {
  'apt-get': 'Usage: apt-get [options] command\n       apt-get [options] install|remove pkg1 [pkg2 ...]\n       apt-get [options] source pkg1 [pkg2 ...]\n\napt-get is a command line interface for retrieval of packages\nand information about them from authenticated sources and\nfor installation, upgrade and removal of packages together\nwith their dependencies.\n',
  apt: 'Usage: apt [options] command\n\napt is a commandline package manager and provides commands for\nsearching and managing as well as querying information about packages.\nIt provides the same functionality as the specialized APT tools,\nlike apt-get and apt-cache, but enables options more suitable for\ninteractive use by default.\n',
};

const COMMANDS: Record<string, readonly [string, string][]> = {
  'apt-get': [
    ['update', 'Retrieve new lists of packages'], ['upgrade', 'Perform an upgrade'],
    ['install', 'Install new packages (pkg is libc6 not libc6.deb)'], ['reinstall', 'Reinstall packages (pkg is libc6 not libc6.deb)'],
    ['remove', 'Remove packages'], ['purge', 'Remove packages and config files'],
    ['autoremove', 'Remove automatically all unused packages'], ['dist-upgrade', 'Distribution upgrade, see apt-get(8)'],
    ['dselect-upgrade', 'Follow dselect selections'], ['build-dep', 'Configure build-dependencies for source packages'],
    ['satisfy', 'Satisfy dependency strings'], ['clean', 'Erase downloaded archive files'],
    ['autoclean', 'Erase old downloaded archive files'], ['check', 'Verify that there are no broken dependencies'],
    ['source', 'Download source archives'], ['download', 'Download the binary package into the current directory'],
    ['changelog', 'Download and display the changelog for the given package'],
  ],
  apt: [
    ['list', 'list packages based on package names'], ['search', 'search in package descriptions'],
    ['show', 'show package details'], ['install', 'install packages'], ['reinstall', 'reinstall packages'],
    ['remove', 'remove packages'], ['autoremove', 'automatically remove all unused packages'],
    ['update', 'update list of available packages'], ['upgrade', 'upgrade the system by installing/upgrading packages'],
    ['full-upgrade', 'upgrade the system by removing/installing/upgrading packages'],
    ['edit-sources', 'edit the source information file'], ['satisfy', 'satisfy dependency strings'],
  ],
};

const SUPPORTED_MODULES = `Supported modules:
*Ver: Standard .deb
*Pkg:  Debian dpkg interface (Priority 30)
 Pkg:  Debian APT solver interface (Priority -1000)
 Pkg:  Debian APT planner interface (Priority -1000)
 S.L: 'deb' Debian binary tree
 S.L: 'deb-src' Debian source tree
 Idx: Debian Source Index
 Idx: Debian Package Index
 Idx: Debian Translation Index
 Idx: Debian dpkg status file
 Idx: Debian deb file
 Idx: Debian dsc file
 Idx: Debian control file
 Idx: EDSP scenario file
 Idx: EIPP scenario file
`;

/** ShowCommonHelp: version line, usage, the command list, the pointers to the manuals. */
function helpText(binary: string, version: string, versionOnly: boolean): string {
  const head = `apt ${version} (amd64)\n`;
  if (versionOnly) return binary === 'apt-get' ? head + SUPPORTED_MODULES : head;
  const list = COMMANDS[binary].map(([c, d]) => `  ${c} - ${d}\n`).join('');
  return `${head}${USAGE[binary]}\nMost used commands:\n${list}\n`
    + `See ${binary}(8) for more information about the available commands.\n`
    + 'Configuration options and syntax is detailed in apt.conf(5).\n'
    + 'Information about how to configure sources can be found in sources.list(5).\n'
    + 'Package and version choices can be expressed via apt_preferences(5).\n'
    + 'Security details are available in apt-secure(8).\n'
    + `${'This APT has Super Cow Powers.'.padStart(70)}\n`;
}

const UNMODELLED = new Set(['reinstall', 'dist-upgrade', 'full-upgrade', 'dselect-upgrade', 'build-dep', 'satisfy', 'autoclean', 'auto-clean',
  'distclean', 'dist-clean', 'check', 'source', 'download', 'changelog', 'indextargets', 'moo', 'markauto', 'unmarkauto', 'list', 'search', 'show',
  'edit-sources', 'autopurge', 'policy', 'depends', 'rdepends']);

export function aptMain(binary: 'apt' | 'apt-get'): Program {
  return async (sys) => {
    const tty = sys.isatty(1);
    if (binary === 'apt' && !tty) await sys.write(2, '\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n');
    const p = parse(sys.argv, tty ? 0 : 1);
    if (typeof p === 'string') {
      await sys.write(2, `E: ${p}\n`);
      return 100;
    }
    const version = aptVersion(sys);
    if (p.help || p.version || p.args[0] === 'help') {
      await sys.write(1, helpText(binary, version, p.version && !p.help));
      return 0;
    }
    if (p.args.length === 0) {
      await sys.write(1, helpText(binary, version, false));
      return 1;
    }
    const [cmd, ...rest] = p.args;
    if (p.opts.listOption && !(binary === 'apt' && cmd === 'list')) {
      await sys.write(2, `E: Command line option --${p.opts.listOption} is not understood in combination with the other options\n`);
      return 100;
    }
    if (binary === 'apt' && cmd === 'list') return aptList(sys, p.opts.listOption ? LIST_OPTIONS[p.opts.listOption] : 'all', rest);
    const run = new AptRun(sys, binary, p.opts);
    switch (cmd) {
      case 'update':
        return update(run);
      case 'install':
        if (rest.length === 0) {
          // Nothing to do, but apt still opens the cache (and needs the lock).
          return install(run, []);
        }
        return install(run, rest);
      case 'remove':
        return remove(run, rest, 'remove');
      case 'purge':
        run.opts.purge = true;
        return remove(run, rest, 'remove');
      case 'autoremove':
      case 'auto-remove':
        return remove(run, rest, 'autoremove');
      case 'upgrade':
        return upgrade(run);
      case 'clean':
        return clean(run);
      default:
        if (UNMODELLED.has(cmd) && !(binary === 'apt-get' && cmd === 'list')) {
          await sys.write(2, `${binary}: '${cmd}' is not simulated in dockersim\n`);
          return 100;
        }
        await sys.write(2, `E: Invalid operation ${cmd}\n`);
        return 100;
    }
  };
}
