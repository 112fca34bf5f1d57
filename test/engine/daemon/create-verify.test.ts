/**
 * POST /containers/create as the daemon judges it: the body docker CLI 28.2.2 sends for a plain `docker create
 * busybox true` (recorded against the simulated daemon) is accepted as it is; a non-default value in a field
 * the simulator does not model is refused in dockersim's voice; Docker's own validation comes first, with
 * moby's texts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isDaemonError } from '../../../src/pkg/errdefs.js';
import type { CreateConfig, CreateHostConfig } from '../../../src/engine/daemon/create.js';
import { boot, inDaemon } from './harness.js';

type Json = Record<string, unknown>;
const recorded = JSON.parse(readFileSync(join(__dirname, 'testdata/create-body-cli-28.2.2.json'), 'utf8')) as Json;

function request(config: Json = {}, host: Json = {}, networking?: Json): [CreateConfig, CreateHostConfig, Json] {
  const { HostConfig, NetworkingConfig, ...base } = structuredClone(recorded);
  return [
    { ...base, ...config } as unknown as CreateConfig,
    { ...(HostConfig as Json), ...host } as CreateHostConfig,
    networking ?? (NetworkingConfig as Json),
  ];
}

async function create(config: Json = {}, host: Json = {}, networking?: Json): Promise<{ id?: string; warnings?: string[]; error?: string; kind?: string }> {
  const h = boot();
  return inDaemon(h, async (d) => {
    const [c, hc, n] = request(config, host, networking);
    try {
      const res = d.containerCreate(c, hc, undefined, n);
      return { id: res.Id, warnings: res.Warnings };
    } catch (e) {
      if (!isDaemonError(e)) throw e;
      return { error: e.message, kind: e.kind };
    }
  });
}

describe('POST /containers/create: what the daemon accepts, validates and refuses', () => {
  it("accepts the real CLI's body for a plain create, zero values and all", async () => {
    const r = await create();
    expect(r.error).toBeUndefined();
    expect(r.warnings).toEqual([]);
  });

  it.each([
    [{}, { Ulimits: [{ Name: 'nofile', Soft: 10, Hard: 20 }] }, 'dockersim: --ulimit (HostConfig.Ulimits) is not simulated'],
    [{}, { CapAdd: ['CAP_NET_ADMIN'] }, 'dockersim: --cap-add (HostConfig.CapAdd) is not simulated'],
    [{}, { ReadonlyRootfs: true }, 'dockersim: --read-only (HostConfig.ReadonlyRootfs) is not simulated'],
    [{}, { LogConfig: { Type: 'syslog', Config: {} } }, 'dockersim: --log-driver (HostConfig.LogConfig) is not simulated'],
    [{}, { LogConfig: { Type: 'json-file', Config: { 'max-size': '1m' } } }, 'dockersim: --log-opt (HostConfig.LogConfig) is not simulated'],
    [{}, { NanoCpus: 1e9 }, 'dockersim: --cpus (HostConfig.NanoCpus) is not simulated'],
    [{}, { MemorySwappiness: 10 }, 'dockersim: --memory-swappiness (HostConfig.MemorySwappiness) is not simulated'],
    [{}, { PidMode: 'host' }, 'dockersim: --pid (HostConfig.PidMode) is not simulated'],
    [{ Domainname: 'example.com' }, {}, 'dockersim: --domainname (Config.Domainname) is not simulated'],
  ])('refuses %j %j', async (config, host, message) => {
    expect(await create(config, host)).toEqual({ error: message, kind: 'NotImplemented' });
  });

  it('ignores keys that are no field of Docker\'s, as Go\'s JSON decoder does (dockerode sends name in the body)', async () => {
    expect((await create({ name: 'x' }, { SomethingNew: 1 })).error).toBeUndefined();
  });

  it('checks per-network settings as Docker does, and refuses what is not modelled', async () => {
    const ep = (x: Json): Json => ({ EndpointsConfig: { default: { ...x } } });
    expect(await create({}, {}, ep({ IPAMConfig: { IPv4Address: '172.17.0.9' } }))).toEqual({
      error: 'invalid config for network default: invalid endpoint settings:\nuser specified IP address is supported on user defined networks only',
      kind: 'InvalidParameter',
    });
    expect((await create({}, { NetworkMode: 'app' }, { EndpointsConfig: { app: { IPAMConfig: { IPv6Address: 'fd00::9' } } } })).error)
      .toBe('dockersim: --ip (NetworkingConfig.EndpointsConfig.app.IPAMConfig) is not simulated');
    expect((await create({}, {}, { EndpointsConfig: { default: {}, backend: {} } })).error)
      .toBe('dockersim: connecting to a predefined network and another at create (NetworkingConfig.EndpointsConfig) is not simulated');
  });

  it.each([
    [{}, { NanoCpus: 3e9 }, 'range of CPUs is from 0.01 to 2.00, as there are only 2 CPUs available'],
    [{}, { Memory: 1024 }, 'Minimum memory limit allowed is 6MB'],
    [{}, { MemorySwap: 1 << 30 }, 'You should always set the Memory limit when using Memoryswap limit, see usage'],
    [{}, { Memory: 1 << 30, MemorySwap: 1 << 20 }, 'Minimum memoryswap limit should be larger than memory limit, see usage'],
    [{}, { MemorySwappiness: 101 }, 'Invalid value: 101, valid memory swappiness range is 0-100'],
    [{}, { CpuPeriod: 10 }, 'CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)'],
    [{}, { OomScoreAdj: 2000 }, 'Invalid value 2000, range for oom score adj is [-1000, 1000]'],
    [{}, { ExtraHosts: ['nocolon'] }, 'bad format for add-host: "nocolon"'],
    [{}, { PortBindings: { '80-81/tcp': [] } }, 'invalid port specification: "80-81"'],
    [{}, { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: 'http' }] } }, 'invalid port specification: "http"'],
    [{}, { NetworkMode: 'container:' }, 'invalid network mode: invalid container format container:<name|id>'],
    [{ Hostname: 'x' }, { NetworkMode: 'container:abc' }, 'conflicting options: hostname and the network mode'],
    [{}, { NetworkMode: 'container:abc', Dns: ['1.1.1.1'] }, 'conflicting options: dns and the network mode'],
    [{ Hostname: 'x' }, { UTSMode: 'host' }, 'conflicting options: hostname and the UTS mode'],
    [{ WorkingDir: 'rel' }, {}, "the working directory 'rel' is invalid, it needs to be an absolute path"],
    [{ StopSignal: 'NOPE' }, {}, 'Invalid signal: NOPE'],
    [{}, { LogConfig: { Type: 'nosuch', Config: {} } }, "logger: no log driver named 'nosuch' is registered"],
  ])("Docker's own error first: %j %j", async (config, host, message) => {
    expect(await create(config, host)).toEqual({ error: message, kind: 'InvalidParameter' });
  });

  it("keeps Docker's behaviour for what it discards: CPU percent and published ports in host mode warn", async () => {
    expect((await create({}, { CpuPercent: 50 })).warnings).toEqual(['linux does not support CPU percent. Percent discarded.']);
    expect((await create({}, { NetworkMode: 'host', PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '80' }] } })).warnings)
      .toEqual(['Published ports are discarded when using host network mode']);
  });
});
