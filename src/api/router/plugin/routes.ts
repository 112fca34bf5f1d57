/**
 * moby's router/plugin on a host with no managed plugins: the list is empty, a named plugin is not found, and
 * what would fetch or build one (pull, privileges, create) is refused in dockersim's one line — plugins come
 * from a registry and run as runc containers of their own, which the simulator does not model.
 */
import { DaemonError, invalidParameter, notFound } from '../../../pkg/errdefs.js';
import { parseFilters, writeJSON } from '../httputils.js';
import { route, type Route } from '../types.js';

// moby daemon/pkg/plugin: acceptedPluginFilterTags.
const FILTERS = new Set(['enabled', 'capability']);

const notSimulated = (what: string) => async (): Promise<void> => {
  throw new DaemonError('NotImplemented', `dockersim: plugins (${what}) are not simulated`);
};

// Store.GetV2Plugin → errNotFound: the name as the client gave it.
const noSuchPlugin = async (ctx: { vars: Readonly<Record<string, string>> }): Promise<void> => {
  throw notFound(`plugin ${JSON.stringify(ctx.vars.name)} not found`);
};

export function pluginRoutes(): Route[] {
  return [
    route('GET', '/plugins', async (ctx) => {
      for (const field of Object.keys(parseFilters(ctx.query.get('filters')))) {
        if (!FILTERS.has(field)) throw invalidParameter(`invalid filter '${field}'`);
      }
      await writeJSON(ctx.w, 200, []);
    }),
    route('GET', '/plugins/{name:.*}/json', noSuchPlugin),
    route('GET', '/plugins/privileges', notSimulated('docker plugin install')),
    route('DELETE', '/plugins/{name:.*}', noSuchPlugin),
    route('POST', '/plugins/{name:.*}/enable', noSuchPlugin),
    route('POST', '/plugins/{name:.*}/disable', noSuchPlugin),
    route('POST', '/plugins/pull', notSimulated('docker plugin install')),
    route('POST', '/plugins/{name:.*}/push', noSuchPlugin),
    route('POST', '/plugins/{name:.*}/upgrade', noSuchPlugin),
    route('POST', '/plugins/{name:.*}/set', noSuchPlugin),
    route('POST', '/plugins/create', notSimulated('docker plugin create')),
  ];
}
