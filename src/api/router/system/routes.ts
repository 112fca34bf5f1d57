/** The system route table (moby's router/system/system.go). */
import { route, type Route } from '../types.js';
import type { SystemBackend } from './backend.js';
import { systemHandlers } from './handlers.js';

export function systemRoutes(b: SystemBackend): Route[] {
  const h = systemHandlers(b);
  return [
    route('GET', '/_ping', h.pingHandler),
    route('HEAD', '/_ping', h.pingHandler),
    route('GET', '/events', h.getEvents),
    route('GET', '/info', h.getInfo),
    route('GET', '/system/df', h.getDiskUsage),
    route('GET', '/version', h.getVersion),
  ];
}
