/** Importing this module gives every machine its `query` (see queryProvider.ts). */
import { daemonQuery } from '../engine/daemon/query.js';
import { provideDaemonQuery } from './queryProvider.js';

provideDaemonQuery(daemonQuery);
