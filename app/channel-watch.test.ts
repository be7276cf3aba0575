import { describe, expect, it } from 'vitest';
import type { ChannelStatus } from '../bot/health/channel-alerts.js';
import { createI18n } from '../bot/i18n/i18n.js';
import { createRenderer } from '../bot/i18n/render.js';
import { intakeFlow } from '../bot/flows/intake.js';
import type { NewOutboxRow } from '../bot/outbox-row.js';
import { createVault } from '../bot/privacy/vault.js';
import { TEST_SECRET } from '../tests/support/harness.js';
import { ChannelWatch } from './channel-watch.js';

const MIN = 60_000;
const vault = createVault(TEST_SECRET);

function watch(statuses: { value: ChannelStatus[] }, clock: { value: number }) {
  const rows: NewOutboxRow[] = [];
  const keys = new Set<string>();
  let kicks = 0;
  const w = new ChannelWatch({
    statuses: () => statuses.value,
    clock: () => clock.value,
    config: {
      alerts: { channelDownMinutes: 2.5, outboxStuckMinutes: 15 },
      network: { name: 'Red', hotline: '+1 555 0100', timezone: 'America/Los_Angeles', languages: ['es', 'en'] },
      chats: {
        verifiers: [
          { platform: 'whatsapp', id: '120363041234567890@g.us' },
          { platform: 'telegram', id: '-1001111111111', language: 'en' },
          { platform: 'signal', id: 'c2lnbmFsLWdyb3Vw' },
        ],
        responders: [],
      },
    },
    renderer: createRenderer(createI18n(), intakeFlow, 'America/Los_Angeles'),
    vault,
    store: {
      transaction: (fn) => fn(),
      enqueue: (row) => {
        if (row.dedupeKey !== undefined && keys.has(row.dedupeKey)) return false;
        if (row.dedupeKey !== undefined) keys.add(row.dedupeKey);
        rows.push(row);
        return true;
      },
    },
    onOutbox: () => void kicks++,
    logger: { info() {}, warn() {} },
  });
  const texts = () => rows.map((r) => [r.platform, (JSON.parse(r.payload) as { text: string }).text] as const);
  return { w, rows, texts, kicks: () => kicks };
}

describe('ChannelWatch', () => {
  it('tells the verifier chats on the other platforms, each in its language, after channelDownMinutes (decimals allowed)', () => {
    const statuses = { value: [{ platform: 'whatsapp', condition: 'down', problem: 'needs_link' }] as ChannelStatus[] };
    const clock = { value: 0 };
    const { w, texts, kicks } = watch(statuses, clock);
    w.check();
    clock.value = 2.4 * MIN;
    expect(w.check()).toEqual([]);
    clock.value = 2.5 * MIN;
    expect(w.check()).toHaveLength(1);
    expect(texts()).toEqual([
      [
        'telegram',
        '⚠️ WhatsApp has had a problem for 3 min: the bot was logged out and must be linked again.\n' +
          'Tips sent on WhatsApp may not reach us, and alerts there may not go out. Use this chat meanwhile.\n' +
          'For whoever runs the bot: run centinela whatsapp link and scan the code with the phone.',
      ],
      [
        'signal',
        '⚠️ WhatsApp tiene un problema desde hace 3 min: se cerró la sesión del bot y hay que vincularlo de nuevo.\n' +
          'Puede que los reportes enviados por WhatsApp no nos lleguen y que las alertas por ahí no salgan. Mientras tanto, usen este chat.\n' +
          'Para quien administra el bot: corran centinela whatsapp link y escaneen el código con el teléfono.',
      ],
    ]);
    expect(kicks()).toBe(1);

    statuses.value = [{ platform: 'whatsapp', condition: 'up' }];
    clock.value = 12 * MIN;
    w.check();
    expect(texts().slice(2)).toEqual([
      ['telegram', '✅ WhatsApp works again (it had a problem for 12 min).'],
      ['signal', '✅ WhatsApp ya funciona de nuevo (tuvo un problema durante 12 min).'],
    ]);
  });

  it('each message has a dedupe key per outage and chat, and group addressing the dispatcher can open', () => {
    const statuses = { value: [{ platform: 'signal', condition: 'degraded', problem: 'captcha' }] as ChannelStatus[] };
    const clock = { value: 0 };
    const { w, rows } = watch(statuses, clock);
    w.check();
    clock.value = 3 * MIN;
    w.check();
    expect(rows.map((r) => r.dedupeKey)).toEqual([
      'channel:signal:0:down:whatsapp:120363041234567890@g.us',
      'channel:signal:0:down:telegram:-1001111111111',
    ]);
    expect(JSON.parse(vault.open(rows[1]!.address))).toEqual({ id: '-1001111111111', kind: 'group' });
    expect((JSON.parse(rows[0]!.payload) as { text: string }).text).toContain(
      'Signal funciona mal desde hace 3 min: Signal pide resolver un captcha',
    );
  });
});
