import { command } from '../../spec.js';
import type { CommandCli } from '../../cli.js';
import { flag, getBool, getString } from '../../flags.js';
import { getTimestamp } from '../../../pkg/timetypes.js';
import { Utf8StreamDecoder } from '../../../api/bytes.js';
import { FrameDecoder } from '../../../pkg/stdcopy.js';
import { containerNames } from '../completion.js';

/** `docker logs` as docker/cli 28.2.2 defines it (cli/command/container/logs.go); flag text recorded from `--help`. */
export const logsCommand = command({
  use: "logs [OPTIONS] CONTAINER",
  short: "Fetch the logs of a container",
  aliases: "docker container logs, docker logs",
  args: { exact: 1 },
  flags: [
    flag("details", "", "", "Show extra details provided to logs"),
    flag("follow", "f", "", "Follow log output", { sim: true }),
    flag("since", "", "string", "Show logs since timestamp (e.g. \"2013-01-02T13:23:37Z\") or relative (e.g. \"42m\" for 42 minutes)", { sim: true }),
    flag("tail", "n", "string", "Number of lines to show from the end of the logs", { def: "\"all\"", sim: true }),
    flag("timestamps", "t", "", "Show timestamps", { sim: true }),
    flag("until", "", "string", "Show logs before a timestamp (e.g. \"2013-01-02T13:23:37Z\") or relative (e.g. \"42m\" for 42 minutes)", { sim: true }),
  ],
  completion: containerNames(),
  run: (cli, inv) => runLogs(cli, {
    follow: getBool(inv.flags, 'follow'),
    since: getString(inv.flags, 'since'),
    until: getString(inv.flags, 'until'),
    timestamps: getBool(inv.flags, 'timestamps'),
    details: getBool(inv.flags, 'details'),
    tail: getString(inv.flags, 'tail'),
    container: inv.args[0],
  }),
});

export interface LogsOptions {
  readonly follow: boolean;
  readonly since: string;
  readonly until: string;
  readonly timestamps: boolean;
  readonly details: boolean;
  readonly tail: string;
  readonly container: string;
}

/**
 * inspect (for the ID and whether it has a TTY) → logs. A TTY container's log is one raw stream;
 * otherwise frames are split back onto stdout and stderr as the container wrote them.
 */
export async function runLogs(cli: CommandCli, o: LogsOptions): Promise<void> {
  const client = cli.client();
  const c = (await client.containerInspect(o.container)).value;
  const since = o.since ? getTimestamp(o.since, cli.now()) : '';
  if (since instanceof Error) throw new Error(`invalid value for "since": ${since.message}`);
  const until = o.until ? getTimestamp(o.until, cli.now()) : '';
  if (until instanceof Error) throw new Error(`invalid value for "until": ${until.message}`);
  const body = await client.containerLogs(c.Id, {
    stdout: true, stderr: true, follow: o.follow, timestamps: o.timestamps, details: o.details,
    tail: o.tail, since: since || undefined, until: until || undefined,
  });
  const out = new Utf8StreamDecoder();
  const err = new Utf8StreamDecoder();
  const frames = c.Config.Tty ? null : new FrameDecoder();
  try {
    for (;;) {
      const chunk = await body.next();
      if (chunk === null) break;
      if (!frames) {
        const t = out.push(chunk);
        if (t) await cli.out.write(t);
        continue;
      }
      for (const f of frames.push(chunk)) {
        if (f.stream === 3) throw new Error(`error from daemon in stream: ${f.payload}`);
        const [dec, stream] = f.stream === 2 ? [err, cli.err] : [out, cli.out];
        const t = dec.push(f.payload);
        if (t) await stream.write(t);
      }
    }
  } finally {
    body.close();
  }
  const restOut = out.end();
  if (restOut) await cli.out.write(restOut);
  const restErr = err.end();
  if (restErr) await cli.err.write(restErr);
}
