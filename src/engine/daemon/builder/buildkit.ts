/** BuildKit (version=2) builds: placeholder until the trace is written. */
import type { Reference } from '../../../pkg/reference.js';
import type { StatusResponse } from '../../../pkg/buildkit/status.js';
import type { DaemonContext } from '../context.js';
import { notSimulated } from '../unsimulated.js';
import type { BuildMessage } from './legacy.js';
import type { BuildOptions } from './options.js';

export type TraceSink = (s: StatusResponse) => void;

export function buildkitBuild(_d: DaemonContext, _o: BuildOptions, _t: Uint8Array, _tags: Reference[], _trace: TraceSink, _out: (m: BuildMessage) => void): Promise<string> {
  return Promise.reject(notSimulated('BuildKit'));
}
