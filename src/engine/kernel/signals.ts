/** Linux signal numbers (x86-64) and their default actions, per signal(7). */
export const SIGNALS = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGQUIT: 3,
  SIGILL: 4,
  SIGTRAP: 5,
  SIGABRT: 6,
  SIGBUS: 7,
  SIGFPE: 8,
  SIGKILL: 9,
  SIGUSR1: 10,
  SIGSEGV: 11,
  SIGUSR2: 12,
  SIGPIPE: 13,
  SIGALRM: 14,
  SIGTERM: 15,
  SIGSTKFLT: 16,
  SIGCHLD: 17,
  SIGCONT: 18,
  SIGSTOP: 19,
  SIGTSTP: 20,
  SIGTTIN: 21,
  SIGTTOU: 22,
  SIGURG: 23,
  SIGXCPU: 24,
  SIGXFSZ: 25,
  SIGVTALRM: 26,
  SIGPROF: 27,
  SIGWINCH: 28,
  SIGIO: 29,
  SIGPWR: 30,
  SIGSYS: 31,
} as const;

export type Signal = keyof typeof SIGNALS;

export type DefaultAction = 'term' | 'core' | 'ign' | 'stop' | 'cont';

const IGNORED: ReadonlySet<Signal> = new Set(['SIGCHLD', 'SIGURG', 'SIGWINCH']);
const CORE: ReadonlySet<Signal> = new Set([
  'SIGQUIT', 'SIGILL', 'SIGTRAP', 'SIGABRT', 'SIGBUS', 'SIGFPE', 'SIGSEGV', 'SIGXCPU', 'SIGXFSZ', 'SIGSYS',
]);
const STOP: ReadonlySet<Signal> = new Set(['SIGSTOP', 'SIGTSTP', 'SIGTTIN', 'SIGTTOU']);

export function defaultAction(sig: Signal): DefaultAction {
  if (IGNORED.has(sig)) return 'ign';
  if (CORE.has(sig)) return 'core';
  if (STOP.has(sig)) return 'stop';
  if (sig === 'SIGCONT') return 'cont';
  return 'term';
}

export function signalNumber(sig: Signal): number {
  return SIGNALS[sig];
}

const BY_NUMBER = new Map<number, Signal>(
  (Object.entries(SIGNALS) as [Signal, number][]).map(([name, n]) => [n, name]),
);

export function signalByNumber(n: number): Signal | undefined {
  return BY_NUMBER.get(n);
}

/** Parses `9`, `KILL`, `SIGKILL`, `kill` (as kill(1) and `docker kill -s` accept). */
export function parseSignal(text: string): Signal | undefined {
  if (/^\d+$/.test(text)) return signalByNumber(Number(text));
  const upper = text.toUpperCase();
  const name = (upper.startsWith('SIG') ? upper : `SIG${upper}`) as Signal;
  return name in SIGNALS ? name : undefined;
}

/** strsignal(3) text, as a shell prints for a job killed by the signal. */
export const SIGNAL_DESCRIPTIONS: Readonly<Partial<Record<Signal, string>>> = {
  SIGHUP: 'Hangup',
  SIGINT: 'Interrupt',
  SIGQUIT: 'Quit',
  SIGILL: 'Illegal instruction',
  SIGTRAP: 'Trace/breakpoint trap',
  SIGABRT: 'Aborted',
  SIGBUS: 'Bus error',
  SIGFPE: 'Floating point exception',
  SIGKILL: 'Killed',
  SIGUSR1: 'User defined signal 1',
  SIGSEGV: 'Segmentation fault',
  SIGUSR2: 'User defined signal 2',
  SIGPIPE: 'Broken pipe',
  SIGALRM: 'Alarm clock',
  SIGTERM: 'Terminated',
  SIGSTOP: 'Stopped (signal)',
  SIGTSTP: 'Stopped',
  SIGCONT: 'Continued',
};
