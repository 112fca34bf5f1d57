/** git config: get, set, unset and list, in ~/.gitconfig (--global) or the repository's .git/config. */
import { parseConfig, setConfig, splitKey } from './configfile.js';
import { GitFatal, home, Repo, readGlobalConfig, unmodelled, type Git } from './repo.js';

export async function config(git: Git, args: string[]): Promise<number> {
  const sys = git.sys;
  let scope: 'global' | 'local' | undefined;
  let action: 'get' | 'set' | 'unset' | 'list' | undefined;
  const rest: string[] = [];
  for (const a of args) {
    if (a === '--global') scope = 'global';
    else if (a === '--local') scope = 'local';
    else if (a === '--list' || a === '-l') action = 'list';
    else if (a === '--get') action = 'get';
    else if (a === '--unset') action = 'unset';
    else if (a.startsWith('-')) throw unmodelled('config', `option ${a}`);
    else rest.push(a);
  }
  action ??= rest.length >= 2 ? 'set' : rest.length === 1 ? 'get' : undefined;
  if (action === undefined) throw new GitFatal('usage: git config [<options>]', 129, '');
  const repo = Repo.find(sys);
  const localPath = repo ? `${repo.gitDir}/config` : undefined;
  const globalPath = `${home(sys)}/.gitconfig`;
  if (scope === 'local' && !repo) throw new GitFatal('--local can only be used inside a git repository');

  if (action === 'list') {
    const items = scope === 'global' ? readGlobalConfig(sys)
      : scope === 'local' ? parseConfig(sys.fs.readText(localPath!))
      : [...readGlobalConfig(sys), ...(localPath ? parseConfig(sys.fs.readText(localPath)) : [])];
    for (const item of items) await git.out.write(`${item.key}=${item.value}\n`);
    return 0;
  }
  const key = rest[0];
  const k = splitKey(key);
  if (!k) throw new GitFatal(key.includes('.') ? `key does not contain variable name: ${key}` : `key does not contain a section: ${key}`, 2, 'error: ');
  if (action === 'get') {
    if (rest.length > 1) throw unmodelled('config', 'a value pattern');
    const items = scope === 'global' ? readGlobalConfig(sys)
      : scope === 'local' ? parseConfig(sys.fs.readText(localPath!))
      : [...readGlobalConfig(sys), ...(localPath ? parseConfig(sys.fs.readText(localPath)) : [])];
    const want = key.toLowerCase();
    let v: string | undefined;
    for (const item of items) if (item.key.toLowerCase() === want) v = item.value;
    if (v === undefined) return 1;
    await git.out.write(`${v}\n`);
    return 0;
  }
  if (rest.length > 2) throw unmodelled('config', 'a value pattern');
  const path = scope === 'global' ? globalPath : localPath;
  if (!path) throw new GitFatal('not in a git directory');
  let text = '';
  try {
    text = sys.fs.readText(path);
  } catch {
    /* a missing file is an empty one */
  }
  const next = setConfig(text, key, action === 'set' ? rest[1] : undefined);
  if (action === 'unset' && next === text) return 5;
  sys.fs.writeFile(path, next);
  return 0;
}
