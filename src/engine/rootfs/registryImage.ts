/**
 * `registry:2` (distribution 2.8.3, the last 2.x; `registry:latest` is 3.x now): Alpine with the `registry`
 * binary, its entrypoint and its default configuration, as distribution-library-image's Dockerfile lays them
 * out. The image's Alpine is 3.18; its files here are the catalogue's Alpine's.
 */
import type { Tree } from '../fs/tree.js';
import { alpineTreeBuilder } from './alpine.js';
import { lines } from './builder.js';
import { imageMtime } from './images.js';

export const REGISTRY_ENTRYPOINT = `#!/bin/sh

set -e

case "$1" in
    *.yaml|*.yml) set -- registry serve "$@" ;;
    serve|garbage-collect|help|-*) set -- registry "$@" ;;
esac

exec "$@"
`;

export const REGISTRY_CONFIG = lines(
  'version: 0.1',
  'log:',
  '  fields:',
  '    service: registry',
  'storage:',
  '  cache:',
  '    blobdescriptor: inmemory',
  '  filesystem:',
  '    rootdirectory: /var/lib/registry',
  'http:',
  '  addr: :5000',
  '  headers:',
  '    X-Content-Type-Options: [nosniff]',
  'health:',
  '  storagedriver:',
  '    enabled: true',
  '    interval: 10s',
  '    threshold: 3',
);

export function registryTree(): Tree {
  const b = alpineTreeBuilder(imageMtime('registry:2'));
  b.bin('/bin/registry', 'registry');
  b.file('/etc/docker/registry/config.yml', REGISTRY_CONFIG);
  b.file('/entrypoint.sh', REGISTRY_ENTRYPOINT, 0o755);
  b.dir('/var/lib/registry');
  return b.build();
}
