/**
 * The package managers of the Ubuntu images, their own chunk: apt-get, apt, apt-cache, dpkg, dpkg-query.
 */
import type { Program } from '../../engine/kernel/sys.js';
import { aptCache } from './aptcache.js';
import { aptMain } from './cli.js';
import { dpkg, dpkgQuery } from './dpkg.js';

export const programs: Readonly<Record<string, Program>> = {
  'apt-get': aptMain('apt-get'),
  apt: aptMain('apt'),
  'apt-cache': aptCache,
  dpkg,
  'dpkg-query': dpkgQuery,
};
