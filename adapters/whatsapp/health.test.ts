/**
 * What the WhatsApp adapter reports about its own health: messages it could not decrypt (the
 * LID-migration "Bad MAC" / "No session record" problem), and a reconnect loop that stays bounded
 * when the connection opens and drops again at once.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { whatsappStatus } from '../../app/channel-status.js';
import { linkedAuth } from '../../tests/fakes/whatsapp/auth.js';
import { disconnects } from '../../tests/fakes/whatsapp/boom.js';
import { FakeWhatsApp } from '../../tests/fakes/whatsapp/fake-socket.js';
import { decryptionFailure, dmFrom, text, waMessage } from '../../tests/fakes/whatsapp/messages.js';
import { eventually } from '../../tests/support/eventually.js';
import { WhatsAppAdapter } from './adapter.js';
import { parseWhatsAppConfig } from './config.js';

const MIN = 60_000;

let adapter: WhatsAppAdapter | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await adapter?.stop();
  adapter = undefined;
});

async function started(clock: { value: number }) {
  const parsed = parseWhatsAppConfig({ pacing: { perChatPerMinute: 1000, overallPerMinute: 1000, minGapMs: 0, pauseOnLimitMs: 60_000 } });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const wa = new FakeWhatsApp();
  const warnings: Record<string, unknown>[] = [];
  const log = { debug() {}, info() {}, error() {}, warn: (o: Record<string, unknown>) => void warnings.push(o) };
  const received: string[] = [];
  adapter = new WhatsAppAdapter({
    config: parsed.config,
    socketFactory: wa.factory,
    downloadMedia: wa.download,
    auth: linkedAuth().auth,
    logger: log,
    now: () => clock.value,
    random: () => 0.5,
  });
  await adapter.start(async (m) => void received.push(m.text ?? ''));
  await eventually(() => expect(adapter!.health().state).toBe('up'));
  return { wa, warnings, received, adapter };
}

describe('WhatsApp health', () => {
  it('counts messages it could not decrypt; three in 15 minutes make the channel degraded, and it heals as they age', async () => {
    const clock = { value: Date.now() };
    const { wa, received, adapter } = await started(clock);
    expect(adapter.health().decryptFailures).toEqual({ total: 0, recent: 0 });
    expect(whatsappStatus(adapter.health())).toEqual({ platform: 'whatsapp', condition: 'up' });

    wa.current.deliver([decryptionFailure(dmFrom()), waMessage(dmFrom(), text('hola')), decryptionFailure(dmFrom())]);
    await eventually(() => expect(received).toEqual(['hola']));
    expect(adapter.health().decryptFailures).toEqual({ total: 2, recent: 2 });
    expect(whatsappStatus(adapter.health()).condition).toBe('up');

    clock.value += 5 * MIN;
    wa.current.deliver([decryptionFailure(dmFrom())]);
    await eventually(() => expect(adapter.health().decryptFailures).toEqual({ total: 3, recent: 3 }));
    expect(whatsappStatus(adapter.health())).toMatchObject({
      condition: 'degraded',
      problem: 'decrypt_failures',
      action: expect.stringContaining('whatsapp link'),
    });

    // Fifteen minutes after the first two, only the third is recent: up again.
    clock.value += 11 * MIN;
    expect(adapter.health().decryptFailures).toEqual({ total: 3, recent: 1 });
    expect(whatsappStatus(adapter.health()).condition).toBe('up');
  });

  it('a connection that opens and drops at once, again and again, backs off: at most 6 reconnects in a minute', async () => {
    const clock = { value: Date.now() };
    const { wa, warnings } = await started(clock);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const reconnectAt: number[] = [];
    const start = clock.value;
    for (let i = 0; i < 12; i++) {
      wa.current.close(disconnects.connectionLost());
      const delay = warnings.at(-1)!['delayMs'] as number;
      const before = wa.sockets.length;
      clock.value += delay;
      vi.advanceTimersByTime(delay);
      await vi.waitFor(() => expect(wa.sockets).toHaveLength(before + 1));
      reconnectAt.push(clock.value - start);
      // The new socket opens (next tick), and drops again at once.
      await vi.waitFor(() => expect(adapter!.health().state).toBe('up'));
    }
    expect(reconnectAt.filter((t) => t <= MIN).length).toBeLessThanOrEqual(6);
    expect(warnings.map((w) => w['delayMs'])).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 120_000, 120_000, 120_000, 120_000, 120_000,
    ]);
    expect(adapter!.health().reconnectAttempts).toBe(12);
  });
});
