/** The Engine API router over all backends (what dockerd serves). */
import { archiveRoutes, type ArchiveBackend } from './archive/routes.js';
import { buildRoutes, type BuildBackend } from './build/routes.js';
import type { ContainerBackend } from './container/backend.js';
import { containerRoutes } from './container/routes.js';
import { distributionRoutes, type DistributionBackend } from './distribution/routes.js';
import type { ImageBackend } from './image/backend.js';
import { imageRoutes } from './image/routes.js';
import { networkRoutes, type NetworkBackend } from './network/routes.js';
import { pluginRoutes } from './plugin/routes.js';
import { Router } from './router.js';
import { swarmRoutes } from './swarm/routes.js';
import type { SystemBackend } from './system/backend.js';
import { systemRoutes } from './system/routes.js';
import { volumeRoutes, type VolumeBackend } from './volume/routes.js';

export type EngineBackend = SystemBackend & ContainerBackend & ImageBackend & NetworkBackend & VolumeBackend & BuildBackend
  & ArchiveBackend
  & DistributionBackend;

export function engineRouter(b: EngineBackend): Router {
  return new Router([...systemRoutes(b), ...containerRoutes(b), ...imageRoutes(b), ...networkRoutes(b), ...volumeRoutes(b),
    ...buildRoutes(b), ...archiveRoutes(b), ...distributionRoutes(b),
    ...swarmRoutes(), ...pluginRoutes()]);
}
