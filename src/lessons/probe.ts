/**
 * The requests `http` checks want answered. A check is a pure read, but asking a port changes the machine (the
 * server accepts, answers and logs), so checks only read the last answer and say which request they want; the
 * owner (the runner in the app, the replay in CI) decides when to send:
 *
 * - only for the step whose other checks already hold (`pump(true)`), so a half-done step sends nothing;
 * - at most once per generation: the owner calls `changed()` when the machine changed in a way the answer may
 *   depend on (a daemon event, a command that ended), so re-evaluating the same state never floods the server;
 * - one request at a time per address, never while one is in flight;
 * - a request that got no answer (refused or reset: the server is still starting) may be sent again in the same
 *   generation, `RETRY_MS` of virtual time later and at most `RETRIES` times, so a page asked a moment too
 *   early is not failed for good, and a port nobody serves does not fill the journal.
 *
 * Sending goes through `send`: in the app the web preview's journaled request (`Session.request`), so a reload
 * replays it and the server logs the same line; headless, `startRequest` on the kernel, which is deterministic
 * under the seed. Both wait in virtual time and give up after the preview's 30 s, so a probe never hangs.
 */
import type { HttpOutcome, HttpRequest } from '../machine/preview.js';
import type { Probes } from './checks/types.js';

export type ProbeSend = (req: HttpRequest, done: (o: HttpOutcome) => void) => void;

/** Virtual time before a request that got no answer is sent again in the same generation. */
export const RETRY_MS = 1000;
export const RETRIES = 5;

interface Probe {
  outcome?: HttpOutcome;
  /** The generation the last request was sent in (-1: never), and the virtual time it was sent at. */
  sentIn: number;
  sentAt: number;
  /** Requests sent again in this generation. */
  retries: number;
  inFlight: boolean;
}

const keyOf = (r: HttpRequest): string => `${r.address}:${r.port} ${r.path}`;

export class Prober implements Probes {
  private readonly probes = new Map<string, Probe>();
  private wanted = new Map<string, HttpRequest>();
  private generation = 0;

  /**
   * `now` is the machine's virtual time; `answered` is called (from inside the simulation) when an answer came
   * in, with it: the owner evaluates again (and, for no answer, again after `RETRY_MS`).
   */
  constructor(
    private readonly send: ProbeSend,
    private readonly now: () => number,
    private readonly answered: (o: HttpOutcome) => void = () => {},
  ) {}

  answer(req: HttpRequest): HttpOutcome | undefined {
    const key = keyOf(req);
    this.wanted.set(key, req);
    const p = this.probes.get(key);
    // An answer from before the machine last changed is stale while a newer request is on its way.
    return p?.inFlight ? undefined : p?.outcome;
  }

  /** The machine changed: the next `pump` asks again. */
  changed(): void {
    this.generation++;
  }

  /** Forgets what checks wanted since the last pump (evaluations of other steps, or of a step not ready). */
  discard(): void {
    this.wanted.clear();
  }

  /** Sends what the last evaluation wanted if `ready` (the step's other checks hold), then forgets the wants. */
  pump(ready: boolean): void {
    const wanted = this.wanted;
    this.wanted = new Map();
    if (!ready) return;
    for (const [key, req] of wanted) {
      const p = this.probes.get(key) ?? { sentIn: -1, sentAt: 0, retries: 0, inFlight: false };
      if (p.inFlight) continue;
      if (p.sentIn === this.generation) {
        const retry = p.outcome !== undefined && !p.outcome.ok && this.now() - p.sentAt >= RETRY_MS && p.retries < RETRIES;
        if (!retry) continue;
        p.retries++;
      } else p.retries = 0;
      p.sentIn = this.generation;
      p.sentAt = this.now();
      p.inFlight = true;
      this.probes.set(key, p);
      this.send(req, (o) => {
        p.outcome = o;
        p.inFlight = false;
        this.answered(o);
      });
    }
  }

  /** Some request of the last pump got no answer (refused, timed out): worth asking again after `RETRY_MS`. */
  get unanswered(): boolean {
    for (const p of this.probes.values()) if (p.outcome && !p.outcome.ok) return true;
    return false;
  }

  /** A request is on its way. */
  get busy(): boolean {
    for (const p of this.probes.values()) if (p.inFlight) return true;
    return false;
  }
}
