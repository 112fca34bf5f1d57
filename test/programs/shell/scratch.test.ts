import { it } from 'vitest';
import { runScript } from '../../helpers/machine.js';

it('scratch', async () => {
  const out = await runScript(['trap "echo got int" INT', 'kill -INT $$', 'echo after', "echo 'echo hi; foo; echo \"x' | bash", "printf 'echo a\\nif true\\nthen echo b\\nfi\\n' | bash", 'echo "read v; echo got \\$v" | bash', 'sh -c "echo \\$0 \\$1" zero one', 'bash -c "exit 7"; echo $?', 'echo $$ $PPID', 'sleep 100', '\x1c', 'echo $?', 'ls /nonexistent', '(cd /tmp; pwd); pwd', 'cd /tmp; cd -', 'cd', 'echo ~+', 'exec bash -c "echo replaced"'], { transcript: true });
  console.log(out);
});
