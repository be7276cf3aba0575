/**
 * A tipster's clock against ours. A platform timestamp is the sender's device clock (Signal,
 * WhatsApp) or a whole second (Telegram's `date`), while `askedAt` is our clock: compared as they
 * are, a phone 10 s slow makes every quick answer look "sent before the question" and it is
 * folded away unanswered. So each session keeps an estimate of the offset between the two clocks
 * and every sending time is moved onto ours before anything compares it.
 *
 * The estimate is the smallest `arrival - timestamp` seen so far: each observation is the true
 * offset plus that message's delivery delay (and, for whole-second timestamps, the lost
 * fraction), all of them >= 0, so the minimum approaches the true offset from above. An
 * overestimate only makes messages look later than they were (answered, never merged away), and
 * a bot that was slow to get to a message (a queue, a restart) does not move the estimate. A
 * phone whose clock was set back (its message looks sent well before the previous one) starts
 * a new estimate.
 */

/** A message that looks sent this much before the previous one means the phone's clock went back. */
export const CLOCK_BACK_MS = 2_000;

/**
 * The offset (ms to add to a platform timestamp to put it on our clock) after seeing a message
 * sent at `timestamp` and received at `arrival`. `previous` is the session's estimate so far and
 * `lastSentAt` when the previous message was sent, on our clock.
 */
export function nextClockOffset(previous: number | undefined, timestamp: number, arrival: number, lastSentAt?: number): number {
  const observed = arrival - timestamp;
  if (previous === undefined || !Number.isFinite(previous) || observed < previous) return observed;
  if (lastSentAt !== undefined && timestamp + previous < lastSentAt - CLOCK_BACK_MS) return observed;
  return previous;
}

/** A platform timestamp on our clock: never after the arrival. */
export function onOurClock(timestamp: number, offset: number, arrival: number): number {
  return Math.min(timestamp + offset, arrival);
}
