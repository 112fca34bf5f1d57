/** Images as the Engine API shows them: GET /images/json (ImageSummary) and GET /images/{name}/json. */
import { formatRFC3339Nano, unixSeconds } from '../../../pkg/timetypes.js';
import { DOCKER_ROOT } from '../container.js';
import { healthConfigJSON } from '../healthConfig.js';
import type { Image, ImageStore } from './store.js';

type Json = Record<string, unknown>;

/** One element of GET /images/json, in the Go struct's field order. */
export function imageSummaryJSON(store: ImageStore, img: Image): Json {
  const labels = Object.keys(img.config.Labels).length > 0 ? img.config.Labels : null;
  return {
    Containers: -1, Created: unixSeconds(BigInt(Date.parse(img.created)) * 1_000_000n), Id: img.id, Labels: labels,
    ParentId: img.parent, RepoDigests: store.repoDigests(img.id), RepoTags: store.repoTags(img.id), SharedSize: -1, Size: img.size,
  };
}

/** The OCI image config: every field omitted when empty (API 1.50). */
function configJSON(img: Image): Json {
  const c = img.config;
  const out: Json = {};
  if (c.User) out.User = c.User;
  if (c.ExposedPorts && Object.keys(c.ExposedPorts).length > 0) out.ExposedPorts = c.ExposedPorts;
  if (c.Env.length > 0) out.Env = c.Env;
  if (c.Entrypoint && c.Entrypoint.length > 0) out.Entrypoint = c.Entrypoint;
  if (c.Cmd && c.Cmd.length > 0) out.Cmd = c.Cmd;
  if (c.Volumes && Object.keys(c.Volumes).length > 0) out.Volumes = c.Volumes;
  if (c.WorkingDir) out.WorkingDir = c.WorkingDir;
  if (Object.keys(c.Labels).length > 0) out.Labels = c.Labels;
  if (c.StopSignal) out.StopSignal = c.StopSignal;
  if (c.Healthcheck) out.Healthcheck = healthConfigJSON(c.Healthcheck);
  if (c.OnBuild && c.OnBuild.length > 0) out.OnBuild = c.OnBuild;
  if (c.Shell && c.Shell.length > 0) out.Shell = c.Shell;
  return out;
}

/** GET /images/{name}/json. */
export function imageInspectJSON(store: ImageStore, img: Image): Json {
  const top = `${DOCKER_ROOT}/overlay2/${img.cacheIds[0]}`;
  const lower = img.cacheIds.slice(1).map((id) => `${DOCKER_ROOT}/overlay2/${id}/diff`).join(':');
  const data: Json = lower ? { LowerDir: lower } : {};
  Object.assign(data, { MergedDir: `${top}/merged`, UpperDir: `${top}/diff`, WorkDir: `${top}/work` });
  return {
    Id: img.id, RepoTags: store.repoTags(img.id), RepoDigests: store.repoDigests(img.id), Parent: img.parent,
    // The config has no comment of its own (commit writes it into history): the last entry's, as moby reads it.
    Comment: img.history[img.history.length - 1]?.comment ?? '',
    Created: img.created, DockerVersion: img.dockerVersion, Author: img.author, Config: configJSON(img), Architecture: 'amd64', Os: 'linux',
    Size: img.size, GraphDriver: { Data: data, Name: 'overlay2' }, RootFS: { Type: 'layers', Layers: img.diffIds },
    Metadata: { LastTagTime: img.lastTagTimeNs === null ? '0001-01-01T00:00:00Z' : formatRFC3339Nano(img.lastTagTimeNs) },
  };
}
