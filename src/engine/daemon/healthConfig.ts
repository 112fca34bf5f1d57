/**
 * A container's or an image's health check as moby keeps it (docker-image-spec's HealthcheckConfig): the probe
 * (`["CMD", …]` exec form, `["CMD-SHELL", "…"]` through the shell, `["NONE"]` to disable the image's), durations
 * in nanoseconds and a retry count, every zero value meaning "the default" and left out of the JSON.
 */
import { invalidParameter } from '../../pkg/errdefs.js';
import { goDurationString } from '../../pkg/timetypes.js';
import { goQuote, goQuoteRune } from '../../pkg/strconv.js';

export interface HealthConfig {
  Test?: string[] | null;
  Interval?: number;
  Timeout?: number;
  StartPeriod?: number;
  StartInterval?: number;
  Retries?: number;
}

/** api/types/container.MinimumDuration. */
export const MINIMUM_DURATION_NS = 1_000_000;

/** The struct's JSON: its field order, zero values omitted (`json:",omitempty"`). */
export function healthConfigJSON(h: HealthConfig): HealthConfig {
  const out: HealthConfig = {};
  if (h.Test && h.Test.length > 0) out.Test = [...h.Test];
  if (h.Interval) out.Interval = h.Interval;
  if (h.Timeout) out.Timeout = h.Timeout;
  if (h.StartPeriod) out.StartPeriod = h.StartPeriod;
  if (h.StartInterval) out.StartInterval = h.StartInterval;
  if (h.Retries) out.Retries = h.Retries;
  return out;
}

/** Go's `%q` of a *HealthcheckConfig, what both builders write as the HEALTHCHECK step's CREATED BY. */
export function healthConfigQuoted(h: HealthConfig): string {
  const dur = (ns: number | undefined): string => goQuote(goDurationString(ns ?? 0));
  const test = `[${(h.Test ?? []).map(goQuote).join(' ')}]`;
  return `&{${test} ${dur(h.Interval)} ${dur(h.Timeout)} ${dur(h.StartPeriod)} ${dur(h.StartInterval)} ${goQuoteRune(String.fromCodePoint(h.Retries ?? 0))}}`;
}

/** validateHealthCheck (daemon/container.go), on the request as sent. */
export function validateHealthCheck(raw: unknown): void {
  if (raw === null || raw === undefined || typeof raw !== 'object') return;
  const h = raw as HealthConfig;
  // null is Go's zero as well: docker-py sends `"StartPeriod": null` for a field left out.
  const tooShort = (v: number | null | undefined): boolean => typeof v === 'number' && v !== 0 && v < MINIMUM_DURATION_NS;
  if (tooShort(h.Interval)) throw invalidParameter('Interval in Healthcheck cannot be less than 1ms');
  if (tooShort(h.Timeout)) throw invalidParameter('Timeout in Healthcheck cannot be less than 1ms');
  if ((h.Retries ?? 0) < 0) throw invalidParameter('Retries in Healthcheck cannot be negative');
  if (tooShort(h.StartPeriod)) throw invalidParameter('StartPeriod in Healthcheck cannot be less than 1ms');
  if (tooShort(h.StartInterval)) throw invalidParameter('StartInterval in Healthcheck cannot be less than 1ms');
}

/** The Healthcheck part of runconfig merge (daemon/commit.go merge): the image's fills what the user left zero. */
export function mergeHealthConfig(user: HealthConfig | undefined, image: HealthConfig | undefined): HealthConfig | undefined {
  if (!image) return user;
  if (!user) return { ...image, Test: image.Test ? [...image.Test] : image.Test };
  const out = { ...user };
  if (!out.Test || out.Test.length === 0) out.Test = image.Test ? [...image.Test] : image.Test;
  if (!out.Interval) out.Interval = image.Interval;
  if (!out.Timeout) out.Timeout = image.Timeout;
  if (!out.StartPeriod) out.StartPeriod = image.StartPeriod;
  if (!out.StartInterval) out.StartInterval = image.StartInterval;
  if (!out.Retries) out.Retries = image.Retries;
  return out;
}
