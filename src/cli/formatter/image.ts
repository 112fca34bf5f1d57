/**
 * Rows of `docker images` (docker/cli formatter/image.go): one row per repository:tag, digest-only
 * references as `<none>` tags, and an untagged image as `<none>  <none>`.
 */
import type { ImageSummary } from '../client.js';
import { GO_TYPE } from './gofmt.js';
import { truncateID } from './container.js';
import { humanDuration, humanSize3 } from '../../pkg/units.js';
import { goTimeString } from './ps.js';
import { familiarName, parseNormalizedNamed } from '../../pkg/reference.js';

export const IMAGE_TABLE = 'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}';
export const IMAGE_TABLE_DIGESTS = 'table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}';
export const IMAGE_HEADERS = {
  Repository: 'REPOSITORY', Tag: 'TAG', Digest: 'DIGEST', ID: 'IMAGE ID', CreatedSince: 'CREATED',
  CreatedAt: 'CREATED AT', Size: 'SIZE', Containers: 'CONTAINERS', VirtualSize: 'VIRTUAL SIZE',
  SharedSize: 'SHARED SIZE', UniqueSize: 'UNIQUE SIZE',
} as const;

/** One imageContext. SharedSize and UniqueSize are N/A unless the daemon counted them (`system df`). */
export function imageRow(img: ImageSummary, repo: string, tag: string, digest: string, trunc: boolean, nowMs: number):
  Record<string | symbol, unknown> {
  const na = (n: number | undefined, f: (x: number) => string): string => (n === undefined || n === -1 ? 'N/A' : f(n));
  return {
    [GO_TYPE]: '*formatter.imageContext',
    Containers: na(img.Containers, String),
    CreatedAt: goTimeString(img.Created),
    CreatedSince: humanDuration((nowMs - img.Created * 1000) * 1e6) + ' ago',
    Digest: digest,
    ID: trunc ? truncateID(img.Id) : img.Id,
    Repository: repo,
    SharedSize: na(img.SharedSize, humanSize3),
    Size: humanSize3(img.Size),
    Tag: tag,
    UniqueSize: img.Size === -1 || img.SharedSize === undefined || img.SharedSize === -1 ? 'N/A' : humanSize3(img.Size - img.SharedSize),
    VirtualSize: humanSize3(img.Size),
  };
}

export function imageRows(images: readonly ImageSummary[], o: { trunc: boolean; digests: boolean }, nowMs: number):
  Array<Record<string | symbol, unknown>> {
  const out: Array<Record<string | symbol, unknown>> = [];
  for (const img of images) {
    const tags = new Map<string, string[]>();
    const digests = new Map<string, string[]>();
    for (const t of img.RepoTags ?? []) {
      try {
        const r = parseNormalizedNamed(t);
        if (r.tag !== undefined) tags.set(familiarName(r), [...(tags.get(familiarName(r)) ?? []), r.tag]);
      } catch {
        /* unparsable references are skipped, as docker does */
      }
    }
    for (const d of img.RepoDigests ?? []) {
      try {
        const r = parseNormalizedNamed(d);
        if (r.digest !== undefined) digests.set(familiarName(r), [...(digests.get(familiarName(r)) ?? []), r.digest]);
      } catch {
        /* skipped */
      }
    }
    const rows: Array<Record<string | symbol, unknown>> = [];
    for (const [repo, ts] of tags) {
      const ds = o.digests ? digests.get(repo) ?? [] : [];
      digests.delete(repo);
      for (const tag of ts) {
        if (ds.length === 0) rows.push(imageRow(img, repo, tag, '<none>', o.trunc, nowMs));
        else for (const d of ds) rows.push(imageRow(img, repo, tag, d, o.trunc, nowMs));
      }
    }
    for (const [repo, ds] of digests) {
      if (o.digests) for (const d of ds) rows.push(imageRow(img, repo, '<none>', d, o.trunc, nowMs));
      else rows.push(imageRow(img, repo, '<none>', '<none>', o.trunc, nowMs));
    }
    if (rows.length === 0) rows.push(imageRow(img, '<none>', '<none>', '<none>', o.trunc, nowMs));
    out.push(...rows);
  }
  return out;
}
