import { describe, expect, it } from 'vitest';
import { runScript } from '../../../helpers/machine.js';

describe('published ports across a dockerd restart', () => {
  it('the new daemon\'s allocator starts the ephemeral range afresh: a restored -p 80 container gets 32768 again', async () => {
    const out = await runScript([
      'sudo docker run -d --restart always -p 80 --name web busybox sleep 1000 >/dev/null 2>&1',
      'sudo docker port web 80',
      'sudo systemctl restart docker',
      'sudo docker port web 80',
      'sudo docker run -d -p 80 --name other busybox sleep 1000 >/dev/null',
      'sudo docker port other 80',
    ]);
    const ports = out.split('\n').filter((l) => /^(0\.0\.0\.0|\[::\]):\d+$/.test(l));
    expect(ports).toEqual(['0.0.0.0:32768', '[::]:32768', '0.0.0.0:32768', '[::]:32768', '0.0.0.0:32769', '[::]:32769']);
  });
});
