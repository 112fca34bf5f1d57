/**
 * What `docker __complete` offers for the arguments of every command path the tree knows (aliases included):
 * containers by the state each command's ValidArgsFunction wants, image tags, network names (then containers on
 * the network or not), or nothing, with cobra's
 * directive. One line per path: `path | after no argument | after one argument`.
 */
import { describe, expect, it } from 'vitest';
import type { ContainerSummary, ImageSummary, NetworkSummary } from '../../src/cli/client.js';
import { ROOT } from '../../src/cli/command/commands.js';
import { main } from '../../src/cli/main.js';
import type { CommandNode } from '../../src/cli/spec.js';
import { fake } from './fake.js';

const STATES = ['running', 'paused', 'exited', 'created', 'restarting'];
// running1 is on network `x`, the one argument the second column gives.
const containers = STATES.map((s) => ({ Names: [`/${s}1`], State: s, NetworkSettings: { Networks: s === 'running' ? { x: {} } : { bridge: {} } } }) as unknown as ContainerSummary);
const networks = [{ Name: 'bridge' }, { Name: 'app' }] as unknown as NetworkSummary[];
const images = [{ RepoTags: ['ubuntu:latest', '<none>:<none>'] }, { RepoTags: null }] as unknown as ImageSummary[];

async function complete(words: readonly string[]): Promise<string> {
  const f = fake({ client: { containerList: async () => containers, imageList: async () => images, networkList: async () => networks } });
  await main(f.cli, ['__complete', ...words]);
  return f.stdout().trim().split('\n').join(' ');
}

/** Every way to name a leaf: `docker ps`, `docker container ls`, `docker container list`… */
function paths(n: CommandNode, prefix: readonly string[] = []): string[][] {
  return n.children.flatMap((c) => c.names.flatMap((name) =>
    c.children.length > 0 ? paths(c, [...prefix, name]) : c.spec ? [[...prefix, name]] : []));
}

describe('docker __complete', () => {
  it('offers each command\'s arguments', async () => {
    const lines: string[] = [];
    for (const p of paths(ROOT)) lines.push(`${p.join(' ')} | ${await complete([...p, ''])} | ${await complete([...p, 'x', ''])}`);
    expect(lines.join('\n') + '\n').toBe(EXPECTED);
  });
});

const EXPECTED = `\
run | ubuntu:latest :4 | :4
exec | running1 :4 | running1 :4
ps | :4 | :4
build | :0 | :0
pull | :4 | :4
push | ubuntu:latest :4 | :4
images | :0 | :0
login | :4 | :4
logout | :0 | :0
search | :4 | :4
version | :4 | :4
info | :4 | :4
container attach | running1 :4 | running1 :4
container commit | running1 paused1 exited1 created1 restarting1 :4 | running1 paused1 exited1 created1 restarting1 :4
container cp | :0 | :0
container create | ubuntu:latest :4 | :4
container diff | running1 paused1 exited1 created1 restarting1 :4 | running1 paused1 exited1 created1 restarting1 :4
container exec | running1 :4 | running1 :4
container export | running1 paused1 exited1 created1 restarting1 :4 | running1 paused1 exited1 created1 restarting1 :4
container inspect | running1 paused1 exited1 created1 restarting1 :4 | running1 paused1 exited1 created1 restarting1 :4
container kill | running1 :4 | running1 :4
container logs | running1 paused1 exited1 created1 restarting1 :4 | running1 paused1 exited1 created1 restarting1 :4
container ls | :4 | :4
container ps | :4 | :4
container list | :4 | :4
container pause | running1 :4 | running1 :4
container port | running1 :4 | running1 :4
container prune | :4 | :4
container rename | running1 paused1 exited1 created1 restarting1 :4 | :4
container restart | running1 paused1 exited1 created1 restarting1 :4 | running1 paused1 exited1 created1 restarting1 :4
container rm | running1 paused1 exited1 created1 restarting1 :4 | running1 paused1 exited1 created1 restarting1 :4
container remove | running1 paused1 exited1 created1 restarting1 :4 | running1 paused1 exited1 created1 restarting1 :4
container run | ubuntu:latest :4 | :4
container start | exited1 created1 :4 | exited1 created1 :4
container stats | running1 :4 | running1 :4
container stop | running1 :4 | running1 :4
container top | running1 :4 | running1 :4
container unpause | paused1 :4 | paused1 :4
container update | running1 paused1 exited1 created1 restarting1 :4 | running1 paused1 exited1 created1 restarting1 :4
container wait | running1 paused1 exited1 created1 restarting1 :4 | running1 paused1 exited1 created1 restarting1 :4
image build | :0 | :0
image history | ubuntu:latest :4 | :4
image import | :0 | :0
image inspect | ubuntu:latest :4 | ubuntu:latest :4
image load | :4 | :4
image ls | :0 | :0
image list | :0 | :0
image prune | :4 | :4
image pull | :4 | :4
image push | ubuntu:latest :4 | :4
image rm | ubuntu:latest :4 | ubuntu:latest :4
image rmi | ubuntu:latest :4 | ubuntu:latest :4
image remove | ubuntu:latest :4 | ubuntu:latest :4
image save | ubuntu:latest :4 | ubuntu:latest :4
image tag | ubuntu:latest :4 | ubuntu:latest :4
network connect | bridge app :4 | paused1 exited1 created1 restarting1 :4
network create | :4 | :4
network disconnect | bridge app :4 | running1 :4
network inspect | bridge app :4 | bridge app :4
network ls | :4 | :4
network list | :4 | :4
network prune | :4 | :4
network rm | bridge app :4 | bridge app :4
network remove | bridge app :4 | bridge app :4
system df | :4 | :4
system info | :4 | :4
system prune | :4 | :4
volume create | :4 | :4
volume inspect | :4 | :4
volume ls | :4 | :4
volume list | :4 | :4
volume prune | :4 | :4
volume rm | :4 | :4
volume remove | :4 | :4
attach | running1 :4 | running1 :4
commit | running1 paused1 exited1 created1 restarting1 :4 | running1 paused1 exited1 created1 restarting1 :4
cp | :0 | :0
create | ubuntu:latest :4 | :4
diff | running1 paused1 exited1 created1 restarting1 :4 | running1 paused1 exited1 created1 restarting1 :4
export | running1 paused1 exited1 created1 restarting1 :4 | running1 paused1 exited1 created1 restarting1 :4
history | ubuntu:latest :4 | :4
import | :0 | :0
inspect | :4 | :4
kill | running1 :4 | running1 :4
load | :4 | :4
logs | running1 paused1 exited1 created1 restarting1 :4 | running1 paused1 exited1 created1 restarting1 :4
pause | running1 :4 | running1 :4
port | running1 :4 | running1 :4
rename | running1 paused1 exited1 created1 restarting1 :4 | :4
restart | running1 paused1 exited1 created1 restarting1 :4 | running1 paused1 exited1 created1 restarting1 :4
rm | running1 paused1 exited1 created1 restarting1 :4 | running1 paused1 exited1 created1 restarting1 :4
remove | running1 paused1 exited1 created1 restarting1 :4 | running1 paused1 exited1 created1 restarting1 :4
rmi | ubuntu:latest :4 | ubuntu:latest :4
save | ubuntu:latest :4 | ubuntu:latest :4
start | exited1 created1 :4 | exited1 created1 :4
stats | running1 :4 | running1 :4
stop | running1 :4 | running1 :4
tag | ubuntu:latest :4 | ubuntu:latest :4
top | running1 :4 | running1 :4
unpause | paused1 :4 | paused1 :4
update | running1 paused1 exited1 created1 restarting1 :4 | running1 paused1 exited1 created1 restarting1 :4
wait | running1 paused1 exited1 created1 restarting1 :4 | running1 paused1 exited1 created1 restarting1 :4
`;
