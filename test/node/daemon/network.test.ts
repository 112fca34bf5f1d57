/**
 * `docker network …` through the real docker CLI 28.2.2 against the HTTP daemon, compared byte for byte with
 * dockersim's own CLI: state-changing commands run on two hosts of the same seed (real CLI on A, in-sim CLI on
 * B), read-only ones on A through both. Covers ls (table, -q, --no-trunc, --format json and templates, filters),
 * inspect (indented JSON, -f), create/connect/disconnect/rm/prune and their errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveDockerCli, realDockerRun, type Result, sameOnDaemon, simDockerRun, type TestDaemon, twinDaemons } from './helpers.js';

const HAVE_DOCKER = await haveDockerCli();

let a: TestDaemon;
let b: TestDaemon;

describe.skipIf(!HAVE_DOCKER)('docker network: the real CLI against npm run daemon, compared with the in-sim CLI', () => {
  beforeAll(async () => {
    [a, b] = await twinDaemons(3, 60_000);
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  const sameOnA = (args: string[]): Promise<Result> => sameOnDaemon(a, args);

  async function sameAcross(args: string[]): Promise<Result> {
    const real = await realDockerRun(a, args, { drive: true, stepMs: 1000 });
    const sim = await simDockerRun(b.host, args, { drive: true, stepMs: 1000 });
    expect(real, `docker ${args.join(' ')}`).toEqual(sim);
    return real;
  }

  it('create, ls and inspect print the same as the in-sim CLI', async () => {
    const created = await sameAcross(['network', 'create', 'app']);
    expect(created.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    await sameAcross(['network', 'create', '--internal', '--subnet', '10.7.0.0/24', '--gateway', '10.7.0.254', '--label', 'tier=db', 'vault']);
    const ls = await sameOnA(['network', 'ls']);
    expect(ls.stdout).toMatch(/^NETWORK ID {5}NAME {6}DRIVER {4}SCOPE\n[0-9a-f]{12} {3}app {7}bridge {4}local\n[0-9a-f]{12} {3}bridge {4}bridge/);
    await sameOnA(['network', 'ls', '-q']);
    await sameOnA(['network', 'ls', '--no-trunc']);
    await sameOnA(['network', 'ls', '--format', 'json']);
    await sameOnA(['network', 'ls', '--format', 'table {{.Name}}\t{{.Internal}}\t{{.IPv4}}\t{{.IPv6}}\t{{.Labels}}\t{{.CreatedAt}}']);
    await sameOnA(['network', 'ls', '-f', 'driver=null']);
    await sameOnA(['network', 'ls', '-f', 'dangling=true', '-f', 'name=a']);
    await sameOnA(['network', 'ls', '-f', 'type=custom', '-f', 'label=tier']);
    const inspect = await sameOnA(['network', 'inspect', 'app', 'bridge', 'host', 'none', 'vault']);
    expect(inspect.stdout).toContain('"Subnet": "172.18.0.0/16",\n                    "Gateway": "172.18.0.1"');
    expect(inspect.stdout).toContain('"com.docker.network.bridge.default_bridge": "true"');
    await sameOnA(['network', 'inspect', '-f', '{{.Name}} {{.Driver}} {{json .IPAM.Config}} {{.Internal}}', 'vault']);
  });

  it('containers on a network show in its inspect and in theirs', async () => {
    await sameAcross(['run', '-d', '--network', 'app', '--network-alias', 'cache', '--name', 'db', 'busybox', 'sleep', '100000']);
    await sameAcross(['run', '-d', '--name', 'db2', 'busybox', 'sleep', '100000']);
    await sameAcross(['network', 'connect', '--alias', 'second', 'app', 'db2']);
    const nets = await sameOnA(['network', 'inspect', '-f', '{{json .Containers}}', 'app']);
    expect(nets.stdout).toContain('"Name":"db","EndpointID"');
    const eps = await sameOnA(['inspect', '-f', '{{with index .NetworkSettings.Networks "app"}}{{.Aliases}} {{.DNSNames}} {{.IPAddress}}{{end}}', 'db2']);
    expect(eps.stdout).toMatch(/^\[second\] \[db2 second [0-9a-f]{12}\] 172\.18\.0\.3\n$/);
    await sameOnA(['network', 'inspect', 'app']);
  });

  it('prints the same errors and exit codes', async () => {
    const dup = await sameAcross(['network', 'create', 'app']);
    expect(dup).toEqual({ stdout: '', stderr: 'Error response from daemon: network with name app already exists\n', code: 1 });
    const rm = await sameAcross(['network', 'rm', 'nosuch', 'app']);
    expect(rm.code).toBe(1);
    expect(rm.stderr).toMatch(/^Error response from daemon: network nosuch not found\nError response from daemon: error while removing network: network app has active endpoints \(name:"(db|db2)" id:"[0-9a-f]{12}", name:"(db|db2)" id:"[0-9a-f]{12}"\)\nexit status 1\n$/);
    await sameOnA(['network', 'inspect', 'nosuch']);
    await sameAcross(['network', 'connect', 'app', 'db']);
    await sameAcross(['network', 'disconnect', 'vault', 'db']);
    await sameAcross(['run', '--rm', '--ip', '172.17.0.9', 'busybox', 'true']);
    await sameAcross(['network', 'create', '--gateway', '10.1.0.1', 'x']);
    await sameAcross(['run', '--rm', '--network-alias', 'x', 'busybox', 'true']);
  });

  it('disconnect, rm and prune', async () => {
    await sameAcross(['network', 'disconnect', 'app', 'db2']);
    await sameAcross(['rm', '-f', 'db']);
    const rm = await sameAcross(['network', 'rm', 'app']);
    expect(rm).toEqual({ stdout: 'app\n', stderr: '', code: 0 });
    const prune = await sameAcross(['network', 'prune', '-f']);
    expect(prune.stdout).toBe('Deleted Networks:\nvault\n\n');
    await sameOnA(['network', 'ls']);
  });
});
