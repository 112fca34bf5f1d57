/**
 * Dockerfile instructions applied to an image's run config (moby builder/dockerfile/dispatchers.go, with
 * BuildKit's instructions/parse.go checks and errors). Only the instructions that change the config alone are
 * here (what `docker commit --change` accepts); RUN, COPY and friends need a build.
 */
import type { ContainerConfig } from '../../container.js';
import { parseSignal } from '../../../kernel/signals.js';
import { onbuildExpression, type Node } from './parser.js';
import { envLookup, processWord, processWords } from './shell.js';

export class InstructionError extends Error {}

export interface DispatchState {
  config: ContainerConfig;
  /** A CMD was given in this build, so a later ENTRYPOINT keeps it. */
  cmdSet: boolean;
}

const atLeastOne = (name: string) => new InstructionError(`${name} requires at least one argument`);
const exactlyOne = (name: string) => new InstructionError(`${name} requires exactly one argument`);

/** resolveCmdLine on Linux: the exec form as is, the shell form after `/bin/sh -c`. */
function cmdLine(n: Node): string[] {
  if (n.json) return [...n.args];
  return ['/bin/sh', '-c', n.args.join(' ')];
}

/** nat.ParsePortSpecs for EXPOSE's forms: `80`, `80/udp`, `8000-8010/tcp`. */
function exposedPorts(specs: readonly string[]): string[] {
  const out: string[] = [];
  for (const spec of specs) {
    const slash = spec.lastIndexOf('/');
    const raw = slash < 0 ? spec : spec.slice(0, slash);
    const proto = slash < 0 ? 'tcp' : spec.slice(slash + 1).toLowerCase();
    const port = raw.includes(':') ? raw.slice(raw.lastIndexOf(':') + 1) : raw;
    if (port === '') throw new InstructionError(`no port specified: ${spec}<empty>`);
    const m = /^(\d+)(?:-(\d+))?$/.exec(port);
    const lo = m ? Number(m[1]) : NaN;
    const hi = m?.[2] !== undefined ? Number(m[2]) : lo;
    if (!m || lo > 65535 || hi > 65535 || hi < lo) throw new InstructionError(`invalid containerPort: ${port}`);
    if (!['tcp', 'udp', 'sctp'].includes(proto)) throw new InstructionError(`invalid proto: ${proto}`);
    for (let p = lo; p <= hi; p++) out.push(`${p}/${proto}`);
  }
  return out;
}

/** normalizeWorkdir on Linux. */
function workdir(current: string, requested: string): string {
  const joined = requested.startsWith('/') ? requested : `/${current}/${requested}`;
  const parts: string[] = [];
  for (const p of joined.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return `/${parts.join('/')}`;
}

/** Checks a node as instructions.ParseCommand does, before anything is applied. */
export function checkInstruction(n: Node): void {
  switch (n.cmd) {
    case 'env':
    case 'label':
      if ((n.pairs ?? []).length === 0) throw atLeastOne(n.cmd.toUpperCase());
      if (n.pairs!.some((p) => p.key === '')) throw new InstructionError(`${n.cmd.toUpperCase()} names can not be blank`);
      return;
    case 'expose':
      if (n.args.length === 0) throw atLeastOne('EXPOSE');
      return;
    case 'volume':
      if (n.args.length === 0) throw atLeastOne('VOLUME');
      if (n.args.some((v) => v.trim() === '')) throw new InstructionError('VOLUME specified can not be an empty string');
      return;
    case 'user':
    case 'workdir':
    case 'stopsignal':
      if (n.args.length !== 1) throw exactlyOne(n.cmd.toUpperCase());
      return;
    case 'onbuild': {
      if (!n.sub) throw atLeastOne('ONBUILD');
      const trigger = n.sub.cmd.toUpperCase();
      if (trigger === 'ONBUILD') throw new InstructionError('Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed');
      if (trigger === 'MAINTAINER' || trigger === 'FROM') throw new InstructionError(`${trigger} isn't allowed as an ONBUILD trigger`);
      return;
    }
    default:
  }
}

/**
 * Applies one checked instruction to the state's config (dispatch, with the word expansion it does first);
 * a build's allowed ARGs expand too, the config's ENV winning over them.
 */
export function dispatchInstruction(state: DispatchState, n: Node, buildArgs: readonly string[] = []): void {
  const c = state.config;
  const vars = (): ReturnType<typeof envLookup> => envLookup([...buildArgs, ...c.Env]);
  const expand = (w: string): string => processWord(w, vars(), n.escape);
  switch (n.cmd) {
    case 'env': {
      // The whole instruction is expanded against the environment from before it (`ENV A=1 B=$A`: B is A's old value).
      const before = vars();
      for (const p of n.pairs!) {
        const key = processWord(p.key, before, n.escape);
        const kv = `${key}=${processWord(p.value, before, n.escape)}`;
        const i = c.Env.findIndex((e) => e.split('=')[0] === key);
        if (i >= 0) c.Env[i] = kv;
        else c.Env.push(kv);
      }
      return;
    }
    case 'label':
      c.Labels = { ...c.Labels };
      for (const p of n.pairs!) c.Labels[expand(p.key)] = expand(p.value);
      return;
    case 'cmd':
      c.Cmd = cmdLine(n);
      if (n.args.length > 0) state.cmdSet = true;
      return;
    case 'entrypoint':
      c.Entrypoint = n.json && n.args.length === 0 ? null : cmdLine(n);
      if (!state.cmdSet) c.Cmd = null;
      return;
    case 'expose': {
      const words = n.args.flatMap((a) => processWords(a, vars(), n.escape));
      const ports = { ...c.ExposedPorts };
      for (const p of exposedPorts(words)) ports[p] = {};
      c.ExposedPorts = ports;
      return;
    }
    case 'user':
      c.User = expand(n.args[0]);
      return;
    case 'volume': {
      const vols = { ...c.Volumes };
      for (const v of n.args) {
        const path = expand(v.trim());
        if (path === '') throw new InstructionError('VOLUME specified can not be an empty string');
        vols[path] = {};
      }
      c.Volumes = vols;
      return;
    }
    case 'workdir':
      c.WorkingDir = workdir(c.WorkingDir, expand(n.args[0]));
      return;
    case 'stopsignal': {
      const sig = expand(n.args[0]);
      if (sig === '0' || parseSignal(sig) === undefined) throw new InstructionError(`invalid signal: ${sig}`);
      c.StopSignal = sig;
      return;
    }
    case 'onbuild':
      c.OnBuild = [...(c.OnBuild ?? []), onbuildExpression(n)];
      return;
    default:
      throw new InstructionError(`${n.cmd} is not supported here`);
  }
}
