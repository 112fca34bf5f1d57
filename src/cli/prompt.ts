/**
 * docker/cli's internal/prompt.Confirm: writes `MESSAGE [y/N] ` to stdout, reads one line, and says yes only
 * to `y` or `Y` (trimmed). End of input is a no; so is SIGINT or SIGTERM while it waits (the command's context
 * is cancelled), after which it ends the prompt's line.
 */
import type { CommandCli } from './cli.js';

export async function confirm(cli: CommandCli, message: string): Promise<boolean> {
  await cli.out.write(`${message || 'Are you sure you want to proceed?'} [y/N] `);
  let interrupted: () => void = () => undefined;
  const signalled = new Promise<'signalled'>((resolve) => (interrupted = () => resolve('signalled')));
  const off = cli.onSignal?.(['SIGINT', 'SIGTERM'], interrupted);
  try {
    let line = '';
    for (;;) {
      const chunk = await Promise.race([cli.in.read(), signalled]);
      if (chunk === 'signalled') {
        await cli.out.write('\n');
        return false;
      }
      if (chunk === null) break;
      line += chunk;
      const nl = line.indexOf('\n');
      if (nl >= 0) {
        line = line.slice(0, nl);
        break;
      }
    }
    return line.trim().toLowerCase() === 'y';
  } finally {
    off?.();
  }
}

/**
 * A cancelled prompt (cancelledErr): docker's main prints nothing and exits 0, so the command ends here
 * quietly.
 */
export class Cancelled extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Cancelled';
  }
}
