/**
 * `commit`, `history`, `tag`, `rmi`, `images -a` and `image prune` through the real docker CLI 28.2.2 against the
 * HTTP daemon, byte for byte against the in-sim CLI. State-changing commands run on two hosts with the same seed
 * and history: the real CLI on A, the in-sim CLI on B.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveDockerCli, realDockerRun, type Result, sameOnDaemon, simDockerRun, syncToRealTime, type TestDaemon, twinDaemons } from './helpers.js';

const HAVE_DOCKER = await haveDockerCli();
let a: TestDaemon;
let b: TestDaemon;

describe.skipIf(!HAVE_DOCKER)('images made from containers, through the real docker CLI', () => {
  beforeAll(async () => {
    [a, b] = await twinDaemons(11, 60_000);
    const setup = [
      ['run', '--name', 'maker', 'ubuntu', 'sh', '-c', 'mkdir -p /srv/www && echo hello > /srv/www/index.html && rm /etc/legal'],
      ['run', '-d', '--name', 'web', 'ubuntu', 'sleep', '1000'],
    ];
    for (const host of [a.host, b.host]) {
      for (const args of setup) expect((await simDockerRun(host, args, { drive: true, stepMs: 1000 })).code).toBe(0);
    }
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  const same = (args: string[]): Promise<Result> => sameOnDaemon(a, args);
  // "N seconds ago" is the client's own clock against the image's: the real CLI answers a moment after the daemon
  // was synced, later still on a loaded machine, so listings of a fresh image are compared with that age masked.
  // The age's width sets the table's columns too, so column padding is compared as one gap.
  const ago = (t: string): string => t.replace(/(?:Less than a second|About a minute|\d+ (?:seconds?|minutes?)) ago/g, 'AGO').replace(/ {2,}/g, '  ');
  const sameAged = async (args: string[]): Promise<Result> => {
    await syncToRealTime(a.host);
    const real = await realDockerRun(a, args);
    const sim = await simDockerRun(a.host, args);
    expect({ ...real, stdout: ago(real.stdout) }, `docker ${args.join(' ')}`).toEqual({ ...sim, stdout: ago(sim.stdout) });
    return real;
  };
  // A commit's ID hashes its creation time, which differs by the nanoseconds each CLI's round trip took: the two
  // hosts' outputs are compared with hexadecimal IDs masked.
  const mask = (r: Result): Result => {
    const m = (t: string): string => t.replace(/\b[0-9a-f]{12}(?:[0-9a-f]{52})?\b/g, (x) => '#'.repeat(x.length));
    return { stdout: m(r.stdout), stderr: m(r.stderr), code: r.code };
  };
  const across = async (args: string[]): Promise<Result> => {
    await syncToRealTime(a.host);
    await syncToRealTime(b.host);
    const real = await realDockerRun(a, args);
    expect(mask(real), `docker ${args.join(' ')}`).toEqual(mask(await simDockerRun(b.host, args)));
    return real;
  };

  it('commits, and history shows the new entry over the image\'s own', async () => {
    const made = await across(['commit', '-m', 'A new custom image', '-a', 'James Turnbull', 'maker', 'jamtur01/apache2:webserver']);
    expect(made.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    const id = made.stdout.slice(7, 19);
    const history = await sameAged(['history', 'jamtur01/apache2:webserver']);
    expect(history.stdout).toMatch(new RegExp(
      '^IMAGE          CREATED +CREATED BY                                      SIZE      COMMENT\n'
      + `${id}   .* ago +sh -c mkdir -p /srv/www && echo hello > /srv…   \\d+B +A new custom image\n`
      + '83c03e67a0dd   2 years ago +/bin/sh -c #\\(nop\\)  CMD \\["/bin/bash"\\]            0B        \n'
      + '<missing>      2 years ago +/bin/sh -c #\\(nop\\) ADD file:'));
    expect(history.stdout.split('\n')).toHaveLength(9);
    await sameAged(['history', '--no-trunc', 'jamtur01/apache2:webserver']);
    expect((await same(['history', '-H=false', 'ubuntu'])).stdout).toContain('   2024-09-11T16:25:43Z   /bin/sh -c #(nop)  CMD ["/bin/bash"]            0          \n');
    expect((await same(['history', '-q', 'jamtur01/apache2:webserver'])).stdout).toBe(`${id}\n83c03e67a0dd\n${'<missing>\n'.repeat(5)}`);
    await same(['history', '--format', 'json', 'alpine']);
    await same(['history', '--format', '{{.ID}}: {{.CreatedBy}} ({{.Comment}})', 'alpine']);
    expect((await same(['history', 'nosuch'])).stderr).toBe('Error response from daemon: No such image: nosuch:latest\n');
    const inspect = await same(['inspect', '-f', '{{.Comment}}|{{.Author}}|{{.Parent}}|{{len .RootFS.Layers}}', 'jamtur01/apache2:webserver']);
    expect(inspect.stdout).toBe('A new custom image|James Turnbull|sha256:83c03e67a0dd568cbf5ca6e1ea8dccf500a51f4ce186ae0cbb9dc3d33efc9876|2\n');
    const bad = await across(['commit', '-c', 'RUN apt-get update', 'maker']);
    expect(bad).toEqual({ stdout: '', stderr: 'Error response from daemon: run is not a valid change command\n', code: 1 });
  });

  it('tags, and rmi untags and deletes as moby does, conflicts included', async () => {
    expect(await across(['tag', 'jamtur01/apache2:webserver', 'localhost:5000/jamtur01/apache2'])).toEqual({ stdout: '', stderr: '', code: 0 });
    expect((await across(['tag', 'nosuch', 'x'])).stderr).toBe('Error response from daemon: No such image: nosuch:latest\n');
    expect((await across(['rmi', 'ubuntu'])).stderr).toMatch(/^Error response from daemon: conflict: unable to remove repository reference "ubuntu" \(must force\) - container [0-9a-f]{12} is using its referenced image 83c03e67a0dd\n$/);
    expect((await across(['rmi', '83c03e67a0dd'])).stderr).toBe('Error response from daemon: conflict: unable to delete 83c03e67a0dd (cannot be forced) - image has dependent child images\n');
    const two = (await same(['images', '-q', 'jamtur01/apache2:webserver'])).stdout.trim();
    const twoB = (await simDockerRun(b.host, ['images', '-q', 'jamtur01/apache2:webserver'])).stdout.trim();
    expect((await same(['rmi', two])).stderr).toBe(`Error response from daemon: conflict: unable to delete ${two} (must be forced) - image is referenced in multiple repositories\n`);
    expect(await across(['rmi', 'localhost:5000/jamtur01/apache2'])).toEqual({ stdout: 'Untagged: localhost:5000/jamtur01/apache2:latest\n', stderr: '', code: 0 });
    // A tag that moves leaves the old image dangling.
    await across(['commit', 'web', 'jamtur01/apache2:webserver']);
    // Listings show CREATED against each host's clock: compared on one host.
    await sameAged(['images']);
    await sameAged(['images', '-a']);
    expect((await same(['images', '--filter', 'dangling=true', '--format', '{{.Repository}}:{{.Tag}} {{.ID}}'])).stdout).toBe(`<none>:<none> ${two}\n`);
    await syncToRealTime(b.host);
    const removed = await realDockerRun(a, ['rmi', two]);
    expect(mask(removed)).toEqual(mask(await simDockerRun(b.host, ['rmi', twoB])));
    expect(removed.stdout).toMatch(new RegExp(`^Deleted: sha256:${two}[0-9a-f]{52}\nDeleted: sha256:[0-9a-f]{64}\n$`));
  });

  it('image prune asks, and removes dangling images', async () => {
    expect(await across(['image', 'prune'])).toEqual({ stdout: 'WARNING! This will remove all dangling images.\nAre you sure you want to continue? [y/N] ', stderr: '', code: 0 });
    expect((await across(['image', 'prune', '-a'])).stdout).toBe('WARNING! This will remove all images without at least one container associated to them.\nAre you sure you want to continue? [y/N] ');
    expect((await across(['image', 'prune', '-f'])).stdout).toBe('Total reclaimed space: 0B\n');
    await across(['commit', 'maker', 'again']);
    await across(['commit', 'maker', 'again']);
    const pruned = await across(['image', 'prune', '-f']);
    expect(pruned.stdout).toMatch(/^Deleted Images:\ndeleted: sha256:[0-9a-f]{64}\n\nTotal reclaimed space: 0B\n$/);
    // The daemon walks images in no particular order (a Go map in moby): compare the lines as sets.
    await syncToRealTime(b.host);
    const all = await realDockerRun(a, ['image', 'prune', '-a', '-f']);
    const lines = (r: Result): string[] => mask(r).stdout.split('\n').sort();
    expect(lines(all)).toEqual(lines(await simDockerRun(b.host, ['image', 'prune', '-a', '-f'])));
    expect(all.stdout).toMatch(/^Deleted Images:\n/);
    expect(all.stdout).toContain('untagged: again:latest\ndeleted: sha256:');
  });
});
