/**
 * moby's router/swarm on a node that never joined a swarm: the simulated host is a single engine, swarm mode is
 * not simulated. Every manager route answers what dockerd answers outside a swarm (Unavailable, 503), leaving one
 * says there is nothing to leave, and starting or joining a swarm is refused in dockersim's one line. Without
 * these routes the paths were `404 page not found`, which Docker answers only for an API it does not have.
 */
import { DaemonError } from '../../../pkg/errdefs.js';
import { route, type Route } from '../types.js';

// moby daemon/cluster: Cluster.errNoManager with no swarm node, and errNoSwarm.
const NO_MANAGER = 'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.';
const NO_SWARM = 'This node is not part of a swarm';

const unavailable = (msg: string) => async (): Promise<void> => {
  throw new DaemonError('Unavailable', msg);
};

const MANAGER_ROUTES: ReadonlyArray<readonly [method: string, path: string]> = [
  ['GET', '/swarm'], ['GET', '/swarm/unlockkey'], ['POST', '/swarm/update'],
  ['GET', '/services'], ['GET', '/services/{id}'], ['POST', '/services/create'], ['POST', '/services/{id}/update'],
  ['DELETE', '/services/{id}'], ['GET', '/services/{id}/logs'],
  ['GET', '/nodes'], ['GET', '/nodes/{id}'], ['DELETE', '/nodes/{id}'], ['POST', '/nodes/{id}/update'],
  ['GET', '/tasks'], ['GET', '/tasks/{id}'], ['GET', '/tasks/{id}/logs'],
  ['GET', '/secrets'], ['POST', '/secrets/create'], ['GET', '/secrets/{id}'], ['DELETE', '/secrets/{id}'], ['POST', '/secrets/{id}/update'],
  ['GET', '/configs'], ['POST', '/configs/create'], ['GET', '/configs/{id}'], ['DELETE', '/configs/{id}'], ['POST', '/configs/{id}/update'],
];

export function swarmRoutes(): Route[] {
  return [
    ...MANAGER_ROUTES.map(([method, path]) => route(method, path, unavailable(NO_MANAGER))),
    route('POST', '/swarm/leave', unavailable(NO_SWARM)),
    route('POST', '/swarm/unlock', unavailable(NO_MANAGER)),
    route('POST', '/swarm/init', async () => {
      throw new DaemonError('NotImplemented', 'dockersim: swarm mode (docker swarm init) is not simulated');
    }),
    route('POST', '/swarm/join', async () => {
      throw new DaemonError('NotImplemented', 'dockersim: swarm mode (docker swarm join) is not simulated');
    }),
  ];
}
