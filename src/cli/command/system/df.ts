import { command } from '../../spec.js';
import type { CommandCli } from '../../cli.js';
import type { ContainerSummary, DiskUsage, ImageSummary, VolumeSummary } from '../../client.js';
import { volumeRow } from '../../formatter/volume.js';
import { flag, getBool, getString } from '../../flags.js';
import { PS_HEADERS } from '../../formatter/container.js';
import { GO_TYPE } from '../../formatter/gofmt.js';
import { IMAGE_HEADERS, imageRow } from '../../formatter/image.js';
import { psRow } from '../../formatter/ps.js';
import { humanSize3 as humanSize } from '../../../pkg/units.js';
import { writeRows } from '../../formatter/write.js';
import { familiarName, parseNormalizedNamed } from '../../../pkg/reference.js';

/** `docker system df` as docker/cli 28.2.2 defines it (cli/command/system/df.go); flag text recorded from `--help`. */
export const systemDfCommand = command({
  use: "df [OPTIONS]",
  short: "Show docker disk usage",
  args: { none: true },
  flags: [
    flag("format", "", "string", "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates", { sim: true }),
    flag("verbose", "v", "", "Show detailed information on space usage", { sim: true }),
  ],
  run: (cli, inv) => runSystemDf(cli, getBool(inv.flags, 'verbose'), getString(inv.flags, 'format')),
});

/** formatter/disk_usage.go's table formats and headers. */
const SUMMARY_TABLE = 'table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}';
const SUMMARY_RAW = 'type: {{.Type}}\ntotal: {{.TotalCount}}\nactive: {{.Active}}\nsize: {{.Size}}\nreclaimable: {{.Reclaimable}}\n';
const SUMMARY_HEADERS = { Type: 'TYPE', TotalCount: 'TOTAL', Active: 'ACTIVE', Size: 'SIZE', Reclaimable: 'RECLAIMABLE' };
const IMAGE_TABLE = 'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}\t{{.SharedSize}}\t{{.UniqueSize}}\t{{.Containers}}';
const CONTAINER_TABLE = 'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.LocalVolumes}}\t{{.Size}}\t{{.RunningFor}}\t{{.Status}}\t{{.Names}}';
const VOLUME_TABLE = 'table {{.Name}}\t{{.Links}}\t{{.Size}}';
const VOLUME_HEADERS = { Name: 'VOLUME NAME', Links: 'LINKS', Size: 'SIZE' };
const CACHE_TABLE = 'table {{.ID}}\t{{.CacheType}}\t{{.Size}}\t{{.CreatedSince}}\t{{.LastUsedSince}}\t{{.UsageCount}}\t{{.Shared}}';
const CACHE_HEADERS = { ID: 'CACHE ID', CacheType: 'CACHE TYPE', Size: 'SIZE', CreatedSince: 'CREATED', LastUsedSince: 'LAST USED', UsageCount: 'USAGE', Shared: 'SHARED' };

/** `N (P%)`, or just N when the total is 0 (integer percent, as Go's int64 division gives). */
function reclaimable(n: number, total: number): string {
  return total > 0 ? `${humanSize(n)} (${Math.trunc((n * 100) / total)}%)` : humanSize(n);
}

const ACTIVE = new Set(['running', 'paused', 'restarting']);

/** diskUsageVolumesContext: a volume is active while a container references it. */
function volumeSummary(volumes: readonly VolumeSummary[]): Record<string, string> {
  let size = 0;
  let idle = 0;
  for (const v of volumes) {
    const u = v.UsageData;
    if (!u || u.Size === -1) continue;
    size += u.Size;
    if (u.RefCount === 0) idle += u.Size;
  }
  return {
    Type: 'Local Volumes', TotalCount: String(volumes.length),
    Active: String(volumes.filter((v) => (v.UsageData?.RefCount ?? 0) > 0).length),
    Size: humanSize(size), Reclaimable: reclaimable(idle, size),
  };
}

function summaryRows(du: DiskUsage): Array<Record<string, string>> {
  const images = du.Images ?? [];
  const containers = du.Containers ?? [];
  let usedBytes = 0;
  for (const i of images) if (i.Containers !== 0 && i.Size !== -1 && (i.SharedSize ?? -1) !== -1) usedBytes += i.Size - i.SharedSize!;
  let rw = 0;
  let idleRw = 0;
  for (const c of containers) {
    rw += c.SizeRw ?? 0;
    if (!ACTIVE.has(c.State)) idleRw += c.SizeRw ?? 0;
  }
  return [
    {
      Type: 'Images', TotalCount: String(images.length), Active: String(images.filter((i) => (i.Containers ?? 0) > 0).length),
      Size: humanSize(du.LayersSize), Reclaimable: reclaimable(du.LayersSize - usedBytes, du.LayersSize),
    },
    {
      Type: 'Containers', TotalCount: String(containers.length), Active: String(containers.filter((c) => ACTIVE.has(c.State)).length),
      Size: humanSize(rw), Reclaimable: reclaimable(idleRw, rw),
    },
    volumeSummary(du.Volumes ?? []),
    // No build cache is modelled: its row is always empty.
    { Type: 'Build Cache', TotalCount: '0', Active: '0', Size: '0B', Reclaimable: '0B' },
  ];
}

/** The first tag only, as verboseWrite shows it; `<none>` for an untagged image. */
function verboseImageRow(i: ImageSummary, trunc: boolean, nowMs: number): Record<string | symbol, unknown> {
  let repo = '<none>';
  let tag = '<none>';
  const first = i.RepoTags?.[0];
  if (first !== undefined) {
    try {
      const r = parseNormalizedNamed(first);
      if (r.tag !== undefined) {
        repo = familiarName(r);
        tag = r.tag;
      }
    } catch {
      /* skipped, as docker skips an unparsable tag */
    }
  }
  return imageRow(i, repo, tag, '', trunc, nowMs);
}

function verboseContainerRow(c: ContainerSummary, trunc: boolean, nowMs: number): Record<string | symbol, unknown> {
  return psRow({ ...c, SizeRootFs: 0 }, trunc, nowMs);
}

async function writeVerbose(cli: CommandCli, du: DiskUsage, format: string): Promise<void> {
  const now = cli.now();
  const table = format === '' || format === 'table';
  const images = (du.Images ?? []).map((i) => verboseImageRow(i, table, now));
  const containers = (du.Containers ?? []).map((c) => verboseContainerRow(c, table, now));
  const volumes = (du.Volumes ?? []).map(volumeRow);
  if (!table) {
    const duc = { [GO_TYPE]: '*formatter.diskUsageContext', Images: images, Containers: containers, Volumes: volumes, BuildCache: [] };
    await cli.out.write(writeRows(format === 'json' ? 'json' : format, '', [duc], {}).replace(/\n$/, ''));
    return;
  }
  let out = 'Images space usage:\n\n' + writeRows('', IMAGE_TABLE, images, IMAGE_HEADERS);
  out += '\nContainers space usage:\n\n' + writeRows('', CONTAINER_TABLE, containers, PS_HEADERS);
  out += '\nLocal Volumes space usage:\n\n' + writeRows('', VOLUME_TABLE, volumes, VOLUME_HEADERS);
  out += `\nBuild cache usage: ${humanSize(0)}\n\n` + writeRows('', CACHE_TABLE, [], CACHE_HEADERS);
  await cli.out.write(out);
}

export async function runSystemDf(cli: CommandCli, verbose: boolean, format: string): Promise<void> {
  const du = await cli.client().systemDiskUsage();
  if (verbose) return writeVerbose(cli, du, format);
  const f = format === '' ? 'table' : format === 'raw' ? SUMMARY_RAW : format;
  await cli.out.write(writeRows(f, SUMMARY_TABLE, summaryRows(du), SUMMARY_HEADERS));
}
