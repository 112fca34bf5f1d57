/**
 * Which builder `docker build` runs (docker/cli cmd/docker/builder.go processBuilder, 28.2.2), for a docker
 * with the buildx plugin installed as Docker's Ubuntu packages install it: `build` and `image build` become
 * `buildx build` unless DOCKER_BUILDKIT is false, which keeps the legacy builder with its deprecation notice.
 * `builder …` goes to the plugin too. DOCKER_BUILDKIT must parse as a boolean for every command, as in docker. Of the plugin only `buildx build`
 * (and its alias `b`) is simulated.
 */
import { FlagError, parseFlags, type ParsedFlags } from '../../../flags.js';
import { globalFlags } from '../../../globals.js';
import { leaf, type Dispatch } from '../../../dispatch.js';
import type { HelpOptions } from '../../../help.js';
import type { CommandNode } from '../../../spec.js';
import { goQuote, parseGoBool } from '../../../../pkg/strconv.js';
import { buildxBuildCommand } from '../build.js';

const BUILDKIT_DISABLED = `DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
            BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
            environment-variable.`;

const BUILDX_MISSING_WARNING = `DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
            Install the buildx component to build images with BuildKit:
            https://docs.docker.com/go/buildx/`;

const BUILDX_MISSING_ERROR = `ERROR: BuildKit is enabled but the buildx component is missing or broken.
       Install the buildx component to build images with BuildKit:
       https://docs.docker.com/go/buildx/`;

export type BuilderRoute =
  | { readonly kind: 'exit'; readonly stderr: string; readonly exit: number }
  | { readonly kind: 'go'; readonly argv: readonly string[]; readonly stderr: string; readonly forwarded?: boolean };

/** processBuilder: the argv to dispatch (maybe forwarded to `buildx build`) and what goes to stderr first. */
export function processBuilder(argv: readonly string[], env: (k: string) => string | undefined, configDir: string,
  buildxInstalled: () => boolean = () => true): BuilderRoute {
  let disabled = false;
  let enforced = false;
  const v = env('DOCKER_BUILDKIT') ?? '';
  if (v !== '') {
    const b = parseGoBool(v);
    if (b === null) {
      return { kind: 'exit', exit: 1, stderr: `DOCKER_BUILDKIT environment variable expects boolean value: strconv.ParseBool: parsing ${goQuote(v)}: invalid syntax\n` };
    }
    disabled = !b;
    enforced = b;
  }
  let rest: readonly string[];
  try {
    rest = parseFlags(globalFlags(configDir), argv, false).args;
  } catch (e) {
    if (e instanceof FlagError) return { kind: 'go', argv, stderr: '' };
    throw e;
  }
  const at = argv.length - rest.length;
  // forwardBuilder: `builder …` is the plugin's whole command group, `build` and `image build` its build
  const [words, to] = rest[0] === 'builder' ? [1, ['buildx']] : rest[0] === 'build' ? [1, ['buildx', 'build']]
    : rest[0] === 'image' && rest[1] === 'build' ? [2, ['buildx', 'build']] : [0, []];
  if (words === 0) return { kind: 'go', argv, stderr: '' };
  if (disabled) return { kind: 'go', argv, stderr: BUILDKIT_DISABLED + '\n\n' };
  // No buildx plugin: DOCKER_BUILDKIT=1 makes that an error, otherwise the legacy builder runs after a notice.
  if (!buildxInstalled()) {
    return enforced ? { kind: 'exit', exit: 1, stderr: BUILDX_MISSING_ERROR + '\n' } : { kind: 'go', argv, stderr: BUILDX_MISSING_WARNING + '\n\n' };
  }
  // forwarded: docker sets BUILDX_BUILDER for the plugin, which --builder's default then shows
  return { kind: 'go', argv: [...argv.slice(0, at), ...to, ...rest.slice(words)], stderr: '', forwarded: true };
}

/**
 * `docker buildx …` once global flags are parsed: `build`/`b` dispatched like any leaf command; the plugin's
 * other commands refused in one line. Null when the command is not `buildx`.
 */
export function dispatchBuildx(argv: readonly string[], opts: HelpOptions, forwarded = false): Dispatch | null {
  let globals: ParsedFlags;
  try {
    globals = parseFlags(globalFlags(opts.configDir), argv, false);
  } catch {
    return null;
  }
  const rest = globals.args;
  if (rest[0] !== 'buildx') return null;
  // Without the plugin `docker buildx` is an unknown command, as on a machine without docker-buildx-plugin
  // (asked once the command is known to be buildx: an ordinary command never reads the plugin directories).
  if (opts.plugins && !opts.plugins().some((p) => p.Name === 'buildx')) return null;
  const args = rest.slice(2);
  if (rest[1] !== 'build' && rest[1] !== 'b') {
    const what = rest[1] === undefined || rest[1].startsWith('-') ? 'docker buildx' : `docker buildx ${rest[1]}`;
    return { kind: 'output', stdout: '', exit: 1, stderr: `docker: '${what}' is a real docker command that dockersim does not simulate yet (of the buildx plugin only 'docker buildx build' is)\n` };
  }
  const spec = buildxBuildCommand(forwarded);
  const node: CommandNode = { path: ['buildx', 'build'], short: spec.short, spec, children: [], names: ['build', 'b'] };
  const d = leaf(node, args, globals, opts);
  // buildx prints the errors cobra's argument checks return as `ERROR: …` (its main), exit status 1.
  if (d.kind === 'output' && d.exit === 1 && d.stderr.startsWith("docker: '")) return { ...d, stderr: 'ERROR: ' + d.stderr };
  return d;
}
