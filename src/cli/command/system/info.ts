import { command } from '../../spec.js';
import type { CommandCli } from '../../cli.js';
import type { Json } from '../../client.js';
import { flag, getBool, getString } from '../../flags.js';
import { CLIENT_VERSION } from '../../globals.js';
import { errorText, passProcessEnd, StatusError } from '../../errors.js';
import { bytesSize } from '../../../pkg/units.js';
import { compileTemplate, TemplateError } from '../../formatter/template.js';
import { CLIENT_PLATFORM } from './version.js';
import type { PluginInfo } from '../../plugins.js';
import { GO_TYPE } from '../../formatter/gofmt.js';

/** `docker info` as docker/cli 28.2.2 defines it (cli/command/system/info.go); flag text recorded from `--help`. */
export const infoCommand = command({
  use: "info [OPTIONS]",
  short: "Display system-wide information",
  aliases: "docker system info, docker info",
  args: { none: true },
  flags: [
    flag("format", "f", "string", "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates", { sim: true }),
  ],
  run: (cli, inv) => runInfo(cli, getString(inv.flags, 'format'), getBool(inv.globals, 'debug')),
});

type Info = Record<string, any>;

/** fmt.Println of the values docker passes: operands separated by one space. */
const line = (...parts: unknown[]): string => parts.map(goValue).join(' ') + '\n';
const nonEmpty = (label: string, v: unknown): string => (v === undefined || v === null || v === '' ? '' : line(label, v));

function goValue(v: unknown): string {
  if (v === undefined || v === null) return '';
  return String(v);
}

/** prettyPrintClientInfo, with each plugin's description, vendor, version and path. */
export function prettyClientInfo(debug: boolean, plugins: readonly PluginInfo[] = []): string {
  let o = `Client:${CLIENT_PLATFORM ? ' ' + CLIENT_PLATFORM : ''}\n` + line(' Version:   ', CLIENT_VERSION) +
    line(' Context:   ', 'default') + line(' Debug Mode:', debug);
  if (plugins.length > 0) {
    o += line(' Plugins:');
    for (const p of plugins) o += `  ${p.Name}: ${p.ShortDescription} (${p.Vendor})\n` + nonEmpty('    Version: ', p.Version) + nonEmpty('    Path:    ', p.Path);
  }
  return o;
}

/** prettyPrintServerInfo for the fields a single-node Linux daemon reports (no swarm details). */
export function prettyServerInfo(i: Info, clientDebug: boolean): string {
  let o = line(' Containers:', i.Containers ?? 0) + line('  Running:', i.ContainersRunning ?? 0) +
    line('  Paused:', i.ContainersPaused ?? 0) + line('  Stopped:', i.ContainersStopped ?? 0) + line(' Images:', i.Images ?? 0);
  o += nonEmpty(' Server Version:', i.ServerVersion) + nonEmpty(' Storage Driver:', i.Driver);
  for (const [k, v] of (i.DriverStatus as string[][] | null) ?? []) o += `  ${k}: ${v}\n`;
  for (const [k, v] of (i.SystemStatus as string[][] | null) ?? []) o += ` ${k}: ${v}\n`;
  o += nonEmpty(' Logging Driver:', i.LoggingDriver) + nonEmpty(' Cgroup Driver:', i.CgroupDriver) +
    nonEmpty(' Cgroup Version:', i.CgroupVersion);
  const plugins = i.Plugins ?? {};
  const join = (a: string[] | null | undefined): string => (a ?? []).join(' ');
  o += line(' Plugins:') + line('  Volume:', join(plugins.Volume)) + line('  Network:', join(plugins.Network));
  if ((plugins.Authorization ?? []).length > 0) o += line('  Authorization:', join(plugins.Authorization));
  o += line('  Log:', join(plugins.Log));
  if ((i.CDISpecDirs ?? []).length > 0) {
    o += line(' CDI spec directories:');
    for (const d of i.CDISpecDirs) o += `  ${d}\n`;
  }
  o += line(' Swarm:', i.Swarm?.LocalNodeState ?? '');
  const runtimes = Object.keys(i.Runtimes ?? {}).sort();
  if (runtimes.length > 0) o += line(' Runtimes:', runtimes.join(' ')) + line(' Default Runtime:', i.DefaultRuntime);
  if (i.OSType === 'linux') {
    o += line(' Init Binary:', i.InitBinary) + line(' containerd version:', i.ContainerdCommit?.ID) +
      line(' runc version:', i.RuncCommit?.ID) + line(' init version:', i.InitCommit?.ID);
    if ((i.SecurityOptions ?? []).length > 0) {
      o += line(' Security Options:');
      for (const so of i.SecurityOptions as string[]) {
        const kv = Object.fromEntries(so.split(',').map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
        o += line('  ' + kv.name);
        if (kv.profile !== undefined) o += line('   Profile:', kv.profile);
      }
    }
  }
  o += nonEmpty(' Kernel Version:', i.KernelVersion) + nonEmpty(' Operating System:', i.OperatingSystem) +
    nonEmpty(' OSType:', i.OSType) + nonEmpty(' Architecture:', i.Architecture) + line(' CPUs:', i.NCPU ?? 0) +
    line(' Total Memory:', bytesSize(i.MemTotal ?? 0)) + nonEmpty(' Name:', i.Name) + nonEmpty(' ID:', i.ID) +
    line(' Docker Root Dir:', i.DockerRootDir) + line(' Debug Mode:', i.Debug ?? false);
  if (i.Debug || clientDebug) {
    o += line('  File Descriptors:', i.NFd) + line('  Goroutines:', i.NGoroutines) +
      line('  System Time:', i.SystemTime) + line('  EventsListeners:', i.NEventsListener);
  }
  o += nonEmpty(' HTTP Proxy:', i.HttpProxy) + nonEmpty(' HTTPS Proxy:', i.HttpsProxy) + nonEmpty(' No Proxy:', i.NoProxy);
  if ((i.Labels ?? []).length > 0) {
    o += line(' Labels:');
    for (const l of i.Labels) o += line('  ' + l);
  }
  o += line(' Experimental:', i.ExperimentalBuild ?? false);
  const reg = i.RegistryConfig;
  const cidrs: string[] = reg?.InsecureRegistryCIDRs ?? [];
  const indexes = Object.values(reg?.IndexConfigs ?? {}) as Array<{ Name: string; Secure: boolean }>;
  if (reg && (cidrs.length > 0 || indexes.length > 0)) {
    o += line(' Insecure Registries:');
    for (const ic of indexes) if (!ic.Secure) o += line('  ' + ic.Name);
    for (const c of cidrs) o += `  ${c}\n`;
  }
  if ((reg?.Mirrors ?? []).length > 0) {
    o += line(' Registry Mirrors:');
    for (const m of reg.Mirrors) o += line('  ' + m);
  }
  o += line(' Live Restore Enabled:', i.LiveRestoreEnabled ?? false);
  if (i.ProductLicense) o += line(' Product License:', i.ProductLicense);
  if ((i.DefaultAddressPools ?? []).length > 0) {
    o += line(' Default Address Pools:');
    for (const p of i.DefaultAddressPools) o += `   Base: ${p.Base}, Size: ${p.Size}\n`;
  }
  return o + '\n';
}

/** Client section (static), then the daemon's /info; its Warnings go to stderr after the output. */
export async function runInfo(cli: CommandCli, format: string, debug: boolean): Promise<void> {
  const plugins = cli.plugins?.() ?? [];
  let info: Json | null = null;
  let failure: unknown = null;
  try {
    info = await cli.client().info();
  } catch (e) {
    passProcessEnd(e);
    failure = e;
  }
  if (format !== '') {
    if (failure) await cli.err.write(errorText(failure) + '\n');
    const src = format === 'json' ? '{{json .}}' : format;
    const data = {
      ...(info ?? {}),
      ServerErrors: failure ? [errorText(failure)] : undefined,
      ClientInfo: { Debug: debug, Version: CLIENT_VERSION, Context: 'default', Plugins: plugins.map((p) => ({ [GO_TYPE]: 'manager.Plugin', ...p })), Warnings: null },
    };
    try {
      await cli.out.write(compileTemplate(src).execute(data) + '\n');
    } catch (e) {
      if (e instanceof TemplateError) throw new StatusError(64, `template parsing error: ${e.message}`);
      throw e;
    }
    if (failure) throw new StatusError(1);
    return;
  }
  await cli.out.write(prettyClientInfo(debug, plugins) + '\nServer:\n');
  if (failure || !info) throw new StatusError(1, errorText(failure));
  await cli.out.write(prettyServerInfo(info, debug));
  const warnings = (info.Warnings as string[] | null | undefined) ?? [];
  if (warnings.length > 0) await cli.err.write(warnings.map((w) => w + '\n').join(''));
}
