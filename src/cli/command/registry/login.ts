import { command } from '../../spec.js';
import type { CommandCli } from '../../cli.js';
import { changed, flag, getBool, getString } from '../../flags.js';
import { ConfigFile, convertToHostname, INDEX_SERVER, type AuthConfig } from '../../config/configfile.js';

/** `docker login` as docker/cli 28.2.2 defines it (cli/command/registry/login.go); flag text recorded from `--help`. */
export const loginCommand = command({
  use: "login [OPTIONS] [SERVER]",
  short: "Authenticate to a registry",
  long: "Authenticate to a registry.\nDefaults to Docker Hub if no server is specified.",
  args: { max: 1 },
  flags: [
    flag("password", "p", "string", "Password or Personal Access Token (PAT)", { sim: true }),
    flag("password-stdin", "", "", "Take the Password or Personal Access Token (PAT) from stdin", { sim: true }),
    flag("username", "u", "string", "Username", { sim: true }),
  ],
  run: (cli, inv) => {
    const o: LoginOptions = {
      server: inv.args[0] ?? '', user: getString(inv.flags, 'username'), password: getString(inv.flags, 'password'),
      passwordStdin: getBool(inv.flags, 'password-stdin'),
    };
    // verifyLoginFlags
    if (changed(inv.flags, 'password-stdin')) {
      if (changed(inv.flags, 'password')) throw new Error('conflicting options: cannot specify both --password and --password-stdin');
      if (!changed(inv.flags, 'username')) throw new Error('the --password-stdin option requires --username to be set');
    }
    if (changed(inv.flags, 'username') && o.user === '') throw new Error('username is empty');
    if (changed(inv.flags, 'password') && o.password === '') throw new Error('password is empty');
    return runLogin(cli, o);
  },
});

export interface LoginOptions {
  server: string;
  user: string;
  password: string;
  passwordStdin: boolean;
}

const REGISTER_SUGGEST = "Log in with your Docker ID or email address to push and pull images from Docker Hub. If you don't have a Docker ID, head over to https://hub.docker.com/ to create one.";
const PAT_SUGGEST = 'You can log in with your password or a Personal Access Token (PAT). Using a limited-scope PAT grants better security and is required for organizations using SSO. Learn more at https://docs.docker.com/go/access-tokens/';

/** file_store.go's warning, printed once per run when a password (not a token) is stored. */
export function unencryptedWarning(filename: string): string {
  return `\nWARNING! Your credentials are stored unencrypted in '${filename}'.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n`;
}

async function readAll(cli: CommandCli): Promise<string> {
  let s = '';
  for (let c = await cli.in.read(); c !== null; c = await cli.in.read()) s += c;
  return s;
}

/** prompt.ReadInput: one line from stdin, trimmed; end of input is an empty answer. */
async function readLine(cli: CommandCli): Promise<string> {
  let line = '';
  for (;;) {
    const c = await cli.in.read();
    if (c === null) return line.trim();
    line += c;
    const nl = line.indexOf('\n');
    if (nl >= 0) return line.slice(0, nl).trim();
  }
}

/** tui.Output.PrintNote: ` Info -> ` (bold cyan `i Info → ` on a terminal), later lines indented under it. */
async function printNote(cli: CommandCli, text: string): Promise<void> {
  const tty = cli.err.isTerminal();
  const header = tty ? '\x1b[1m\x1b[106m\x1b[30mi\x1b[0m\x1b[0m \x1b[96mInfo → \x1b[0m\x1b[0m' : ' Info -> ';
  const lines = text.split('\n').map((l, i) => (i > 0 ? ' '.repeat(9) : '') + (tty ? `\x1b[3m${l}\x1b[0m` : l) + '\n');
  await cli.err.write(`\n${header}${lines.join('')}`);
}

export async function runLogin(cli: CommandCli, o: LoginOptions): Promise<void> {
  // verifyLoginOptions
  if (o.password !== '') await cli.err.write('WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n');
  if (o.passwordStdin) {
    if (o.user === '') throw new Error('username is empty');
    o.password = (await readAll(cli)).replace(/\n$/, '').replace(/\r$/, '');
  }
  const server = o.server !== '' && o.server !== 'docker.io' ? o.server : INDEX_SERVER;
  const isDefault = server === INDEX_SERVER;
  const cfg = ConfigFile.load(cli);
  // GetDefaultAuthConfig: stored credentials are used only when none were given.
  const key = isDefault ? server : convertToHostname(server);
  const stored: AuthConfig = o.user === '' && o.password === '' ? { ...cfg.get(key) } : {};
  stored.serveraddress = key;
  let msg = '';
  let done = false;
  if (stored.username && stored.password) {
    await cli.err.write(`Authenticating with existing credentials... [Username: ${stored.username}]\n`);
    await printNote(cli, "To login with a different account, run 'docker logout' followed by 'docker login'");
    await cli.err.write('\n\n');
    let res: { Status: string } = { Status: '' };
    let failed = false;
    try {
      res = await cli.client().registryLogin(authBody(stored));
    } catch (e) {
      failed = true;
      const unauthorized = (e as { status?: number }).status === 401;
      await cli.err.write(unauthorized ? 'Stored credentials invalid or expired\n' : `Login did not succeed, error: ${(e as Error).message}\n`);
    }
    await store(cli, cfg, stored);
    msg = res.Status;
    done = !failed;
  }
  if (!done) msg = await loginUser(cli, o, cfg, stored.username ?? '', key);
  if (msg !== '') await cli.out.write(`${msg}\n`);
}

function authBody(a: AuthConfig): Record<string, string> {
  const o: Record<string, string> = {};
  if (a.username) o.username = a.username;
  if (a.password) o.password = a.password;
  if (a.serveraddress) o.serveraddress = a.serveraddress;
  return o;
}

async function loginUser(cli: CommandCli, o: LoginOptions, cfg: ConfigFile, defaultUser: string, server: string): Promise<string> {
  if ((o.user === '' || o.password === '') && !cli.in.isTerminal()) {
    throw new Error('Error: Cannot perform an interactive login from a non TTY device');
  }
  if (server === INDEX_SERVER && o.user === '' && o.password === '' && !oauthDisabled(cli)) {
    // The device-code request goes to login.docker.com, which the simulated Internet does not serve: the CLI
    // falls back to the prompts, as it does whenever web-based login cannot start.
    await cli.err.write('Failed to start web-based login - falling back to command line login...\n\n');
  }
  let user = o.user.trim();
  if (user === '') {
    if (server === INDEX_SERVER) await cli.out.write(`${REGISTER_SUGGEST}\n${cli.env('DOCKER_CLI_HINTS') === 'false' ? '' : `${PAT_SUGGEST}\n\n`}`);
    await cli.out.write(defaultUser === '' ? 'Username: ' : `Username (${defaultUser}): `);
    user = (await readLine(cli)) || defaultUser;
    if (user === '') throw new Error('Error: Non-null Username Required');
  }
  let password = o.password.trim();
  if (password === '') {
    cli.in.setEcho?.(false);
    try {
      if (server === INDEX_SERVER) {
        const url = cli.err.isTerminal() ? '\x1b[4mhttps://app.docker.com/settings\x1b[0m' : 'https://app.docker.com/settings';
        await printNote(cli, `A Personal Access Token (PAT) can be used instead.\nTo create a PAT, visit ${url}\n\n`);
      }
      await cli.out.write('Password: ');
      password = await readLine(cli);
      await cli.out.write('\n');
    } finally {
      cli.in.setEcho?.(true);
    }
    if (password === '') throw new Error('Error: Password Required');
  }
  const auth: AuthConfig = { username: user, password, serveraddress: server };
  const res = await cli.client().registryLogin(authBody(auth));
  if (res.IdentityToken) {
    auth.password = '';
    auth.identitytoken = res.IdentityToken;
  }
  await store(cli, cfg, auth);
  return res.Status;
}

function oauthDisabled(cli: CommandCli): boolean {
  const v = cli.env('DOCKER_CLI_DISABLE_OAUTH_LOGIN');
  return v !== undefined && ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v);
}

/** fileStore.Store: unchanged credentials are not written again (and not warned about). */
async function store(cli: CommandCli, cfg: ConfigFile, a: AuthConfig): Promise<void> {
  const key = a.serveraddress ?? '';
  const old = cfg.auths.get(key);
  if (old && old.username === a.username && old.password === a.password && (old.identitytoken ?? '') === (a.identitytoken ?? '')) return;
  cfg.auths.set(key, { ...a });
  try {
    cfg.save(cli);
  } catch (e) {
    throw new Error(`Error saving credentials: ${(e as Error).message}`, { cause: e });
  }
  if (a.password) await cli.err.write(unencryptedWarning(cfg.filename));
}
