/**
 * POST /auth (moby daemon/auth.go, registry/auth.go): Docker Hub's simulated accounts (hub.ts) decide a login
 * to the Hub; a refusal is Unauthorized (401), as registry.translateV2AuthError makes it, so the CLI's stored-
 * credentials path says `Stored credentials invalid or expired`. Another registry is asked `GET /v2/`, which a
 * registry:2 without auth answers 200.
 */
import type { Sys } from '../../kernel/sys.js';
import { notFound, unauthorized } from '../../../pkg/errdefs.js';
import type { DaemonStore } from '../store.js';
import { hubLogin, INCORRECT_LOGIN } from './hub.js';
import { registryService, type AuthConfig } from './remote.js';

const INDEX_HOSTS = new Set(['', 'https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'https://index.docker.io', 'registry-1.docker.io']);

export async function registryLogin(engine: DaemonStore, sys: Sys, auth: AuthConfig): Promise<{ Status: string; IdentityToken: string }> {
  const server = auth.serveraddress ?? '';
  if (INDEX_HOSTS.has(server)) {
    if (!hubLogin(engine.kernel, auth.username ?? '', auth.password ?? '')) throw unauthorized(INCORRECT_LOGIN);
    return { Status: 'Login Succeeded', IdentityToken: '' };
  }
  const service = registryService(engine);
  if (!service) throw notFound(`dockersim: logging in to ${server} is not simulated`);
  await service.login(sys, server.replace(/^https?:\/\//, '').replace(/\/.*$/, ''), auth);
  return { Status: 'Login Succeeded', IdentityToken: '' };
}
