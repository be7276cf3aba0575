/**
 * Group commit: messages that arrive together are stored in one transaction, and each is
 * answered only after that transaction has committed. What a tipster would notice must not
 * change: everyone is answered exactly once, a message the store could not take is not taken
 * (and is answered when the platform delivers it again), and nobody else's message is lost with it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../bot/messages.js';
import { createVault } from '../bot/privacy/vault.js';
import { Harness, TEST_SECRET } from './support/harness.js';

let open: Harness[] = [];
afterEach(async () => {
  for (const h of open) await h.stop().catch(() => undefined);
  open = [];
});

async function harness(): Promise<Harness> {
  const h = await new Harness().start();
  open.push(h);
  return h;
}

function message(h: Harness, sender: string, id: string, text: string): InboundMessage {
  return { platform: 'simulator', chat: { id: sender, kind: 'direct' }, sender, messageId: id, timestamp: h.now, text, attachments: [] };
}

const TIPSTERS = ['ana', 'beto', 'carla', 'dani', 'eli'];
const rows = (h: Harness, sql: string) => h.bot.store.db.prepare(sql).pluck().get() as number;

describe('messages that arrive together', () => {
  it('are stored in one commit, and each is answered once, only after that commit', async () => {
    const h = await harness();
    const commitsBefore = h.bot.runtime.group.counters.commits;
    const seenAtAnswer: { inTransaction: boolean; outbox: number }[] = [];
    const outcomes = await Promise.all(
      TIPSTERS.map((who) =>
        h.bot.runtime.receive(message(h, who, `${who}-1`, 'hola')).then((outcome) => {
          seenAtAnswer.push({ inTransaction: h.bot.store.db.inTransaction, outbox: rows(h, 'SELECT COUNT(*) FROM outbox') });
          return outcome;
        }),
      ),
    );
    expect(outcomes).toEqual(TIPSTERS.map(() => 'handled'));
    expect(h.bot.runtime.group.counters.commits - commitsBefore).toBe(1);
    // Every caller heard back after the commit, with every tipster's replies already stored.
    for (const s of seenAtAnswer) expect(s).toEqual({ inTransaction: false, outbox: seenAtAnswer[0]!.outbox });
    expect(seenAtAnswer[0]!.outbox).toBeGreaterThanOrEqual(TIPSTERS.length);

    await h.flush();
    for (const who of TIPSTERS)
      expect(
        h
          .sentTo(who)
          .map((m) => m.text)
          .join('\n'),
      ).toContain('¿Están deteniendo a alguien');
    const perTipster = TIPSTERS.map((who) => h.sentTo(who).length);
    expect(new Set(perTipster).size).toBe(1); // the same answer for each, nobody twice
  });

  it('the same message twice in one group (a redelivery landing with it) is answered once', async () => {
    const h = await harness();
    const msg = message(h, 'ana', 'ana-1', 'hola');
    const outcomes = await Promise.all([h.bot.runtime.receive(msg), h.bot.runtime.receive(msg)]);
    expect(outcomes).toEqual(['handled', 'duplicate']);
    await h.flush();
    const once = h.sentTo('ana').length;
    await h.deliver(msg);
    expect(h.sentTo('ana')).toHaveLength(once);
  });

  it('a message the store refuses is rolled back alone: the others are kept and answered; it is answered when delivered again', async () => {
    const h = await harness();
    const beto = createVault(TEST_SECRET).pseudonym('simulator', 'beto');
    // A real SQLite error in the middle of Beto's message (as a full disk would raise), after his
    // reply rows and before his session is written.
    h.bot.store.db.exec(`CREATE TEMP TRIGGER refuse_beto BEFORE INSERT ON sessions WHEN NEW.tipster = '${beto}'
      BEGIN SELECT RAISE(ABORT, 'refused'); END`);
    const results = await Promise.allSettled(TIPSTERS.map((who) => h.bot.runtime.receive(message(h, who, `${who}-1`, 'hola'))));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
    await h.flush();
    expect(h.sentTo('beto')).toHaveLength(0); // nothing of his message was kept, not even its replies
    for (const who of TIPSTERS.filter((w) => w !== 'beto')) expect(h.sentTo(who).length).toBeGreaterThan(0);
    expect(rows(h, 'SELECT COUNT(*) FROM sessions')).toBe(TIPSTERS.length - 1);

    // The platform delivers it again once the store takes writes: handled as new, answered once.
    h.bot.store.db.exec('DROP TRIGGER refuse_beto');
    expect(await h.bot.runtime.receive(message(h, 'beto', 'beto-1', 'hola'))).toBe('handled');
    await h.flush();
    expect(h.sentTo('beto').length).toBe(h.sentTo('ana').length);
  });

  it('keeps each tipster’s order: a photo that comes after a text waits for it', async () => {
    const h = await harness();
    const first = h.bot.runtime.receive(message(h, 'ana', 'ana-1', 'hola, hay agentes de ICE en 1st y Soto'));
    const { text: _t, ...rest } = message(h, 'ana', 'ana-2', '');
    const photoMsg: InboundMessage = {
      ...rest,
      attachments: [{ kind: 'image', mime: 'image/jpeg', name: 'x.jpg', data: new Uint8Array([0xff, 0xd8, 0xff]) }],
    };
    const second = h.bot.runtime.receive(photoMsg);
    expect(await first).toBe('handled');
    expect(await second).toBe('queued');
    await h.flush();
    const texts = h.sentTo('ana').map((m) => m.text);
    // Her text opened the conversation; the photo's answer came after it.
    const triage = texts.findIndex((t) => t.includes('¿Están deteniendo a alguien'));
    const photoAnswer = texts.findIndex((t) => t.includes('No pudimos usar esa foto'));
    expect(triage).toBeGreaterThanOrEqual(0);
    expect(photoAnswer).toBeGreaterThan(triage);
  });
});
