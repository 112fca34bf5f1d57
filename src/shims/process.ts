/**
 * A stand-in for Node's `process` in the browser, for libraries (memfs) that read it. Installed as
 * `globalThis.process` by `./globals.ts` too, because some of them reach for the free variable.
 * The simulated programs never see it: they get their environment, cwd and credentials from `Sys`.
 */
type Tick = (...args: unknown[]) => void;

const browserProcess = {
  browser: true,
  platform: 'linux',
  env: {} as Record<string, string | undefined>,
  argv: [] as string[],
  version: '',
  versions: {} as Record<string, string>,
  cwd: (): string => '/',
  getuid: (): number => 0,
  getgid: (): number => 0,
  nextTick(fn: Tick, ...args: unknown[]): void {
    queueMicrotask(() => fn(...args));
  },
  emitWarning(message: unknown): void {
    console.warn(message);
  },
};

export default browserProcess;
export const { env, platform, cwd, nextTick, emitWarning, getuid, getgid } = browserProcess;
