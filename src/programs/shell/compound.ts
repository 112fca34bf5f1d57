/** Compound commands: `if`, loops, `case`, groups and subshells, `[[ ]]` and `(( ))`. */
import type { Command, ListNode, SimpleNode } from './ast.js';
import { runCond } from './builtins/test.js';
import { BreakSignal } from './errors.js';
import { expandPattern, expandString, expandWords } from './expand.js';
import { waitForeground } from './jobctl.js';
import { matchPattern } from './pattern.js';
import type { ShellContext } from './context.js';

export async function runCompound(sh: ShellContext, cmd: Exclude<Command, SimpleNode>, forked: boolean): Promise<number> {
  sh.lineno = cmd.line;
  switch (cmd.t) {
    case 'group':
      return sh.runList(cmd.body);
    case 'subshell': {
      if (forked) return sh.runList(cmd.body);
      const pid = await sh.forkChild((sh) => sh.runList(cmd.body), sh.childFds());
      return (await waitForeground(sh, [pid], 0, ['']))[0];
    }
    case 'if':
      for (const c of cmd.clauses) {
        if ((await runCondition(sh, c.cond)) === 0) return sh.runList(c.body);
      }
      return cmd.otherwise ? sh.runList(cmd.otherwise) : 0;
    case 'while':
      return runLoop(sh, async () => ((await runCondition(sh, cmd.cond)) === 0) !== cmd.until, cmd.body);
    case 'for': {
      const items = cmd.items ? await expandWords(sh, cmd.items) : [...sh.args];
      let i = 0;
      return runLoop(sh, async () => {
        if (i >= items.length) return false;
        sh.setVar(cmd.name, items[i++]);
        return true;
      }, cmd.body);
    }
    case 'cfor': {
      await sh.arith(cmd.init);
      let first = true;
      return runLoop(sh, async () => {
        if (!first) await sh.arith(cmd.step);
        first = false;
        return cmd.cond.raw.trim() === '' || (await sh.arith(cmd.cond)) !== 0n;
      }, cmd.body);
    }
    case 'case': {
      const word = await expandString(sh, cmd.word);
      let status = 0;
      let fall = false;
      for (const arm of cmd.arms) {
        let hit = fall;
        if (!hit) {
          for (const p of arm.patterns) {
            if (matchPattern(await expandPattern(sh, p), word)) {
              hit = true;
              break;
            }
          }
        }
        if (!hit) continue;
        status = await sh.runList(arm.body);
        if (arm.fall === ';;') return status;
        fall = arm.fall === ';&';
      }
      return status;
    }
    case 'cond':
      await sh.tick();
      return runCond(sh, cmd.words);
    case 'arithcmd':
      await sh.tick();
      try {
        return (await sh.arith(cmd.expr)) !== 0n ? 0 : 1;
      } catch (e) {
        return sh.arithFailed(e);
      }
  }
  return 0;
}

async function runCondition(sh: ShellContext, list: ListNode): Promise<number> {
  sh.noErrexit++;
  try {
    return await sh.runList(list);
  } finally {
    sh.noErrexit--;
  }
}

async function runLoop(sh: ShellContext, next: () => Promise<boolean>, body: ListNode): Promise<number> {
  let status = 0;
  sh.loopDepth++;
  try {
    for (;;) {
      if (sh.needsYield()) await sh.slowTick();
      if (!(await next())) break;
      try {
        status = await sh.runList(body);
      } catch (e) {
        if (!(e instanceof BreakSignal)) throw e;
        if (e.levels > 1) {
          e.levels--;
          throw e;
        }
        status = 0;
        if (!e.isContinue) break;
      }
    }
  } finally {
    sh.loopDepth--;
  }
  return status;
}
