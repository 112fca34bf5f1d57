import { GO_TYPE } from '../../formatter/gofmt.js';
import { command } from '../../spec.js';
import type { CommandCli } from '../../cli.js';
import type { Json } from '../../client.js';
import { flag, getString } from '../../flags.js';
import { CLIENT_VERSION, GIT_COMMIT } from '../../globals.js';
import { passProcessEnd, StatusError, errorText } from '../../errors.js';
import { tabwrite } from '../../formatter/tabwriter.js';
import { compileTemplate, TemplateError } from '../../formatter/template.js';

/** `docker version` as docker/cli 28.2.2 defines it (cli/command/system/version.go); flag text recorded from `--help`. */
export const versionCommand = command({
  use: "version [OPTIONS]",
  short: "Show the Docker version information",
  args: { none: true },
  flags: [
    flag("format", "f", "string", "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates", { sim: true }),
  ],
  run: (cli, inv) => runVersion(cli, getString(inv.flags, 'format')),
});

/**
 * The client half is the installed docker-ce-cli package's build (Ubuntu's apt repository), so it names
 * its platform; the static binary on the capture machine prints a bare `Client:` and was built 14 s earlier.
 */
export const CLIENT_PLATFORM = 'Docker Engine - Community';
export const DEFAULT_API_VERSION = '1.50';
export const CLIENT_BUILD = {
  GoVersion: 'go1.24.3',
  BuildTime: 'Fri May 30 12:07:28 2025',
  Os: 'linux',
  Arch: 'amd64',
} as const;

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** time.RFC3339Nano → time.ANSIC (`Fri May 30 12:07:28 2025`), in the time's own zone; else unchanged. */
export function ansic(rfc3339: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(rfc3339);
  if (!m) return rfc3339;
  const [, y, mo, d, h, mi, s] = m;
  const wd = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d))).getUTCDay();
  return `${DAYS[wd]} ${MONTHS[Number(mo) - 1]} ${String(Number(d)).padStart(2, ' ')} ${h}:${mi}:${s} ${y}`;
}

export function clientVersionInfo(apiVersion: string): Json {
  return {
    Platform: { Name: CLIENT_PLATFORM },
    Version: CLIENT_VERSION,
    ApiVersion: apiVersion,
    DefaultAPIVersion: DEFAULT_API_VERSION,
    GitCommit: GIT_COMMIT,
    GoVersion: CLIENT_BUILD.GoVersion,
    Os: CLIENT_BUILD.Os,
    Arch: CLIENT_BUILD.Arch,
    BuildTime: CLIENT_BUILD.BuildTime,
    Context: 'default',
  };
}

interface Component {
  Name: string;
  Version: string;
  Details?: Record<string, string>;
}

/** The default template of `docker version` (tabwriter minwidth 20, padding 1). */
export function prettyVersion(client: Json, server: Json | null): string {
  const c = client as Record<string, string> & { Platform: { Name: string } };
  let t = `Client:${c.Platform.Name ? ' ' + c.Platform.Name : ''}\n`;
  const downgraded = c.ApiVersion !== c.DefaultAPIVersion ? ` (downgraded from ${c.DefaultAPIVersion})` : '';
  t += ` Version:\t${c.Version}\n API version:\t${c.ApiVersion}${downgraded}\n Go version:\t${c.GoVersion}\n`;
  t += ` Git commit:\t${c.GitCommit}\n Built:\t${c.BuildTime}\n OS/Arch:\t${c.Os}/${c.Arch}\n Context:\t${c.Context}`;
  if (server) {
    const platform = (server.Platform as { Name?: string } | undefined)?.Name ?? '';
    t += `\n\nServer:${platform ? ' ' + platform : ''}`;
    for (const comp of (server.Components as Component[] | undefined) ?? []) {
      const d = comp.Details ?? {};
      t += `\n ${comp.Name}:`;
      if (comp.Name === 'Engine') {
        t += `\n  Version:\t${comp.Version}\n  API version:\t${d.ApiVersion} (minimum version ${d.MinAPIVersion})`;
        t += `\n  Go version:\t${d.GoVersion}\n  Git commit:\t${d.GitCommit}\n  Built:\t${ansic(d.BuildTime ?? '')}`;
        t += `\n  OS/Arch:\t${d.Os}/${d.Arch}\n  Experimental:\t${d.Experimental}`;
      } else {
        t += `\n  Version:\t${comp.Version}`;
        for (const k of Object.keys(d).sort()) t += `\n  ${k}:\t${d[k]}`;
      }
    }
  }
  return tabwrite(t + '\n', { minwidth: 20, padding: 1 });
}

/** Client section always; the server's from GET /version; a failure is reported after the output. */
export async function runVersion(cli: CommandCli, format: string): Promise<void> {
  const client = cli.client();
  let server: Json | null = null;
  let failure: unknown = null;
  try {
    server = await client.serverVersion();
  } catch (e) {
    passProcessEnd(e);
    failure = e;
  }
  const clientInfo = clientVersionInfo(client.clientVersion());
  if (format === '') {
    await cli.out.write(prettyVersion(clientInfo, server));
  } else {
    const src = format === 'json' ? '{{json .}}' : format;
    let text: string;
    try {
      const tmpl = compileTemplate(src);
      text = tmpl.execute({ Client: goNames(clientInfo, 'system.clientVersion'), Server: server ? goNames(withAnsic(server), 'types.Version') : null }) + '\n';
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      if (failure) throw failure;
      throw new StatusError(64, `template parsing error: ${e.message}`);
    }
    await cli.out.write(text);
  }
  if (failure) throw new StatusError(1, errorText(failure));
}

/**
 * Templates see docker's Go structs (fields in declaration order, unknown ones an error), whose field is `APIVersion` where the JSON says `ApiVersion`; the alias is
 * not enumerable, so `{{json .}}` still prints the JSON names.
 */
function goNames(v: Json, goType: string): Json {
  const out: Json = { ...v, [GO_TYPE]: goType };
  if ('ApiVersion' in out) Object.defineProperty(out, 'APIVersion', { value: out.ApiVersion, enumerable: false });
  return out;
}

function withAnsic(server: Json): Json {
  const comps = ((server.Components as Component[] | undefined) ?? []).map((c) =>
    c.Details?.BuildTime ? { ...c, Details: { ...c.Details, BuildTime: ansic(c.Details.BuildTime) } } : c);
  return { ...server, BuildTime: ansic(String(server.BuildTime ?? '')), Components: comps };
}
