/**
 * Messages with photos are recorded before their photos are cleaned, and cleaned in the
 * background: a redelivery during the cleaning is a duplicate (nothing decoded twice), other
 * tipsters are answered meanwhile, the same tipster's later messages keep their order, and a
 * crash mid-cleaning loses the photo but never the text.
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

async function harness(dbPath?: string): Promise<Harness> {
  const h = await new Harness(dbPath ? { dbPath } : {}).start();
  open.push(h);
  return h;
}

/** Takes the decoder's only slot until the returned function is called: photos wait in the queue. */
function holdDecoder(h: Harness): () => void {
  let release = () => {};
  void h.bot.runtime.decoder.run(() => new Promise<void>((resolve) => (release = resolve)));
  return () => release();
}

function message(h: Harness, sender: string, id: string, content: Partial<InboundMessage>): InboundMessage {
  return {
    platform: 'simulator',
    chat: { id: sender, kind: 'direct' },
    sender,
    messageId: id,
    timestamp: h.now,
    attachments: [],
    ...content,
  };
}

const texts = (h: Harness, chat: string) => h.sentTo(chat).map((m) => m.text);
const pendingRows = (h: Harness) => h.bot.store.db.prepare('SELECT message FROM pending_inbound').pluck().all() as string[];

describe('photos cleaned in the background', () => {
  it('a redelivery while the photo is being cleaned is a duplicate; others are answered meanwhile; order is kept', async () => {
    const h = await harness();
    await h.send('ana', { text: 'hola, vi agentes de ICE en 1st y Soto' });
    h.now += 20_000;
    const release = holdDecoder(h);

    const withPhoto = message(h, 'ana', 'ana-photo', { attachments: [photo()] });
    expect(await h.bot.runtime.receive(withPhoto)).toBe('queued');
    expect(await h.bot.runtime.receive(withPhoto)).toBe('duplicate');
    expect(pendingRows(h)).toHaveLength(1);
    expect(pendingRows(h)[0]).not.toContain('ana'); // sealed
    h.now += 20_000;
    expect(await h.bot.runtime.receive(message(h, 'ana', 'ana-2', { text: '2' }))).toBe('queued'); // waits for her photo

    // Someone else is answered while Ana's photo waits.
    expect(await h.bot.runtime.receive(message(h, 'beto', 'beto-1', { text: 'hola, hay agentes de ICE en la escuela' }))).toBe('handled');
    await h.bot.dispatcher.drain();
    expect(texts(h, 'beto').length).toBeGreaterThan(0);
    const anaBefore = texts(h, 'ana').length;

    release();
    await h.flush();
    const ana = texts(h, 'ana').slice(anaBefore);
    expect(ana[0]).toContain('Recibido (1 en total)'); // the photo first...
    expect(ana.at(-1)).not.toContain('¿Están deteniendo a alguien'); // ...then "2" answered the question after it
    expect(h.bot.runtime.decoder.counters.decodes).toBe(2); // the held slot and Ana's one photo
    expect(h.bot.runtime.counters.duplicates).toBe(1);
    expect(pendingRows(h)).toEqual([]);
    expect(h.bot.store.db.prepare('SELECT COUNT(*) FROM media').pluck().get()).toBe(1);
  });

  it('a crash while a photo is being cleaned: at the next start the text is handled and the tipster told the photo could not be used', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'centinela-pending-')), 'c.db');
    const before = await harness(dbPath);
    await before.send('ana', { text: 'hola, vi agentes de ICE en 1st y Soto' });
    before.now += 20_000;
    holdDecoder(before); // never released: the process "dies" with the photo in the queue
    const crashed = message(before, 'ana', 'ana-photo', { text: 'no, nadie detenido', attachments: [photo()] });
    expect(await before.bot.runtime.receive(crashed)).toBe('queued');
    expect(pendingRows(before)).toHaveLength(1);
    expect(pendingRows(before)[0]).not.toContain('nadie detenido'); // sealed; never the photo's bytes
    before.bot.store.close();
    open = [];

    const after = await harness(dbPath);
    after.now = before.now + 60_000;
    const told = texts(after, 'ana').length;
    expect(after.bot.runtime.recoverPending()).toBe(1);
    await after.flush();
    const replies = texts(after, 'ana').slice(told);
    expect(replies[0]).toContain('No pudimos usar esa foto');
    expect(replies.join('\n')).not.toContain('¿Están deteniendo a alguien'); // "no" answered the question
    expect(pendingRows(after)).toEqual([]);
    expect(after.bot.runtime.decoder.counters.decodes).toBe(0);
    expect(await after.bot.runtime.receive(crashed)).toBe('duplicate'); // the platform redelivers it: still handled once
  });
});
