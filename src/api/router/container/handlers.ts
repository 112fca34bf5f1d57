/**
 * Container routes that answer at once (moby's container_routes.go): parse the query and body, call the
 * backend, set the status. Streaming ones are in streams.ts, exec in exec.ts.
 */
import { DaemonError, invalidParameter } from '../../../pkg/errdefs.js';
import { waitFor } from '../../server/types.js';
import { versionAtLeast } from '../../version.js';
import { atoi, boolValue, boolValueOrDefault, checkForJSON, decodeJSON, parseFilters, readJSON, writeJSON } from '../httputils.js';
import type { RequestContext } from '../types.js';
import type { ContainerBackend, StopOptions } from './backend.js';

/** container.Config's JSON fields, lower-cased (api/types/container/config.go). */
const CONFIG_FIELDS: ReadonlySet<string> = new Set([
  'Hostname', 'Domainname', 'User', 'AttachStdin', 'AttachStdout', 'AttachStderr', 'ExposedPorts', 'Tty', 'OpenStdin',
  'StdinOnce', 'Env', 'Cmd', 'Healthcheck', 'ArgsEscaped', 'Image', 'Volumes', 'WorkingDir', 'Entrypoint',
  'NetworkDisabled', 'MacAddress', 'OnBuild', 'Labels', 'StopSignal', 'StopTimeout', 'Shell',
].map((f) => f.toLowerCase()));

type Json = Record<string, unknown>;

export function containerHandlers(b: ContainerBackend) {
  const call = <T>(ctx: RequestContext, v: T | Promise<T>): Promise<T> => waitFor(ctx.waiter, v);
  const noContent = (ctx: RequestContext): void => ctx.w.writeHeader(204);

  const stopOptions = (ctx: RequestContext): StopOptions => {
    const t = ctx.query.get('t');
    return {
      signal: versionAtLeast(ctx.version, '1.42') ? ctx.query.get('signal') || undefined : undefined,
      timeout: t === '' ? undefined : atoi(t),
    };
  };

  return {
    async getContainersJSON(ctx: RequestContext): Promise<void> {
      const filters = parseFilters(ctx.query.get('filters'));
      const limitRaw = ctx.query.get('limit');
      const list = await call(ctx, b.containers({
        all: boolValue(ctx, 'all'),
        size: boolValue(ctx, 'size'),
        since: ctx.query.get('since'),
        before: ctx.query.get('before'),
        limit: limitRaw === '' ? 0 : atoi(limitRaw),
        filters,
      }));
      await writeJSON(ctx.w, 200, list);
    },

    async getContainersByName(ctx: RequestContext): Promise<void> {
      const json = await call(ctx, b.containerInspect(ctx.vars.name, { size: boolValue(ctx, 'size') }));
      await writeJSON(ctx.w, 200, json);
    },

    async getContainersTop(ctx: RequestContext): Promise<void> {
      await writeJSON(ctx.w, 200, await call(ctx, b.containerTop(ctx.vars.name, ctx.query.get('ps_args'))));
    },

    async getContainersChanges(ctx: RequestContext): Promise<void> {
      await writeJSON(ctx.w, 200, await call(ctx, b.containerChanges(ctx.vars.name)));
    },

    async postContainersCreate(ctx: RequestContext): Promise<void> {
      checkForJSON(ctx);
      const body = decodeJSON<Json | null>(ctx.req.body);
      if (body === null || typeof body !== 'object' || Array.isArray(body)) {
        throw invalidParameter('config cannot be empty in order to create a container');
      }
      const { HostConfig, NetworkingConfig, ...config } = body;
      const res = await call(ctx, b.containerCreate({
        name: ctx.query.get('name'),
        platform: ctx.query.get('platform'),
        config,
        hostConfig: (HostConfig as Json | null) ?? {},
        networkingConfig: (NetworkingConfig as Json | null) ?? {},
      }));
      await writeJSON(ctx.w, 201, { Id: res.Id, Warnings: res.Warnings ?? [] });
    },

    async postContainersStart(ctx: RequestContext): Promise<void> {
      // A non-empty JSON object is at least 7 bytes (`{"a":1}`); dockerode's `{}` passes.
      if (ctx.req.body.length > 7 || ctx.req.headers.get('Transfer-Encoding') !== '') {
        throw invalidParameter('starting container with non-empty request body was deprecated since API v1.22 and removed in v1.24');
      }
      await call(ctx, b.containerStart(ctx.vars.name));
      noContent(ctx);
    },

    async postContainersStop(ctx: RequestContext): Promise<void> {
      await call(ctx, b.containerStop(ctx.vars.name, stopOptions(ctx)));
      noContent(ctx);
    },

    async postContainersRestart(ctx: RequestContext): Promise<void> {
      await call(ctx, b.containerRestart(ctx.vars.name, stopOptions(ctx)));
      noContent(ctx);
    },

    async postContainersKill(ctx: RequestContext): Promise<void> {
      const name = ctx.vars.name;
      try {
        await call(ctx, b.containerKill(name, ctx.query.get('signal')));
      } catch (e) {
        // The route wraps the daemon's error, keeping its class (errors.Wrapf).
        if (e instanceof DaemonError) throw new DaemonError(e.kind, `cannot kill container: ${name}: ${e.message}`);
        throw e;
      }
      noContent(ctx);
    },

    async postContainersPause(ctx: RequestContext): Promise<void> {
      await call(ctx, b.containerPause(ctx.vars.name));
      noContent(ctx);
    },

    async postContainersUnpause(ctx: RequestContext): Promise<void> {
      await call(ctx, b.containerUnpause(ctx.vars.name));
      noContent(ctx);
    },

    /**
     * postCommit: the image is the container's; a config in the body would replace the container's as the base.
     * moby decodes the body into a struct embedding *container.Config, which stays nil unless a key names one of
     * Config's fields (case-insensitively, as encoding/json matches): docker-py's `{}` and dockerode's options
     * object (`{"comment": …, "container": …}`) are no config at all.
     */
    async postCommit(ctx: RequestContext): Promise<void> {
      const body = readJSON<unknown>(ctx);
      if (body !== undefined && body !== null && (typeof body !== 'object' || Array.isArray(body) || Object.keys(body).some((k) => CONFIG_FIELDS.has(k.toLowerCase())))) {
        throw new DaemonError('NotImplemented', 'dockersim: a config in the body of POST /commit is not simulated');
      }
      const id = await call(ctx, b.containerCommit(ctx.query.get('container'), {
        repo: ctx.query.get('repo'), tag: ctx.query.get('tag'), author: ctx.query.get('author'),
        comment: ctx.query.get('comment'), changes: ctx.query.all('changes'), pause: boolValueOrDefault(ctx, 'pause', true),
      }));
      await writeJSON(ctx.w, 201, { Id: id });
    },

    async postContainerRename(ctx: RequestContext): Promise<void> {
      await call(ctx, b.containerRename(ctx.vars.name, ctx.query.get('name')));
      noContent(ctx);
    },

    async postContainerUpdate(ctx: RequestContext): Promise<void> {
      const update = readJSON<unknown>(ctx) ?? {};
      const goType = Array.isArray(update) ? 'array' : typeof update === 'boolean' ? 'bool' : typeof update;
      if (goType !== 'object') throw invalidParameter(`invalid JSON: json: cannot unmarshal ${goType} into Go value of type container.UpdateConfig`);
      const body = { ...(update as Json) };
      if (!versionAtLeast(ctx.version, '1.40')) delete body.PidsLimit;
      // Ignored since API 1.42, as runc no longer has kernel-memory limits.
      if (versionAtLeast(ctx.version, '1.42')) delete body.KernelMemory;
      // 0 and any negative value both mean "unlimited" when updating.
      if (typeof body.PidsLimit === 'number' && body.PidsLimit <= 0) body.PidsLimit = 0;
      await writeJSON(ctx.w, 200, await call(ctx, b.containerUpdate(ctx.vars.name, body)));
    },

    async postContainersResize(ctx: RequestContext): Promise<void> {
      const height = atoi(ctx.query.get('h'));
      const width = atoi(ctx.query.get('w'));
      await call(ctx, b.containerResize(ctx.vars.name, height, width));
      ctx.w.writeHeader(200);
    },

    async postContainersPrune(ctx: RequestContext): Promise<void> {
      const report = await call(ctx, b.containersPrune(parseFilters(ctx.query.get('filters'))));
      await writeJSON(ctx.w, 200, report);
    },

    async deleteContainers(ctx: RequestContext): Promise<void> {
      await call(ctx, b.containerRm(ctx.vars.name, {
        force: boolValue(ctx, 'force'),
        removeVolume: boolValue(ctx, 'v'),
        removeLink: boolValue(ctx, 'link'),
      }));
      noContent(ctx);
    },
  };
}
