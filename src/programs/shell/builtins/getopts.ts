/** `getopts`: POSIX option parsing for scripts, with OPTIND/OPTARG and bash's diagnostics. */
import { ShellError } from '../errors.js';
import type { ShellContext } from '../context.js';

export async function getopts(sh: ShellContext, argv: string[]): Promise<number> {
  if (argv.length < 3) throw new ShellError('getopts: usage: getopts optstring name [arg ...]', 2);
  const spec = argv[1];
  const name = argv[2];
  const args = argv.length > 3 ? argv.slice(3) : sh.args;
  const silent = spec.startsWith(':');
  let optind = Number(sh.getVar('OPTIND') ?? '1') || 1;
  if (sh.getoptsState?.optind !== optind) sh.getoptsState = { optind, pos: 1 };
  const state = sh.getoptsState;
  const done = (): number => {
    sh.setVar(name, '?');
    sh.setVar('OPTIND', String(optind));
    sh.getoptsState = undefined;
    return 1;
  };
  const arg = args[optind - 1];
  if (arg === undefined || state.pos === 1 && (arg[0] !== '-' || arg === '-')) return done();
  if (state.pos === 1 && arg === '--') {
    optind++;
    return done();
  }
  const c = arg[state.pos];
  const advance = (): void => {
    state.pos++;
    if (state.pos >= arg.length) {
      optind++;
      state.pos = 1;
    }
  };
  const at = spec.indexOf(c);
  if (c === ':' || at < 0) {
    advance();
    if (silent) {
      sh.setVar('OPTARG', c);
    } else {
      sh.unsetVar('OPTARG');
      await sh.writeErr(sh.flavor === 'bash' ? `${sh.name}: illegal option -- ${c}\n` : `Illegal option -${c}\n`);
    }
    sh.setVar(name, '?');
  } else if (spec[at + 1] === ':') {
    let value: string | undefined;
    if (state.pos + 1 < arg.length) {
      value = arg.slice(state.pos + 1);
      optind++;
    } else {
      value = args[optind];
      optind += value === undefined ? 1 : 2;
    }
    state.pos = 1;
    if (value === undefined) {
      if (silent) {
        sh.setVar(name, ':');
        sh.setVar('OPTARG', c);
      } else {
        sh.setVar(name, '?');
        sh.unsetVar('OPTARG');
        await sh.writeErr(sh.flavor === 'bash' ? `${sh.name}: option requires an argument -- ${c}\n` : `No arg for -${c} option\n`);
      }
    } else {
      sh.setVar(name, c);
      sh.setVar('OPTARG', value);
    }
  } else {
    advance();
    sh.setVar(name, c);
    sh.unsetVar('OPTARG');
  }
  sh.setVar('OPTIND', String(optind));
  state.optind = optind;
  return 0;
}
