/**
 * The props of `<DockerSim>`, the npm package's React component (and the attributes of its `<docker-sim>`
 * element). Each one is something embed.html already does; what the package cannot honour is not offered.
 * Kept free of imports so the shipped declarations stand alone.
 */

export interface DockerSimProps {
  /**
   * Command lines typed at the prompt once the machine is up, in order, each once the shell waits for input
   * (a string is split at newlines). At most 20; control characters are dropped.
   */
  readonly commands?: string | readonly string[];
  /** Seeds the machine (container IDs, names, `$RANDOM`): the same seed and commands show the same output. Default 1. */
  readonly seed?: number;
  /**
   * `docker`: the learner `user` is in group `docker`, so `docker ps` works as written. `sudo`: not in the
   * group, as in the book (`sudo docker ps`). Default `docker`, or `sudo` with a `lesson`.
   */
  readonly user?: 'docker' | 'sudo';
  /** The language of the simulator's own text (buttons, the daemon view, the lesson). Default: the page's, else English. */
  readonly locale?: 'en' | 'zh';
  /** A lesson to open beside the terminal (`ch03-02-first-container`…); its start state, if any, is typed on the machine. */
  readonly lesson?: string;
  /** Shows the compact daemon view from the start (a button toggles it). Default false. */
  readonly panel?: boolean;
  /** The simulator's height: a number (pixels) or a CSS length. Default `360px`. */
  readonly height?: number | string;
  /**
   * A share link made in the app (`https://…/?session=…`, or just its `session` value): that session is
   * replayed and shown read-only (the machine runs on; keys do not reach it). `commands`, `seed` and `user`
   * are then the link's own and ignored.
   */
  readonly replay?: string;
  /** Extra class names for the outer box. */
  readonly className?: string;
}

/** The default height of one simulator. */
export const DEFAULT_HEIGHT = '360px';
