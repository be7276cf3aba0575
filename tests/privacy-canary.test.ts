/**
 * Issue 3 ("Tipster safety by design"), the canary test, end to end over Signal: the platform
 * that hands the bot all three identifiers of a tipster in every envelope: `sourceNumber` (the
 * phone number), `sourceUuid` (the platform id) and `sourceName` (the profile name).
 *
 * The real composition, built as `npm start` builds it (buildPlatforms + composeCentinela, a
 * FILE-backed SQLite database in a temp dir, the outbox, the verification desk), talks real HTTP
 * and a real WebSocket to the fake signal-cli-rest-api on 127.0.0.1. A tipster whose identity is
 * the canary sends a rich tip, a photo carrying GPS (EXIF GPS, XMP, IPTC, a comment, a camera
 * serial), submits, is asked a follow-up by an enrolled verifier, answers, and the report is
 * confirmed and alerted to a responder group that takes photos (`media: true`).
 *
 * The canary is only ever identity METADATA the platform gives the bot: the tipster never types
 * it (what a tipster types is their choice and is shown to verifiers by design).
 *
 * Then, both while the bot runs (WAL present) and after bot.stop(), everything the system wrote
 * or said is scanned for the canary in plain, lower/upper case, digits-only, hex (lower/upper),
 * base64 (standard and url-safe, at every byte alignment), URL-encoded (encodeURIComponent and
 * form `+`), plus the UUID without dashes and as its 16 raw bytes:
 * - the raw bytes of every file in the data dir (the database, `-wal`, `-shm`);
 * - every captured log line;
 * - every outbound `/v2/send` body the fake received (full JSON), every base64 attachment decoded,
 *   and every request line the adapter sent to the server.
 * Zero hits. The forwarded photos (verifier card and media alert) carry no metadata that exifr can
 * find and none of the original's GPS bytes.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import exifr from 'exifr';
import { afterEach, describe, expect, it } from 'vitest';
import type { Centinela } from '../app/compose.js';
import { createLogger } from '../app/logger.js';
import { parseConfig, type Config } from '../bot/config/index.js';
import { dataEnvelope, type FromWhom, type TextOptions } from './fakes/signal/envelopes.js';
import { FakeSignalServer, type FakeGroupEntry, type FakeSent } from './fakes/signal/fake-server.js';
import { BOT_NUMBER, eventually, uuidFor } from './fakes/signal/harness.js';
import { T0 } from './support/harness.js';
import { GPS, gpsJpeg, gpsTraces, metadataOf } from './support/images.js';
import { composeBuilt, EASTSIDE_ZONE, TEST_NETWORK, WESTSIDE_ZONE } from './support/network.js';

/** The canary: who the tipster is, as Signal tells the bot in every envelope they send. */
const CANARY = {
  phone: '+15550142857',
  uuid: uuidFor('canary'),
  name: 'Canary Quetzal Ixchel',
} as const;
const TIPSTER: FromWhom = { uuid: CANARY.uuid, number: CANARY.phone, name: CANARY.name };
const VERIFIER: FromWhom = { uuid: uuidFor('verifier-canary-desk'), number: '+15550177', name: 'Ana' };

/** A rich Spanish SALUTE tip: no names, no numbers of the tipster's own. */
const RICH_ES = '4 agentes con chalecos de ICE vigilando en 1st y Soto, boyle heights, ahora, 2 SUV negras';
const ANSWER_ES = 'sí, siguen ahí, ahora hay 3 SUV negras frente a la tienda';
const PHOTO_ID = '6401938275610293847.jpg'; // signal-cli's attachment id: a random number, not the sender
const WAIT_MS = 5_000;

// ------------------------------------------------------------------------------------- the scanner

interface Needle {
  /** e.g. `phone/base64url@1` */
  label: string;
  bytes: Buffer;
  /** ASCII needles that are matched case-insensitively (text and hex forms). */
  anyCase: boolean;
}

/**
 * Base64 of `value` as it appears inside ANY longer base64 text, at each of the three byte
 * alignments: only the characters that depend on `value` alone (the ones mixed with neighbouring
 * bytes are dropped), so a substring search finds it wherever it was embedded.
 */
function base64Forms(value: Buffer): { align: number; std: string }[] {
  return [0, 1, 2].map((align) => {
    const total = align + value.length;
    let s = Buffer.concat([Buffer.alloc(align), value])
      .toString('base64')
      .replace(/=+$/, '');
    if (total % 3 !== 0) s = s.slice(0, -1); // the last character also carries the next byte's bits
    return { align, std: s.slice([0, 2, 3][align]) }; // the first ones carry the previous bytes' bits
  });
}

/** Every form of one canary value the scan looks for. */
function formsOf(kind: string, value: string): Needle[] {
  const utf8 = Buffer.from(value, 'utf8');
  const out: Needle[] = [
    { label: `${kind}/plain`, bytes: utf8, anyCase: true },
    { label: `${kind}/hex`, bytes: Buffer.from(utf8.toString('hex')), anyCase: true }, // lower and upper
    { label: `${kind}/url`, bytes: Buffer.from(encodeURIComponent(value)), anyCase: true },
    { label: `${kind}/form-url`, bytes: Buffer.from(encodeURIComponent(value).replace(/%20/g, '+')), anyCase: true },
  ];
  for (const { align, std } of base64Forms(utf8)) {
    out.push({ label: `${kind}/base64@${align}`, bytes: Buffer.from(std), anyCase: false });
    out.push({ label: `${kind}/base64url@${align}`, bytes: Buffer.from(std.replace(/\+/g, '-').replace(/\//g, '_')), anyCase: false });
  }
  return out;
}

function canaryNeedles(): Needle[] {
  const digits = CANARY.phone.replace(/\D/g, ''); // 15550142857
  const national = digits.slice(1); // 5550142857
  const uuidHex = CANARY.uuid.replace(/-/g, '');
  const needles = [
    ...formsOf('phone', CANARY.phone),
    ...formsOf('phone-digits', digits),
    ...formsOf('phone-national', national),
    ...formsOf('uuid', CANARY.uuid),
    ...formsOf('uuid-nodash', uuidHex),
    { label: 'uuid/raw-16-bytes', bytes: Buffer.from(uuidHex, 'hex'), anyCase: false },
    ...formsOf('name', CANARY.name),
    // Parts of the name, in case only a first name or a surname is kept somewhere.
    ...['Quetzal', 'Ixchel'].map((part) => ({ label: `name-part/${part}`, bytes: Buffer.from(part), anyCase: true })),
  ];
  return needles;
}

const NEEDLES = canaryNeedles();

/** The labels of every canary form found in `haystack`. */
function canaryHits(haystack: Buffer | string): string[] {
  const buf = typeof haystack === 'string' ? Buffer.from(haystack, 'utf8') : haystack;
  const lower = Buffer.from(buf.toString('latin1').toLowerCase(), 'latin1');
  return NEEDLES.filter((n) =>
    n.anyCase ? lower.includes(Buffer.from(n.bytes.toString('latin1').toLowerCase(), 'latin1')) : buf.includes(n.bytes),
  ).map((n) => n.label);
}

/** `{ where: [forms] }` for every named haystack with a hit; `{}` when clean. */
function scan(haystacks: { where: string; bytes: Buffer | string }[]): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const h of haystacks) {
    const hits = canaryHits(h.bytes);
    if (hits.length > 0) found[h.where] = [...new Set([...(found[h.where] ?? []), ...hits])];
  }
  return found;
}

/** The bytes of a `data:<mime>[;filename=…];base64,<data>` attachment (or raw base64). */
function decodeAttachment(a: string): Buffer {
  const at = a.lastIndexOf('base64,');
  return Buffer.from(a.startsWith('data:') && at > 0 ? a.slice(at + 'base64,'.length) : a, 'base64');
}

function isGroupSend(s: FakeSent): boolean {
  return (s.body.recipients ?? []).some((r) => r.startsWith('group.'));
}

// ------------------------------------------------------------------------------------- the bot

interface Running {
  fake: FakeSignalServer;
  bot: Centinela;
  stopped: boolean;
  logs: string[];
  dir: string;
  groups: { verifiers: FakeGroupEntry; east: FakeGroupEntry; west: FakeGroupEntry };
  now: { value: number };
}

let running: Running | undefined;
afterEach(async () => {
  const r = running;
  running = undefined;
  if (r && !r.stopped) await r.bot.stop();
  await r?.fake.close();
  if (r) rmSync(r.dir, { recursive: true, force: true });
});

function canaryConfig(fake: FakeSignalServer, groups: Running['groups']): Config {
  const parsed = parseConfig({
    network: TEST_NETWORK,
    zones: [EASTSIDE_ZONE, WESTSIDE_ZONE],
    chats: {
      verifiers: [{ platform: 'signal', id: groups.verifiers.internal_id, language: 'es' }],
      responders: [
        { platform: 'signal', id: groups.east.id, zones: ['eastside'], language: 'es', media: true },
        { platform: 'signal', id: groups.west.id, zones: ['westside'], language: 'en' },
      ],
    },
    verifiers: [{ platform: 'signal', id: VERIFIER.uuid, name: 'Ana' }],
    privacy: { uncleanableMedia: 'withhold' },
    platforms: {
      simulator: { enabled: false },
      signal: { url: fake.url, number: BOT_NUMBER, receive: 'websocket', reconnect: { initialMs: 20, maxMs: 200 }, pollIntervalMs: 20 },
    },
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.config;
}

async function startBot(): Promise<Running> {
  const fake = await FakeSignalServer.start({ mode: 'json-rpc' });
  const groups = {
    verifiers: fake.addGroup('Verificadores Este'),
    east: fake.addGroup('Respuesta Lado Este'),
    west: fake.addGroup('West Side Responders'),
  };
  const dir = mkdtempSync(join(tmpdir(), 'centinela-canary-'));
  const logs: string[] = [];
  const logger = createLogger('debug', { write: (line: string) => void logs.push(line) });
  const { bot, now } = composeBuilt(canaryConfig(fake, groups), logger, join(dir, 'centinela.db'));
  running = { fake, bot, stopped: false, logs, dir, groups, now };
  await bot.start();
  await fake.waitForSockets(1);
  return running;
}

/** Pushes an envelope from `from` (20 s later on the bot clock) and waits for a new message to `chat` containing `expected`. */
async function say(
  r: Running,
  from: FromWhom,
  content: { text: string | null; attachments?: TextOptions['attachments'] },
  expected: string,
  opts: { group?: FakeGroupEntry; chat?: string } = {},
): Promise<FakeSent> {
  const chat = opts.chat ?? opts.group?.id ?? from.uuid;
  const before = r.fake.sent().length;
  r.now.value += 20_000;
  const env = dataEnvelope(from, content.text, {
    timestamp: r.now.value,
    ...(opts.group ? { groupId: opts.group.internal_id } : {}),
    ...(content.attachments ? { attachments: content.attachments } : {}),
  });
  expect(r.fake.pushEnvelope(env), 'the bot has a receive socket open').toBe(true);
  let found: FakeSent | undefined;
  await eventually(() => {
    found = r.fake
      .sent()
      .slice(before)
      .find((s) => s.body.recipients?.[0] === chat && (s.body.message ?? '').includes(expected));
    expect(found, `a new message to ${chat} containing ${JSON.stringify(expected)}`).toBeDefined();
  }, WAIT_MS);
  return found!;
}

async function settle(r: Running): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 150));
  await r.bot.dispatcher.drain();
}

/** Every file in the data dir (database, `-wal`, `-shm`, anything else written there), by name. */
function dataFiles(dir: string): { where: string; bytes: Buffer }[] {
  return readdirSync(dir).map((name) => ({ where: `file ${name}`, bytes: readFileSync(join(dir, name)) }));
}

/**
 * What the bot sent, as scan targets.
 *
 * A message TO the tipster is necessarily addressed to them: `recipients: [<their uuid>]` is the
 * platform address signal-cli needs to deliver the reply (held only in the adapter's memory and
 * the vault-encrypted session, never shown to anyone). That field is routing, not content, so for
 * direct messages it is left out of the scan and everything else of the body (text, attachments,
 * quote fields, the bot's own number) is scanned. Group messages (verifier card, relayed answer,
 * alerts) are scanned WHOLE, recipients included: nothing about the tipster may reach a group.
 */
function outboundTargets(sent: FakeSent[]): { where: string; bytes: Buffer | string }[] {
  return sent.flatMap((s, i) => {
    const group = isGroupSend(s);
    const { recipients, ...content } = s.body;
    const where = `send #${i} to ${group ? recipients?.[0] : 'the tipster (direct)'}`;
    const targets: { where: string; bytes: Buffer | string }[] = [{ where, bytes: JSON.stringify(group ? s.body : content) }];
    (s.body.base64_attachments ?? []).forEach((a, j) =>
      targets.push({ where: `${where}, attachment ${j} decoded`, bytes: decodeAttachment(a) }),
    );
    return targets;
  });
}

function everything(r: Running): { where: string; bytes: Buffer | string }[] {
  return [
    ...dataFiles(r.dir),
    ...r.logs.map((line, i) => ({ where: `log line ${i}: ${line.slice(0, 120)}`, bytes: line })),
    ...outboundTargets(r.fake.sent()),
    { where: 'requests the adapter made to signal-cli', bytes: r.fake.requests.join('\n') },
  ];
}

// ------------------------------------------------------------------------------------- the test

describe('privacy canary over Signal (issue 3)', () => {
  it('the scanner finds the canary in every form it claims to look for (positive control)', () => {
    // No form is so short that it could match by chance.
    for (const n of NEEDLES) expect(n.bytes.length, n.label).toBeGreaterThanOrEqual(6);
    const noise = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 37 + 11) & 0xff));
    const values = { phone: CANARY.phone, uuid: CANARY.uuid, name: CANARY.name };
    for (const [kind, value] of Object.entries(values)) {
      const utf8 = Buffer.from(value);
      const encodings = [value, value.toUpperCase(), utf8.toString('hex'), utf8.toString('hex').toUpperCase(), encodeURIComponent(value)];
      for (const e of encodings) expect(canaryHits(Buffer.concat([noise(7), Buffer.from(e), noise(5)])), `${kind} ${e}`).not.toEqual([]);
      // base64 and base64url of the value embedded at every alignment of a longer buffer
      for (const pre of [0, 1, 2, 3, 4, 5]) {
        const blob = Buffer.concat([noise(pre), utf8, noise(4)]);
        expect(canaryHits(blob.toString('base64')), `${kind} base64 +${pre}`).not.toEqual([]);
        expect(canaryHits(blob.toString('base64url')), `${kind} base64url +${pre}`).not.toEqual([]);
      }
    }
    expect(canaryHits('tel 15550142857')).toContain('phone-digits/plain');
    expect(canaryHits('(555) 0142857'.replace(/\D/g, ''))).toContain('phone-national/plain');
    expect(canaryHits(CANARY.uuid.replace(/-/g, '').toUpperCase())).toContain('uuid-nodash/plain');
    expect(canaryHits(Buffer.concat([noise(3), Buffer.from(CANARY.uuid.replace(/-/g, ''), 'hex')]))).toContain('uuid/raw-16-bytes');
    expect(canaryHits('Canary+Quetzal+Ixchel')).toContain('name/form-url');
    expect(canaryHits('ixchel')).toContain('name-part/Ixchel');
    // And the envelope the bot receives really carries all three identifiers.
    const env = JSON.stringify(dataEnvelope(TIPSTER, 'hola', { timestamp: T0 }));
    expect(canaryHits(env)).toEqual(expect.arrayContaining(['phone/plain', 'uuid/plain', 'name/plain']));
    // The control haystacks of the real test carry none of it.
    expect(canaryHits(RICH_ES + ANSWER_ES + PHOTO_ID)).toEqual([]);
  });

  it('a tipster with a known number, uuid and profile name reports with a GPS photo, is asked, confirmed and alerted: the canary is nowhere', async () => {
    const r = await startBot();
    const { fake, groups } = r;

    const original = await gpsJpeg(640, 480);
    expect((await exifr.gps(Buffer.from(original)))?.latitude).toBeCloseTo(GPS.lat, 5); // the fixture really has GPS
    expect(gpsTraces(original).length).toBeGreaterThan(0);
    fake.addAttachment(PHOTO_ID, original, 'image/jpeg');

    // 1. The tip, the photo, submit.
    await say(r, TIPSTER, { text: RICH_ES }, 'Revisa tu reporte');
    await say(
      r,
      TIPSTER,
      {
        text: null,
        attachments: [{ id: PHOTO_ID, contentType: 'image/jpeg', size: original.byteLength, filename: 'IMG_20261121_090012.jpg' }],
      },
      'Fotos/video: 1 archivo',
    );
    expect(fake.attachmentIds()).toEqual([]); // downloaded, then deleted from signal-cli
    const card = await say(r, TIPSTER, { text: 'sí' }, '/confirmar', { chat: groups.verifiers.id });
    const n = Number(/#(\d+)/.exec(card.body.message ?? '')?.[1]);
    expect(n).toBeGreaterThan(0);
    expect(card.body.message).toContain('1st y Soto');
    expect(card.body.base64_attachments).toHaveLength(1);

    // 2. A follow-up question, answered by the tipster and relayed to the verifier group.
    const question = await say(r, VERIFIER, { text: `/ask ${n} ¿siguen ahí?` }, '¿siguen ahí?', {
      group: groups.verifiers,
      chat: CANARY.uuid,
    });
    expect(question.body.message).toContain(`#${n}`);
    const relayed = await say(r, TIPSTER, { text: ANSWER_ES }, 'frente a la tienda', { chat: groups.verifiers.id });
    expect(relayed.body.message).toContain(`#${n}`);

    // 3. Confirmed: the alert reaches the media group with the cleaned photo.
    const alert = await say(r, VERIFIER, { text: `/confirm ${n}` }, `ALERTA VERIFICADA · Incidente #${n}`, {
      group: groups.verifiers,
      chat: groups.east.id,
    });
    expect(alert.body.base64_attachments).toHaveLength(1);
    await eventually(() => expect(fake.sentTexts(CANARY.uuid).some((t) => t.includes(`#${n}`) && /confirm/i.test(t))).toBe(true), WAIT_MS);
    await settle(r);
    expect(fake.sentTexts(groups.west.id)).toEqual([]);
    expect(r.bot.store.stats().outboxDead).toBe(0);

    // The identity really reached the bot: every envelope carried all three identifiers, and
    // direct replies went to the tipster's uuid (the only place the canary may be: routing).
    const direct = fake.sent().filter((s) => !isGroupSend(s));
    expect(direct.length).toBeGreaterThanOrEqual(4);
    expect(direct.every((s) => s.body.recipients?.length === 1 && s.body.recipients[0] === CANARY.uuid)).toBe(true);

    // 4. The forwarded photos: to the verifier card and with the alert. No metadata, no GPS bytes.
    const forwarded = [card, alert].flatMap((s) => (s.body.base64_attachments ?? []).map(decodeAttachment));
    expect(forwarded).toHaveLength(2);
    for (const photo of forwarded) {
      expect(photo.subarray(0, 2).toString('hex')).toBe('ffd8'); // still a JPEG
      expect(photo.equals(Buffer.from(original))).toBe(false);
      expect(await exifr.parse(photo, true)).toBeUndefined();
      expect(await metadataOf(photo)).toBeUndefined(); // every segment and block on
      expect(await exifr.gps(photo)).toBeUndefined();
      expect(gpsTraces(photo)).toEqual([]); // not the GPS text, not the EXIF GPS rationals (either byte order)
      expect(photo.includes(Buffer.from(GPS.text))).toBe(false);
    }

    // 5. The scan, while the bot is still running (the WAL holds the latest pages).
    const live = everything(r);
    const liveFiles = live.filter((t) => t.where.startsWith('file ')).map((t) => t.where);
    expect(liveFiles).toEqual(expect.arrayContaining(['file centinela.db', 'file centinela.db-wal']));
    expect(r.logs.length).toBeGreaterThan(0);
    // The haystacks are the real, readable data: the WAL holds the tip and the relayed answer in clear.
    const wal = live.find((t) => t.where === 'file centinela.db-wal')!.bytes as Buffer;
    expect(wal.includes(Buffer.from('1st y Soto'))).toBe(true);
    expect(wal.includes(Buffer.from('frente a la tienda'))).toBe(true);
    expect(scan(live), 'canary found while running').toEqual({});
    // No group message carries the canary anywhere, recipients included (also covered above).
    expect(scan(outboundTargets(fake.sent().filter(isGroupSend))), 'canary in a group message').toEqual({});
    // And the database holds no trace of the photo's location either.
    const dbNow = Buffer.concat(dataFiles(r.dir).map((f) => f.bytes));
    expect(gpsTraces(dbNow)).toEqual([]);

    // 6. Stopped (checkpoint on close): the scan again, on whatever is left on disk.
    await r.bot.stop();
    r.stopped = true;
    const after = everything(r);
    const db = after.find((t) => t.where === 'file centinela.db')!.bytes as Buffer;
    expect(db.includes(Buffer.from('1st y Soto'))).toBe(true); // checkpointed into the main file
    expect(scan(after), 'canary found after stop').toEqual({});
    expect(gpsTraces(Buffer.concat(dataFiles(r.dir).map((f) => f.bytes)))).toEqual([]);
  });
});
