/** The JSON progress messages pulls and pushes stream (jsonmessage.JSONMessage) and their bar. */
import { humanSize } from '../../../pkg/units.js';

/** One JSON message of the pull stream (jsonmessage.JSONMessage). */
export interface PullProgress {
  readonly status: string;
  readonly id?: string;
  readonly progressDetail?: { current?: number; total?: number };
  readonly progress?: string;
}

export type ProgressSink = (m: PullProgress) => void | Promise<void>;

/** jsonmessage.JSONProgress.String for a 50-column bar. */
export function progressBar(current: number, total: number): string {
  const width = 50;
  const n = Math.min(width, Math.floor((current / total) * width));
  const bar = n >= width ? '='.repeat(width) : '='.repeat(Math.max(0, n - 1)) + '>' + ' '.repeat(width - Math.max(n, 1));
  return `[${bar}]  ${humanSize(current)}/${humanSize(total)}`;
}
