/** The listings of `docker --help` and the management commands' help (28.2.2): every real command,
 * including those dockersim does not simulate. */
export interface Listing {
  readonly name: string;
  readonly short: string;
}

export const COMMON_COMMANDS: readonly Listing[] = [
  { name: "run", short: "Create and run a new container from an image" },
  { name: "exec", short: "Execute a command in a running container" },
  { name: "ps", short: "List containers" },
  { name: "build", short: "Build an image from a Dockerfile" },
  { name: "pull", short: "Download an image from a registry" },
  { name: "push", short: "Upload an image to a registry" },
  { name: "images", short: "List images" },
  { name: "login", short: "Authenticate to a registry" },
  { name: "logout", short: "Log out from a registry" },
  { name: "search", short: "Search Docker Hub for images" },
  { name: "version", short: "Show the Docker version information" },
  { name: "info", short: "Display system-wide information" },
];

export const MANAGEMENT_COMMANDS: readonly Listing[] = [
  { name: "builder", short: "Manage builds" },
  { name: "checkpoint", short: "Manage checkpoints" },
  { name: "container", short: "Manage containers" },
  { name: "context", short: "Manage contexts" },
  { name: "image", short: "Manage images" },
  { name: "manifest", short: "Manage Docker image manifests and manifest lists" },
  { name: "network", short: "Manage networks" },
  { name: "plugin", short: "Manage plugins" },
  { name: "system", short: "Manage Docker" },
  { name: "trust", short: "Manage trust on Docker images" },
  { name: "volume", short: "Manage volumes" },
];

export const SWARM_COMMANDS: readonly Listing[] = [
  { name: "config", short: "Manage Swarm configs" },
  { name: "node", short: "Manage Swarm nodes" },
  { name: "secret", short: "Manage Swarm secrets" },
  { name: "service", short: "Manage Swarm services" },
  { name: "stack", short: "Manage Swarm stacks" },
  { name: "swarm", short: "Manage Swarm" },
];

export const OTHER_COMMANDS: readonly Listing[] = [
  { name: "attach", short: "Attach local standard input, output, and error streams to a running container" },
  { name: "commit", short: "Create a new image from a container's changes" },
  { name: "cp", short: "Copy files/folders between a container and the local filesystem" },
  { name: "create", short: "Create a new container" },
  { name: "diff", short: "Inspect changes to files or directories on a container's filesystem" },
  { name: "events", short: "Get real time events from the server" },
  { name: "export", short: "Export a container's filesystem as a tar archive" },
  { name: "history", short: "Show the history of an image" },
  { name: "import", short: "Import the contents from a tarball to create a filesystem image" },
  { name: "inspect", short: "Return low-level information on Docker objects" },
  { name: "kill", short: "Kill one or more running containers" },
  { name: "load", short: "Load an image from a tar archive or STDIN" },
  { name: "logs", short: "Fetch the logs of a container" },
  { name: "pause", short: "Pause all processes within one or more containers" },
  { name: "port", short: "List port mappings or a specific mapping for the container" },
  { name: "rename", short: "Rename a container" },
  { name: "restart", short: "Restart one or more containers" },
  { name: "rm", short: "Remove one or more containers" },
  { name: "rmi", short: "Remove one or more images" },
  { name: "save", short: "Save one or more images to a tar archive (streamed to STDOUT by default)" },
  { name: "start", short: "Start one or more stopped containers" },
  { name: "stats", short: "Display a live stream of container(s) resource usage statistics" },
  { name: "stop", short: "Stop one or more running containers" },
  { name: "tag", short: "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE" },
  { name: "top", short: "Display the running processes of a container" },
  { name: "unpause", short: "Unpause all processes within one or more containers" },
  { name: "update", short: "Update configuration of one or more containers" },
  { name: "wait", short: "Block until one or more containers stop, then print their exit codes" },
];

export const CONTAINER_SUBCOMMANDS: readonly Listing[] = [
  { name: "attach", short: "Attach local standard input, output, and error streams to a running container" },
  { name: "commit", short: "Create a new image from a container's changes" },
  { name: "cp", short: "Copy files/folders between a container and the local filesystem" },
  { name: "create", short: "Create a new container" },
  { name: "diff", short: "Inspect changes to files or directories on a container's filesystem" },
  { name: "exec", short: "Execute a command in a running container" },
  { name: "export", short: "Export a container's filesystem as a tar archive" },
  { name: "inspect", short: "Display detailed information on one or more containers" },
  { name: "kill", short: "Kill one or more running containers" },
  { name: "logs", short: "Fetch the logs of a container" },
  { name: "ls", short: "List containers" },
  { name: "pause", short: "Pause all processes within one or more containers" },
  { name: "port", short: "List port mappings or a specific mapping for the container" },
  { name: "prune", short: "Remove all stopped containers" },
  { name: "rename", short: "Rename a container" },
  { name: "restart", short: "Restart one or more containers" },
  { name: "rm", short: "Remove one or more containers" },
  { name: "run", short: "Create and run a new container from an image" },
  { name: "start", short: "Start one or more stopped containers" },
  { name: "stats", short: "Display a live stream of container(s) resource usage statistics" },
  { name: "stop", short: "Stop one or more running containers" },
  { name: "top", short: "Display the running processes of a container" },
  { name: "unpause", short: "Unpause all processes within one or more containers" },
  { name: "update", short: "Update configuration of one or more containers" },
  { name: "wait", short: "Block until one or more containers stop, then print their exit codes" },
];

export const IMAGE_SUBCOMMANDS: readonly Listing[] = [
  { name: "build", short: "Build an image from a Dockerfile" },
  { name: "history", short: "Show the history of an image" },
  { name: "import", short: "Import the contents from a tarball to create a filesystem image" },
  { name: "inspect", short: "Display detailed information on one or more images" },
  { name: "load", short: "Load an image from a tar archive or STDIN" },
  { name: "ls", short: "List images" },
  { name: "prune", short: "Remove unused images" },
  { name: "pull", short: "Download an image from a registry" },
  { name: "push", short: "Upload an image to a registry" },
  { name: "rm", short: "Remove one or more images" },
  { name: "save", short: "Save one or more images to a tar archive (streamed to STDOUT by default)" },
  { name: "tag", short: "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE" },
];

export const SYSTEM_SUBCOMMANDS: readonly Listing[] = [
  { name: "df", short: "Show docker disk usage" },
  { name: "events", short: "Get real time events from the server" },
  { name: "info", short: "Display system-wide information" },
  { name: "prune", short: "Remove unused data" },
];
