/** Proxying the CLI's signals to the container (docker/cli signals.go), for run, start and attach without a TTY. */
import type { CommandCli } from '../../cli.js';

/** Every catchable signal but SIGCHLD, SIGPIPE, SIGURG and SIGWINCH (docker/cli ForwardAllSignals). */
const FORWARDED = ['SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2', 'SIGTERM', 'SIGALRM', 'SIGCONT', 'SIGTSTP'];

/** ForwardAllSignals: each signal the CLI receives becomes `POST /containers/{id}/kill?signal=INT`. */
export function forwardSignals(cli: CommandCli, id: string): () => void {
  const off = cli.onSignal?.(FORWARDED, (sig) => {
    cli.client().containerKill(id, sig.replace(/^SIG/, '')).catch(() => undefined);
  });
  return off ?? (() => undefined);
}
