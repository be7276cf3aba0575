/**
 * A message the platform delivers again (after a crash, a lost acknowledgement, a replayed batch)
 * is never answered again. Direct messages the conversation takes are recognised from the
 * tipster's session row (the ids of their last messages) instead of an inbox row each; every
 * other way a message can come or go is checked here: a replayed batch, a text arriving again
 * while a photo is cleaned, a photo, a verifier's command, STOP, a conversation forgotten since,
 * and a restart.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../bot/messages.js';
import { Harness, photo } from './support/harness.js';

let open: Harness[] = [];
afterEach(async () => {
  for (const h of open) await h.stop().catch(() => undefined);
  open = [];
});

async function harness(dbPath?: string, start?: number): Promise<Harness> {
  const h = await new Harness({ ...(dbPath ? { dbPath } : {}), ...(start !== undefined ? { start } : {}) }).start();
  open.push(h);
  return h;
}

const HOUR = 3_600_000;
const SCRIPT = ['hola', 'no', 'están tocando puertas', '1st y Soto', 'hace 10 minutos', '4 agentes, 2 camionetas'];

/** A conversation of `SCRIPT`, a minute apart; returns the delivered messages. */
async function converse(h: Harness, who: string): Promise<InboundMessage[]> {
  const sent: InboundMessage[] = [];
  for (const text of SCRIPT) {
    sent.push(await h.send(who, { text }));
    h.now += 60_000;
  }
  return sent;
}

const inboxRows = (h: Harness) => h.bot.store.db.prepare('SELECT COUNT(*) FROM inbox').pluck().get() as number;
const sessions = (h: Harness) => h.bot.store.db.prepare('SELECT COUNT(*) FROM sessions').pluck().get() as number;

describe('redelivered messages', () => {
  it('a whole conversation delivered again is not answered again, and needs no inbox rows', async () => {
    const h = await harness();
    const sent = await converse(h, 'ana');
    const answered = h.sentTo('ana').length;
    expect(answered).toBeGreaterThanOrEqual(SCRIPT.length);
    expect(inboxRows(h)).toBe(0); // known from her session row

    for (const msg of sent) await h.deliver(msg);
    expect(h.sentTo('ana')).toHaveLength(answered);
    expect(h.bot.runtime.counters.duplicates).toBe(SCRIPT.length);
    // And her next answer is taken as usual.
    await h.send('ana', { text: 'chalecos de ICE' });
    expect(h.sentTo('ana').length).toBeGreaterThan(answered);
  });

  it('a text delivered again while her photo is being cleaned is not answered again', async () => {
    const h = await harness();
    const first = await h.send('ana', { text: 'hola, vi agentes de ICE en 1st y Soto' });
    h.now += 20_000;
    let release = () => {};
    void h.bot.runtime.decoder.run(() => new Promise<void>((resolve) => (release = resolve)));
    const { text: _text, ...rest } = first;
    const withPhoto: InboundMessage = { ...rest, messageId: 'ana-photo', attachments: [photo()] };
    expect(await h.bot.runtime.receive(withPhoto)).toBe('queued');
    expect(await h.bot.runtime.receive(first)).toBe('queued'); // waits behind the photo, in order
    release();
    await h.flush();
    const afterPhoto = h.sentTo('ana').length;
    expect(h.bot.runtime.counters.duplicates).toBe(1);

    expect(await h.bot.runtime.receive(withPhoto)).toBe('duplicate'); // the photo again
    expect(await h.bot.runtime.receive(first)).toBe('duplicate');
    await h.flush();
    expect(h.sentTo('ana')).toHaveLength(afterPhoto);
    expect(h.bot.runtime.decoder.counters.decodes).toBe(2); // the held slot and her one photo
  });

  it("a verifier's command in a direct chat is carried out once", async () => {
    const h = await harness();
    const status = await h.send('verifier-1', { text: '/status' });
    const replies = h.sentTo('verifier-1').length;
    expect(replies).toBe(1);
    await h.deliver(status);
    expect(h.sentTo('verifier-1')).toHaveLength(replies);
  });

  it('STOP delivered again after the erasure gets no second goodbye and starts nothing', async () => {
    const h = await harness();
    await converse(h, 'ana');
    const stop = await h.send('ana', { text: 'STOP' });
    const told = h.sentTo('ana').length;
    expect(sessions(h)).toBe(0);
    await h.deliver(stop);
    expect(h.sentTo('ana')).toHaveLength(told);
    expect(sessions(h)).toBe(0);
  });

  it('a message delivered again after its conversation was forgotten is still known', async () => {
    const h = await harness();
    const sent = await converse(h, 'ana');
    for (let i = 0; i < 30 && sessions(h) > 0; i++) await h.advance(HOUR);
    expect(sessions(h)).toBe(0);
    const told = h.sentTo('ana').length;

    await h.deliver(sent[0]!);
    await h.deliver(sent.at(-1)!);
    expect(h.sentTo('ana')).toHaveLength(told);
    expect(sessions(h)).toBe(0); // no new conversation started by the old "hola"
  });

  it('a restart keeps what was seen: the batch delivered again after it is not answered', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'centinela-redelivery-')), 'r.db');
    const before = await harness(dbPath);
    const sent = await converse(before, 'ana');
    await before.stop();
    open = [];

    const after = await harness(dbPath, before.now + 5_000);
    for (const msg of sent) await after.deliver(msg);
    expect(after.sentTo('ana')).toHaveLength(0);
    expect(after.bot.runtime.counters.duplicates).toBe(SCRIPT.length);
  });
});
