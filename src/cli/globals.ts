/** The root command's own flags (docker/cli cli/flags/options.go InstallFlags), shown as `Global Options:`. */
import { flag, type FlagSpec } from './flags.js';
import { HELP_FLAG } from './spec.js';
import { goQuote } from '../pkg/strconv.js';

/** `configDir` is $DOCKER_CONFIG or ~/.docker: it appears in the defaults `--help` prints. */
export function globalFlags(configDir: string): FlagSpec[] {
  return [
    flag('config', '', 'string', 'Location of client config files', { def: goQuote(configDir), sim: true }),
    flag('context', 'c', 'string',
      'Name of the context to use to connect to the daemon (overrides DOCKER_HOST env var and default context set with "docker context use")'),
    flag('debug', 'D', '', 'Enable debug mode', { sim: true }),
    flag('host', 'H', 'list', 'Daemon socket to connect to', { sim: true }),
    flag('log-level', 'l', 'string', 'Set the logging level ("debug", "info", "warn", "error", "fatal")', {
      def: '"info"',
      sim: true,
    }),
    flag('tls', '', '', 'Use TLS; implied by --tlsverify'),
    flag('tlscacert', '', 'string', 'Trust certs signed only by this CA', { def: goQuote(configDir + '/ca.pem') }),
    flag('tlscert', '', 'string', 'Path to TLS certificate file', { def: goQuote(configDir + '/cert.pem') }),
    flag('tlskey', '', 'string', 'Path to TLS key file', { def: goQuote(configDir + '/key.pem') }),
    flag('tlsverify', '', '', 'Use TLS and verify the remote'),
    flag('version', 'v', '', 'Print version information and quit', { sim: true }),
    HELP_FLAG,
  ];
}

/** logrus.ParseLevel's accepted names; anything else stops docker with `Unable to parse logging level: X`. */
export const LOG_LEVELS = ['panic', 'fatal', 'error', 'warn', 'warning', 'info', 'debug', 'trace'];

export const CLIENT_VERSION = '28.2.2';
export const GIT_COMMIT = 'e6534b4';
