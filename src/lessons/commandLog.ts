/**
 * The docker commands the learner ran, for the `ran` check: every `docker` process started from a learner
 * terminal's shell (directly, or under sudo, a script, a pipeline), with its parsed command and exit status.
 *
 * The kernel has no process-event feed yet (Linux's proc connector, which `forkstat` reads), so the log samples
 * the terminals' process trees: whenever a watched terminal shows output (a docker process writing to it is
 * alive at that moment) and whenever `observe()` is called (after each scheduler run). A docker process seen
 * once is followed to its exit through the kernel's exit listeners. A command that prints nothing and lives
 * only between two samples can be missed; see the report for the kernel hook that would close that gap.
 */
import type { Disposable } from '../pkg/disposable.js';
import type { Process } from '../engine/kernel/process.js';
import type { Terminal } from '../machine/machine.js';
import { dispatch } from '../cli/dispatch.js';
import { ROOT } from '../cli/command/commands.js';
import { findChild, type CommandNode } from '../cli/spec.js';
import { runsProgram } from './checks/lookup.js';

export interface CommandRecord {
  /** argv after `docker`. */
  readonly args: readonly string[];
  /** The command's key (see commandKey), or '' when argv names no command (`docker --version`). */
  readonly command: string;
  /** Exit status once it ended; null while running. */
  status: number | null;
}

/** Global flags that take a value (docker's root persistent flags). */
const GLOBAL_VALUE_FLAGS = new Set(['-H', '--host', '-c', '--context', '--config', '-l', '--log-level', '--tlscacert', '--tlscert', '--tlskey']);

/** `ps`, `container ls`, `container list` and `container ps` are one command: same key. */
export function commandKey(node: CommandNode): string {
  return node.spec?.aliases ?? node.path.join(' ');
}

/** The command node a written command path names (`container ls`, `docker ps`), or undefined. */
export function resolveCommandPath(path: string): CommandNode | undefined {
  const words = path.trim().split(/\s+/).filter((w) => w !== '');
  if (words[0] === 'docker') words.shift();
  let node: CommandNode | undefined = ROOT;
  for (const w of words) node = node && findChild(node, w);
  return node === ROOT ? undefined : node;
}

/** The command a docker argv runs, as the CLI resolves it — also for argv the CLI rejects (bad flags). */
export function commandOfArgs(args: readonly string[]): CommandNode | undefined {
  try {
    const d = dispatch(args, { configDir: '/root/.docker' });
    if (d.kind !== 'output') return d.node;
  } catch {
    /* fall back to the words */
  }
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') break;
    if (a.startsWith('-')) {
      if (words.length === 0 && GLOBAL_VALUE_FLAGS.has(a)) i++;
      continue;
    }
    words.push(a);
  }
  let node: CommandNode | undefined = words[0] !== undefined ? findChild(ROOT, words[0]) : undefined;
  if (node && node.children.length > 0 && words[1] !== undefined) node = findChild(node, words[1]) ?? node;
  return node;
}

export interface CommandLogState {
  readonly records: readonly { readonly args: readonly string[]; readonly status: number | null }[];
}

export class CommandLog {
  private readonly list: CommandRecord[] = [];
  private readonly seen = new WeakSet<Process>();
  private readonly terminals = new Set<Terminal>();

  /** Records docker processes started from this terminal. Attach the screen's own listener first: see Tty.onOutput. */
  watch(term: Terminal): Disposable {
    this.terminals.add(term);
    const sub = term.tty.onOutput(() => this.observe());
    return {
      dispose: () => {
        sub.dispose();
        this.terminals.delete(term);
      },
    };
  }

  /** Samples the watched terminals' process trees. Cheap: it walks only the learner's own processes. */
  observe(): void {
    for (const t of this.terminals) this.walk(t.shell);
  }

  get records(): readonly CommandRecord[] {
    return this.list;
  }

  /** Records of the command a path names (any alias), oldest first. */
  find(path: string): CommandRecord[] {
    const node = resolveCommandPath(path);
    if (!node) return [];
    const key = commandKey(node);
    return this.list.filter((r) => r.command === key);
  }

  clear(): void {
    this.list.length = 0;
  }

  toJSON(): CommandLogState {
    return { records: this.list.map((r) => ({ args: [...r.args], status: r.status })) };
  }

  /** Brings back a saved log (a page reload); a command that was still running is counted as failed. */
  restore(state: CommandLogState): void {
    this.clear();
    for (const r of state.records) this.add(r.args, r.status ?? 1);
  }

  private add(args: readonly string[], status: number | null): CommandRecord {
    const node = commandOfArgs(args);
    const rec: CommandRecord = { args, command: node ? commandKey(node) : '', status };
    this.list.push(rec);
    return rec;
  }

  private walk(p: Process): void {
    for (const c of p.children) {
      if (c.state !== 'running') continue;
      // Checked on every walk, not once: a process may exec docker after it was first seen (`bash -c`).
      if (!this.seen.has(c) && runsProgram(c, 'docker') && c.tgid === c.hostPid) {
        this.seen.add(c);
        const rec = this.add(c.argv.slice(1), null);
        c.exitListeners.push(() => (rec.status = c.exit?.status ?? null));
      }
      this.walk(c);
    }
  }
}
