/**
 * POST /auth (moby daemon/auth.go, registry/auth.go): Docker Hub's simulated accounts take any name with a
 * non-empty password (the Hub keeps no user table); another registry is asked `GET /v2/`, which a registry:2
 * without auth answers 200.
 */
import type { Sys } from '../../kernel/sys.js';
import { invalidParameter, notFound } from '../../../pkg/errdefs.js';
import type { DaemonStore } from '../store.js';
import { registryService, type AuthConfig } from './remote.js';

const INDEX_HOSTS = new Set(['', 'https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'https://index.docker.io', 'registry-1.docker.io']);

export async function registryLogin(engine: DaemonStore, sys: Sys, auth: AuthConfig): Promise<{ Status: string; IdentityToken: string }> {
  const server = auth.serveraddress ?? '';
  if (INDEX_HOSTS.has(server)) {
    if (!auth.username || !auth.password) throw invalidParameter('Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password');
    return { Status: 'Login Succeeded', IdentityToken: '' };
  }
  const service = registryService(engine);
  if (!service) throw notFound(`dockersim: logging in to ${server} is not simulated`);
  await service.login(sys, server.replace(/^https?:\/\//, '').replace(/\/.*$/, ''), auth);
  return { Status: 'Login Succeeded', IdentityToken: '' };
}
