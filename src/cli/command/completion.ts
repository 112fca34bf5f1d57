/** The ValidArgsFunctions docker's commands share (docker/cli cli/command/completion/functions.go). */
import type { ArgsCompletion } from '../spec.js';

export const anyState = (): boolean => true;
export const running = (state: string): boolean => state === 'running';

/** Names of the containers in a state `want` accepts, for every argument or only the first. */
export function containerNames(want: (state: string) => boolean = anyState, o: { first?: boolean } = {}): ArgsCompletion {
  return { containers: want, first: o.first };
}

/** Tags of local images, for up to `limit` arguments. */
export function imageNames(limit = Infinity): ArgsCompletion {
  return { images: limit };
}

/**
 * Names of the networks (NetworkNames); with `thenContainers`, for the first argument only, then the names of
 * every container connected to that network or not, as `network disconnect` and `connect` offer them.
 */
export function networkNames(thenContainers?: 'connected' | 'unconnected'): ArgsCompletion {
  return { networks: true, thenContainers };
}

/** The shell completes file names. */
export const fileNames: ArgsCompletion = { files: true };
