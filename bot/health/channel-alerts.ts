/**
 * When to tell the verifiers that a channel (one platform's connection) is sick, and when it is
 * well again. Pure: the caller samples every channel's status on a timer and applies the events
 * (app/channel-watch.ts writes them to the outbox for the verifier chats on the other platforms).
 *
 * A channel must stay unwell for `thresholdMs` before anyone is told (a reconnect of a few
 * seconds is not news), and each outage is told once, and its end once.
 *
 * @example
 * let s = emptyWatch();
 * ({ state: s } = watchChannels(s, [{ platform: 'signal', condition: 'down', problem: 'unreachable' }], t0, 300_000));
 * watchChannels(s, [{ platform: 'signal', condition: 'down', problem: 'unreachable' }], t0 + 300_000, 300_000).events;
 * // [{ type: 'channel_down', platform: 'signal', since: t0, ... }]
 */
import type { Platform } from '../messages.js';

/** `degraded`: messages still flow, but some are lost or held back (decrypt failures, a captcha on sends). */
export type ChannelCondition = 'up' | 'degraded' | 'down';

/** What is wrong with a channel, named so that the alert can say it and what an admin must do. */
export const CHANNEL_PROBLEMS = [
  'unreachable',
  'unregistered',
  'captcha',
  'rate_limited',
  'version_too_old',
  'misconfigured',
  'needs_link',
  'replaced',
  'restricted',
  'decrypt_failures',
  'reconnecting',
  'polling_failed',
  'webhook_failing',
  'starting',
] as const;
export type ChannelProblem = (typeof CHANNEL_PROBLEMS)[number];

/** One platform's health, in the same words for every platform. */
export interface ChannelStatus {
  platform: Platform;
  condition: ChannelCondition;
  problem?: ChannelProblem;
  /** What an admin must do, a fixed sentence (for /readyz and the log). */
  action?: string;
}

interface Outage {
  /** When the channel was first seen unwell. */
  since: number;
  condition: Exclude<ChannelCondition, 'up'>;
  problem: ChannelProblem | undefined;
  /** Whether the verifiers were told. */
  told: boolean;
}

/** What the watcher remembers between samples. */
export interface ChannelWatchState {
  outages: ReadonlyMap<Platform, Outage>;
}

export type ChannelAlertEvent =
  | {
      type: 'channel_down';
      platform: Platform;
      condition: Exclude<ChannelCondition, 'up'>;
      problem: ChannelProblem | undefined;
      since: number;
    }
  | { type: 'channel_recovered'; platform: Platform; since: number; downMs: number };

export function emptyWatch(): ChannelWatchState {
  return { outages: new Map() };
}

/**
 * One sample: the status of each channel at `now`. A channel absent from `statuses` keeps what
 * was known about it. Returns the new state and the events to apply.
 */
export function watchChannels(
  state: ChannelWatchState,
  statuses: readonly ChannelStatus[],
  now: number,
  thresholdMs: number,
): { state: ChannelWatchState; events: ChannelAlertEvent[] } {
  const outages = new Map(state.outages);
  const events: ChannelAlertEvent[] = [];
  for (const s of statuses) {
    const known = outages.get(s.platform);
    if (s.condition === 'up') {
      if (known?.told)
        events.push({ type: 'channel_recovered', platform: s.platform, since: known.since, downMs: Math.max(0, now - known.since) });
      outages.delete(s.platform);
      continue;
    }
    const outage: Outage = known
      ? { ...known, condition: s.condition, problem: s.problem ?? known.problem }
      : { since: now, condition: s.condition, problem: s.problem, told: false };
    if (!outage.told && now - outage.since >= thresholdMs) {
      outage.told = true;
      events.push({
        type: 'channel_down',
        platform: s.platform,
        condition: outage.condition,
        problem: outage.problem,
        since: outage.since,
      });
    }
    outages.set(s.platform, outage);
  }
  return { state: { outages }, events };
}
