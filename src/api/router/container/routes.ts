/** The container route table (moby's router/container/container.go), in its registration order. */
import { DaemonError } from '../../../pkg/errdefs.js';
import { route, type Route } from '../types.js';
import type { ContainerBackend } from './backend.js';
import { execHandlers } from './exec.js';
import { containerHandlers } from './handlers.js';
import { containerStreamHandlers } from './streams.js';

export function containerRoutes(b: ContainerBackend): Route[] {
  const h = containerHandlers(b);
  const s = containerStreamHandlers(b);
  const e = execHandlers(b);
  return [
    // GET
    route('GET', '/containers/json', h.getContainersJSON),
    route('GET', '/containers/{name:.*}/changes', h.getContainersChanges),
    route('GET', '/containers/{name:.*}/json', h.getContainersByName),
    route('GET', '/containers/{name:.*}/top', h.getContainersTop),
    route('GET', '/containers/{name:.*}/logs', s.getContainersLogs),
    route('GET', '/containers/{name:.*}/stats', s.getContainersStats),
    route('GET', '/exec/{id:.*}/json', e.getExecByID),
    // The WebSocket form of attach: refused in one line rather than '404 page not found', as if the API lacked it.
    route('GET', '/containers/{name:.*}/attach/ws', async () => {
      throw new DaemonError('NotImplemented', 'dockersim: attaching over a WebSocket (/containers/{id}/attach/ws) is not simulated');
    }),
    // POST
    route('POST', '/containers/create', h.postContainersCreate),
    route('POST', '/commit', h.postCommit),
    route('POST', '/containers/{name:.*}/kill', h.postContainersKill),
    route('POST', '/containers/{name:.*}/pause', h.postContainersPause),
    route('POST', '/containers/{name:.*}/unpause', h.postContainersUnpause),
    route('POST', '/containers/{name:.*}/restart', h.postContainersRestart),
    route('POST', '/containers/{name:.*}/start', h.postContainersStart),
    route('POST', '/containers/{name:.*}/stop', h.postContainersStop),
    route('POST', '/containers/{name:.*}/wait', s.postContainersWait),
    route('POST', '/containers/{name:.*}/resize', h.postContainersResize),
    route('POST', '/containers/{name:.*}/attach', s.postContainersAttach),
    route('POST', '/containers/{name:.*}/exec', e.postContainerExecCreate),
    route('POST', '/exec/{name:.*}/start', e.postContainerExecStart),
    route('POST', '/exec/{name:.*}/resize', e.postContainerExecResize),
    route('POST', '/containers/{name:.*}/rename', h.postContainerRename),
    route('POST', '/containers/{name:.*}/update', h.postContainerUpdate),
    route('POST', '/containers/prune', h.postContainersPrune),
    // DELETE
    route('DELETE', '/containers/{name:.*}', h.deleteContainers),
  ];
}
