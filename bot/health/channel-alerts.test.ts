import { describe, expect, it } from 'vitest';
import { emptyWatch, watchChannels, type ChannelAlertEvent, type ChannelStatus, type ChannelWatchState } from './channel-alerts.js';

const MIN = 60_000;
const THRESHOLD = 5 * MIN;
const signalDown: ChannelStatus = { platform: 'signal', condition: 'down', problem: 'unreachable' };
const signalUp: ChannelStatus = { platform: 'signal', condition: 'up' };
const telegramUp: ChannelStatus = { platform: 'telegram', condition: 'up' };

/** Feeds samples (minute, statuses) and returns every event, with the minute it came at. */
function run(samples: [number, ChannelStatus[]][]): [number, ChannelAlertEvent][] {
  let state: ChannelWatchState = emptyWatch();
  const out: [number, ChannelAlertEvent][] = [];
  for (const [minute, statuses] of samples) {
    const step = watchChannels(state, statuses, minute * MIN, THRESHOLD);
    state = step.state;
    for (const e of step.events) out.push([minute, e]);
  }
  return out;
}

describe('channel-down alerts', () => {
  it('tell once when a channel has been down for the threshold, and once when it recovers', () => {
    const events = run([
      [0, [signalUp, telegramUp]],
      [1, [signalDown, telegramUp]],
      [3, [signalDown, telegramUp]],
      [5.9, [signalDown, telegramUp]],
      [6, [signalDown, telegramUp]],
      [7, [signalDown, telegramUp]],
      [40, [signalDown, telegramUp]],
      [41, [signalUp, telegramUp]],
      [42, [signalUp, telegramUp]],
    ]);
    expect(events).toEqual([
      [6, { type: 'channel_down', platform: 'signal', condition: 'down', problem: 'unreachable', since: 1 * MIN }],
      [41, { type: 'channel_recovered', platform: 'signal', since: 1 * MIN, downMs: 40 * MIN }],
    ]);
  });

  it('say nothing about an outage shorter than the threshold, even a repeated one', () => {
    const blips: [number, ChannelStatus[]][] = [];
    for (let m = 0; m < 60; m += 5) blips.push([m, [signalDown]], [m + 4, [signalDown]], [m + 4.5, [signalUp]]);
    expect(run(blips)).toEqual([]);
  });

  it('count degraded like down, and keep the first named problem when a later sample names none', () => {
    const degraded: ChannelStatus = { platform: 'whatsapp', condition: 'degraded', problem: 'decrypt_failures' };
    const events = run([
      [0, [degraded]],
      [2, [{ platform: 'whatsapp', condition: 'degraded' }]],
      [5, [{ platform: 'whatsapp', condition: 'degraded' }]],
    ]);
    expect(events).toEqual([
      [5, { type: 'channel_down', platform: 'whatsapp', condition: 'degraded', problem: 'decrypt_failures', since: 0 }],
    ]);
  });

  it('a channel left out of a sample keeps its outage (and its clock)', () => {
    const events = run([
      [0, [signalDown]],
      [3, [telegramUp]],
      [5, [signalDown, telegramUp]],
    ]);
    expect(events.map(([m, e]) => [m, e.type])).toEqual([[5, 'channel_down']]);
  });

  it('a second outage after a recovery is told again, with its own start', () => {
    const events = run([
      [0, [signalDown]],
      [5, [signalDown]],
      [6, [signalUp]],
      [10, [signalDown]],
      [16, [signalDown]],
    ]);
    expect(events.map(([m, e]) => [m, e.type, e.since / MIN])).toEqual([
      [5, 'channel_down', 0],
      [6, 'channel_recovered', 0],
      [16, 'channel_down', 10],
    ]);
  });
});
