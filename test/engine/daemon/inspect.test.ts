import { describe, expect, it } from 'vitest';
import { Container, defaultConfig, defaultHostConfig } from '../../../src/engine/daemon/container.js';
import { toInspectJSON, toListJSON } from '../../../src/engine/daemon/inspect.js';

const S = 1_000_000_000n;
const T0 = 1_704_164_645_123_456_789n; // 2024-01-02T03:04:05.123456789Z
const ID = 'a1b2c3d4e5f6' + '0123456789abcdef'.repeat(3) + '0123';
const IMG = 'sha256:' + 'e'.repeat(64);

function make(): Container {
  const config = defaultConfig('ubuntu', ID.slice(0, 12));
  config.Cmd = ['/bin/sh', '-c', 'while true; do date; sleep 1; done'];
  config.Env = ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'];
  return new Container({ id: ID, name: '/daemon_dave', createdNs: T0, imageId: IMG, config, hostConfig: defaultHostConfig(), rwLayerId: 'f'.repeat(64), imageLayerIds: ['9'.repeat(64)], now: () => T0 });
}

describe('toInspectJSON', () => {
  it('has ContainerInspectResponse fields in moby order', () => {
    const j = toInspectJSON(make());
    expect(Object.keys(j)).toEqual([
      'Id', 'Created', 'Path', 'Args', 'State', 'Image', 'ResolvConfPath', 'HostnamePath', 'HostsPath', 'LogPath',
      'Name', 'RestartCount', 'Driver', 'Platform', 'MountLabel', 'ProcessLabel', 'AppArmorProfile', 'ExecIDs',
      'HostConfig', 'GraphDriver', 'Mounts', 'Config', 'NetworkSettings',
    ]);
    expect(Object.keys(j.Config as object)).toEqual([
      'Hostname', 'Domainname', 'User', 'AttachStdin', 'AttachStdout', 'AttachStderr', 'Tty', 'OpenStdin',
      'StdinOnce', 'Env', 'Cmd', 'Image', 'Volumes', 'WorkingDir', 'Entrypoint', 'OnBuild', 'Labels',
    ]);
    const hc = Object.keys(j.HostConfig as object);
    expect(hc.slice(0, 6)).toEqual(['Binds', 'ContainerIDFile', 'LogConfig', 'NetworkMode', 'PortBindings', 'RestartPolicy']);
    expect(hc.slice(-2)).toEqual(['MaskedPaths', 'ReadonlyPaths']);
    expect(Object.keys(j.NetworkSettings as object)).toEqual([
      'Bridge', 'SandboxID', 'SandboxKey', 'Ports', 'HairpinMode', 'LinkLocalIPv6Address', 'LinkLocalIPv6PrefixLen',
      'SecondaryIPAddresses', 'SecondaryIPv6Addresses', 'EndpointID', 'Gateway', 'GlobalIPv6Address',
      'GlobalIPv6PrefixLen', 'IPAddress', 'IPPrefixLen', 'IPv6Gateway', 'MacAddress', 'Networks',
    ]);
  });

  it('shows a created container as Docker does: no runtime paths yet, zero times', () => {
    const j = toInspectJSON(make()) as Record<string, unknown>;
    expect(j.Created).toBe('2024-01-02T03:04:05.123456789Z');
    expect(j.Path).toBe('/bin/sh');
    expect(j.Args).toEqual(['-c', 'while true; do date; sleep 1; done']);
    expect(j.LogPath).toBe('');
    expect(j.ExecIDs).toBeNull();
    expect((j.State as Record<string, unknown>).Status).toBe('created');
    expect((j.State as Record<string, unknown>).StartedAt).toBe('0001-01-01T00:00:00Z');
    expect(j.GraphDriver).toEqual({
      Data: {
        LowerDir: `/var/lib/docker/overlay2/${'f'.repeat(64)}-init/diff:/var/lib/docker/overlay2/${'9'.repeat(64)}/diff`,
        MergedDir: `/var/lib/docker/overlay2/${'f'.repeat(64)}/merged`,
        UpperDir: `/var/lib/docker/overlay2/${'f'.repeat(64)}/diff`,
        WorkDir: `/var/lib/docker/overlay2/${'f'.repeat(64)}/work`,
      },
      Name: 'overlay2',
    });
  });

  it('running: paths, network endpoint', () => {
    const c = make();
    c.assignRuntimePaths();
    c.State.setRunning(4242, T0 + S);
    c.SandboxID = '5'.repeat(64);
    c.Networks.set('bridge', { NetworkID: '7'.repeat(64), EndpointID: '8'.repeat(64), Gateway: '172.17.0.1', IPAddress: '172.17.0.2', IPPrefixLen: 16, MacAddress: '02:42:ac:11:00:02' });
    const j = toInspectJSON(c) as Record<string, Record<string, unknown>>;
    expect(j.LogPath).toBe(`/var/lib/docker/containers/${ID}/${ID}-json.log`);
    expect(j.HostsPath).toBe(`/var/lib/docker/containers/${ID}/hosts`);
    expect(j.NetworkSettings.IPAddress).toBe('172.17.0.2');
    expect(j.NetworkSettings.SandboxKey).toBe('/var/run/docker/netns/555555555555');
    const ep = (j.NetworkSettings.Networks as Record<string, Record<string, unknown>>).bridge;
    expect(Object.keys(ep)).toEqual([
      'IPAMConfig', 'Links', 'MacAddress', 'Aliases', 'DriverOpts', 'GwPriority', 'NetworkID', 'EndpointID', 'Gateway',
      'IPAddress', 'IPPrefixLen', 'IPv6Gateway', 'GlobalIPv6Address', 'GlobalIPv6PrefixLen', 'DNSNames',
    ]);
    expect(ep.MacAddress).toBe('02:42:ac:11:00:02');
  });
});

describe('toListJSON', () => {
  it('has ContainerSummary fields in order, Created in seconds, Command quoted', () => {
    const c = make();
    c.State.setRunning(10, T0);
    const j = toListJSON(c, ['/daemon_dave'], T0 + 75n * S);
    expect(Object.keys(j)).toEqual([
      'Id', 'Names', 'Image', 'ImageID', 'Command', 'Created', 'Ports', 'Labels', 'State', 'Status', 'HostConfig',
      'NetworkSettings', 'Mounts',
    ]);
    expect(j.Command).toBe("/bin/sh -c 'while true; do date; sleep 1; done'");
    expect(j.Created).toBe(1_704_164_645);
    expect(j.State).toBe('running');
    expect(j.Status).toBe('Up About a minute');
    expect(j.Names).toEqual(['/daemon_dave']);
    expect(j.HostConfig).toEqual({ NetworkMode: 'bridge' });
  });
});
