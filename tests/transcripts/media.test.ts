/**
 * Photos and videos end to end (issue 3, security notes R11-R13), on the real runtime, a
 * file-backed SQLite store and the outbox: a tipster sends a photo that carries GPS EXIF (and XMP,
 * IPTC, a comment, a serial number) and a video during the intake, then submits.
 *
 * - The card in the verifier chat carries the photo re-encoded: exifr finds no metadata in it and
 *   its bytes hold no trace of the location. The video is withheld, and the card says so.
 * - The database never holds the original: its raw file bytes (and the WAL's) contain no GPS.
 * - Outbox rows name held files by ref; the bytes are loaded when sending.
 * - Once confirmed, a responder group with `media: true` gets the cleaned photo with its alert; a
 *   group with `media: false` gets text only; the video goes to no responder group, ever.
 * - With `privacy.uncleanableMedia: verifiers`, the video reaches the verifier chat only, flagged.
 * - A decompression bomb or a broken file is refused with the usual answer, and nothing is stored.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import exifr from 'exifr';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Config } from '../../bot/config/index.js';
import { DEMO_CONFIG } from '../../bot/config/index.js';
import type { Attachment } from '../../bot/messages.js';
import type { NewOutboxRow } from '../../bot/runtime/store-port.js';
import { createLogger } from '../../app/logger.js';
import { cleanAttachment } from '../../bot/privacy/media.js';
import { createVault } from '../../bot/privacy/vault.js';
import { OutboxDispatcher } from '../../bot/runtime/dispatcher.js';
import { openDatabase, SqliteStore } from '../../store/sqlite-store.js';
import { Harness, TEST_SECRET } from '../support/harness.js';
import { fakeMp4, GPS, gpsJpeg, gpsNeedles, gpsTraces, metadataOf, pngBomb, truncatedPng } from '../support/images.js';
import { RecordingAdapter } from '../support/recording-adapter.js';

const TIPSTER = '+15550001111';
const RICH_ES = 'están arrestando a un señor en 1st y Soto 90033, ahora, 4 agentes con chalecos de ICE, 2 SUV negras';

/** The demo network; east has a second (English) group that does not take photos. */
function networkConfig(uncleanable: 'withhold' | 'verifiers' = 'withhold'): Config {
  const c = structuredClone(DEMO_CONFIG) as Config;
  c.chats.responders[0]!.media = true; // responders-east (es)
  c.chats.responders.push({
    platform: 'simulator',
    id: 'responders-east-text',
    zones: ['eastside'],
    language: 'en',
    fallback: false,
    precision: 'exact',
    media: false,
  });
  c.privacy.uncleanableMedia = uncleanable;
  return c;
}

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

/** Locale keys of what the tipster was sent by the last step. */
async function keysOf(step: () => Promise<void>): Promise<string[]> {
  const before = h!.sentTo(TIPSTER).length;
  await step();
  return h!
    .sentTo(TIPSTER)
    .slice(before)
    .flatMap((m) => m.keys ?? []);
}

async function say(who: string, content: { text?: string; attachments?: Attachment[] }, chat?: string): Promise<void> {
  h!.now += 20_000;
  await h!.send(who, content, chat ? { chat, group: true } : {});
}

/** Raw bytes of the database file and its WAL, as they are on disk right now. */
function dbBytes(dbPath: string): Buffer {
  return Buffer.concat([dbPath, `${dbPath}-wal`].filter(existsSync).map((p) => readFileSync(p)));
}

function hits(haystack: Buffer): string[] {
  return gpsNeedles()
    .filter((n) => haystack.includes(n))
    .map((n) => n.toString('latin1'));
}

/** A tipster's rich first message, a photo with GPS, a video, then YES. Returns the report number. */
async function tipWithMedia(photoBytes: Uint8Array): Promise<number> {
  await say(TIPSTER, { text: RICH_ES });
  await say(TIPSTER, { attachments: [{ kind: 'image', mime: 'image/jpeg', name: 'IMG_20261121_090012.jpg', data: photoBytes }] });
  expect(h!.lastTo(TIPSTER)!.text).toContain('Fotos/video: 1 archivo'); // the review, again
  await say(TIPSTER, { attachments: [{ kind: 'video', mime: 'video/mp4', name: 'VID_20261121_090030.mp4', data: fakeMp4() }] });
  expect(h!.lastTo(TIPSTER)!.text).toContain('Fotos/video: 2 archivos');
  await say(TIPSTER, { text: 'sí' });
  const report = h!.reports().at(-1)!;
  expect(report.status).toBe('new');
  return report.number;
}

describe('photos and videos', () => {
  it('a photo with GPS EXIF reaches verifiers and media groups cleaned; the video is withheld; the database never holds the original', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'centinela-media-')), 'c.db');
    h = await new Harness({ config: networkConfig(), dbPath }).start();
    const enqueued: NewOutboxRow[] = [];
    const enqueue = h.bot.store.enqueue.bind(h.bot.store);
    vi.spyOn(h.bot.store, 'enqueue').mockImplementation((row, now) => {
      enqueued.push(row);
      return enqueue(row, now);
    });

    const original = await gpsJpeg(1600, 1200);
    expect((await exifr.gps(Buffer.from(original)))?.latitude).toBeCloseTo(GPS.lat, 5); // the fixture really has it
    const n = await tipWithMedia(original);

    // The card: one attachment, the photo, clean; a line says the video was withheld.
    const card = h.lastTo('verifiers')!;
    expect(card.text).toContain(`#${n}`);
    expect(card.text).toContain('Fotos/video: 2 archivos');
    expect(card.text).toContain('🎥 1 video retenido (no se pueden quitar los datos de ubicación)');
    expect(card.attachments).toHaveLength(1);
    const sentPhoto = card.attachments![0]!;
    expect(sentPhoto).toMatchObject({ kind: 'image', mime: 'image/jpeg' });
    expect(await metadataOf(sentPhoto.data!)).toBeUndefined(); // exifr finds nothing at all
    expect(await exifr.gps(Buffer.from(sentPhoto.data!))).toBeUndefined();
    expect(gpsTraces(sentPhoto.data!)).toEqual([]); // not the GPS text, not the EXIF rationals
    expect(Buffer.from(sentPhoto.data!).equals(Buffer.from(original))).toBe(false);

    // The outbox row names the photo; it does not embed it.
    const cardRow = enqueued.find((r) => r.dedupeKey?.startsWith(`card:${n}:`))!;
    const payload = JSON.parse(cardRow.payload) as { mediaRefs?: string[]; uncleanedRefs?: string[] };
    expect(payload.mediaRefs).toHaveLength(1);
    expect(payload.uncleanedRefs).toBeUndefined();
    expect(cardRow.payload.length).toBeLessThan(3000);

    // The database: the photo as re-encoded, the video as a note without its bytes.
    const rows = h.bot.store.db
      .prepare('SELECT ref, kind, mime, cleaned, bytes, report_number AS report FROM media ORDER BY ref')
      .all() as {
      ref: string;
      kind: string;
      mime: string;
      cleaned: number;
      bytes: Buffer;
      report: number;
    }[];
    expect(rows.map((r) => [r.kind, r.mime, r.cleaned, r.report])).toEqual([
      ['image', 'image/jpeg', 1, n],
      ['video', 'video/mp4', 0, n],
    ]);
    expect(rows[0]!.ref).toBe(payload.mediaRefs![0]);
    expect(rows[0]!.bytes.equals(Buffer.from(sentPhoto.data!))).toBe(true);
    expect(rows[1]!.bytes.byteLength).toBe(0);
    // The raw database file and its WAL: no trace of the location (or the video's location atom).
    expect(dbBytes(dbPath).byteLength).toBeGreaterThan(original.byteLength / 4);
    expect(hits(dbBytes(dbPath))).toEqual([]);
    expect(dbBytes(dbPath).includes(Buffer.from('\u00a9xyz', 'latin1'))).toBe(false);

    // Confirmed: the photo group gets the cleaned photo with the alert, the other group text only.
    await say('verifier-1', { text: `/confirmar ${n}` }, 'verifiers');
    const withPhoto = h.sentTo('responders-east');
    const textOnly = h.sentTo('responders-east-text');
    expect(withPhoto).toHaveLength(1);
    expect(withPhoto[0]!.text).toContain('ALERTA VERIFICADA');
    expect(withPhoto[0]!.attachments).toHaveLength(1);
    expect(Buffer.from(withPhoto[0]!.attachments![0]!.data!).equals(Buffer.from(sentPhoto.data!))).toBe(true);
    expect(textOnly).toHaveLength(1);
    expect(textOnly[0]!.text).toContain('VERIFIED ALERT');
    expect(textOnly[0]!.attachments ?? []).toEqual([]);

    // Nothing the bot sent anywhere carries the location, or a video.
    const everything = h.adapter.sent.flatMap((m) => m.attachments ?? []);
    expect(everything.map((a) => a.mime)).toEqual(['image/jpeg', 'image/jpeg']);
    for (const a of everything) expect(gpsTraces(a.data!)).toEqual([]);

    await h.stop();
    h = undefined;
    expect(hits(dbBytes(dbPath))).toEqual([]); // after the final checkpoint too
  });

  it('with uncleanableMedia: verifiers, the video reaches the verifier chat only, flagged; responders never get it', async () => {
    h = await new Harness({ config: networkConfig('verifiers') }).start();
    const n = await tipWithMedia(await gpsJpeg());
    const card = h.lastTo('verifiers')!;
    expect(card.attachments?.map((a) => a.mime)).toEqual(['image/jpeg', 'video/mp4']);
    expect(card.text).toContain('⚠️ 1 video adjunto tal como llegó');
    expect(card.text).not.toContain('retenido');
    expect(Buffer.from(card.attachments![1]!.data!).equals(Buffer.from(fakeMp4()))).toBe(true);
    expect(gpsTraces(card.attachments![0]!.data!)).toEqual([]);

    await say('verifier-1', { text: `/confirmar ${n}` }, 'verifiers');
    expect(h.sentTo('responders-east')[0]!.attachments?.map((a) => a.mime)).toEqual(['image/jpeg']);
    expect(h.sentTo('responders-east-text')[0]!.attachments ?? []).toEqual([]);
  });

  it('a decompression bomb and a broken photo are refused with the usual answers; nothing is stored', async () => {
    h = await new Harness({ config: networkConfig() }).start();
    await say(TIPSTER, { text: RICH_ES });
    const started = performance.now();
    expect(await keysOf(() => say(TIPSTER, { attachments: [{ kind: 'image', mime: 'image/png', data: pngBomb(30_000) }] }))).toContain(
      'intake.media.too_large',
    );
    expect(performance.now() - started).toBeLessThan(2000);
    const broken = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 9, 9, 9]);
    expect(await keysOf(() => say(TIPSTER, { attachments: [{ kind: 'image', mime: 'image/jpeg', data: broken }] }))).toContain(
      'intake.media.unsupported',
    );
    expect(h.bot.store.db.prepare('SELECT COUNT(*) FROM media').pluck().get()).toBe(0);
    await say(TIPSTER, { text: 'sí' });
    const card = h.lastTo('verifiers')!;
    expect(card.text).toContain('Fotos/video: —');
    expect(card.attachments).toBeUndefined();
  });

  it('the dispatcher attaches only cleaned photos from mediaRefs, whatever a row names', async () => {
    const store = new SqliteStore(openDatabase(':memory:'));
    const vault = createVault(TEST_SECRET);
    const original = await gpsJpeg();
    const cleaned = (await cleanAttachment({ kind: 'image', mime: 'image/jpeg', data: original })).data!;
    const hold = (ref: string, kind: 'image' | 'video', bytes: Uint8Array, isClean: boolean) =>
      store.holdMedia({ ref, tipster: 't', kind, mime: kind === 'image' ? 'image/jpeg' : 'video/mp4', bytes, cleaned: isClean }, 0);
    hold('clean', 'image', cleaned, true);
    hold('raw', 'image', original, false); // e.g. a row written before cleaning existed
    hold('video', 'video', fakeMp4(), false);
    hold('withheld', 'video', new Uint8Array(0), false);
    const adapter = new RecordingAdapter('simulator');
    await adapter.start(async () => {});
    const dispatcher = new OutboxDispatcher({
      store,
      vault,
      adapters: new Map([['simulator', adapter]]),
      clock: () => 0,
      settings: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 10 },
      logger: createLogger('silent'),
    });
    const row = (id: string, payload: object) =>
      store.enqueue(
        {
          platform: 'simulator',
          address: vault.seal(JSON.stringify({ id, kind: 'group' })),
          chatKey: id,
          payload: JSON.stringify({ text: id, ...payload }),
        },
        0,
      );
    row('responders', { mediaRefs: ['clean', 'raw', 'video', 'withheld', 'deleted'] });
    row('verifiers', { mediaRefs: ['clean'], uncleanedRefs: ['video', 'withheld', 'deleted'] });
    await dispatcher.drain();
    const sent = (id: string) => adapter.sent.find((m) => m.chat.id === id)!.attachments!.map((a) => Buffer.from(a.data!));
    expect(sent('responders')).toEqual([Buffer.from(cleaned)]);
    expect(sent('verifiers')).toEqual([Buffer.from(cleaned), Buffer.from(fakeMp4())]);
    store.close();
  });

  it('an answer to /ask with a photo is relayed to the verifiers cleaned', async () => {
    h = await new Harness({ config: networkConfig() }).start();
    await say(TIPSTER, { text: RICH_ES });
    await say(TIPSTER, { text: 'sí' });
    const n = h.reports().at(-1)!.number;
    await say('verifier-1', { text: `/preguntar ${n} ¿puedes mandar una foto?` }, 'verifiers');
    await say(TIPSTER, { attachments: [{ kind: 'image', mime: 'image/jpeg', data: await gpsJpeg() }] });
    const relay = h.lastTo('verifiers')!;
    expect(relay.text).toContain(`#${n}`);
    expect(relay.attachments).toHaveLength(1);
    expect(await metadataOf(relay.attachments![0]!.data!)).toBeUndefined();
    expect(gpsTraces(relay.attachments![0]!.data!)).toEqual([]);
  });

  it('a first message that is only a photo we could not use is told so, with the usual opening (es, en)', async () => {
    h = await new Harness({ config: networkConfig() }).start();
    const files: [string, Attachment][] = [
      ['bomb', { kind: 'image', mime: 'image/png', data: pngBomb(30_000) }],
      ['truncated', { kind: 'image', mime: 'image/png', data: await truncatedPng() }],
      ['unknown', { kind: 'image', mime: 'image/jpeg', data: new Uint8Array(Buffer.from('not an image at all')) }],
    ];
    for (const [who, file] of files) {
      await say(who, { attachments: [file] });
      const keys = h.sentTo(who).flatMap((m) => m.keys ?? []);
      expect(keys[0], who).toMatch(/^intake\.media\.(unsupported|too_large)$/);
      expect(keys, who).toContain('language.menu'); // no words to tell the language by: the menu
    }
    // Chosen a language, the conversation goes on as for anyone else.
    await say('truncated', { text: '1' });
    expect(h.lastTo('truncated')?.keys).toEqual(['intake.urgent.ask']);
    // With words, the language is known and the note comes in it, before the safety notice.
    await say('truncated-en', { text: 'ICE agents at 1st and Soto', attachments: [files[1]![1]] });
    expect(
      h
        .sentTo('truncated-en')
        .flatMap((m) => m.keys ?? [])
        .slice(0, 2),
    ).toEqual(['intake.media.unsupported', 'intake.safety']);
    expect(h.sentTo('truncated-en')[0]!.text).toMatch(/could not use that photo/);
    expect(h.bot.store.db.prepare('SELECT COUNT(*) FROM media').pluck().get()).toBe(0);
    await expect(h.transcript()).toMatchFileSnapshot('__golden__/unusable-first-photo.txt');
  });
});
