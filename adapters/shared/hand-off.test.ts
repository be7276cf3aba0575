import { describe, expect, it } from 'vitest';
import type { Logger } from '../../bot/logger.js';
import type { InboundMessage } from '../../bot/messages.js';
import { HAND_OFF, handOff } from './hand-off.js';

const MSG: InboundMessage = {
  platform: 'signal',
  chat: { id: 'c', kind: 'direct' },
  sender: 's',
  messageId: 'm1',
  timestamp: 0,
  attachments: [],
  text: 'hola',
};

function recorder() {
  const lines: { level: string; obj: Record<string, unknown>; msg: string }[] = [];
  const at = (level: string) => (obj: Record<string, unknown>, msg: string) => void lines.push({ level, obj, msg });
  const log: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { log, lines };
}

describe('handOff: one retry policy for every platform', () => {
  it('retries a failing handler with growing pauses and succeeds without an error line', async () => {
    const { log, lines } = recorder();
    const waits: number[] = [];
    let calls = 0;
    const result = await handOff(
      MSG,
      async () => {
        if (++calls < 3) throw new Error('SQLITE_BUSY');
      },
      { log, sleep: async (ms) => void waits.push(ms) },
    );
    expect(result).toBe('handled');
    expect(calls).toBe(3);
    expect(waits).toEqual([250, 500]);
    expect(lines.map((l) => l.level)).toEqual(['warn', 'warn']);
  });

  it(`drops the message after ${HAND_OFF.attempts} failures with one error line that names no content`, async () => {
    const { log, lines } = recorder();
    let calls = 0;
    const result = await handOff(
      MSG,
      async () => {
        calls++;
        throw new TypeError('boom');
      },
      { log, sleep: async () => undefined },
    );
    expect(result).toBe('dropped');
    expect(calls).toBe(HAND_OFF.attempts);
    expect(lines.at(-1)).toEqual({
      level: 'error',
      obj: { platform: 'signal', err: 'TypeError', attempts: 3 },
      msg: 'message could not be recorded; dropped',
    });
    expect(JSON.stringify(lines)).not.toContain('hola');
  });

  it('stops trying once the adapter stops, and leaves retries to a platform that redelivers', async () => {
    const { log } = recorder();
    let open = true;
    let calls = 0;
    const stopped = await handOff(
      MSG,
      async () => {
        calls++;
        open = false;
        throw new Error('x');
      },
      { log, accepting: () => open, sleep: async () => undefined },
    );
    expect([stopped, calls]).toEqual(['stopped', 1]);

    await expect(handOff(MSG, async () => Promise.reject(new Error('later')), { log, platformRedelivers: true })).rejects.toThrow('later');
  });
});
