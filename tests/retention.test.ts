/**
 * Retention (issue 3): with a fake clock, every kind of row stays until its limit, and once each
 * limit has passed and the sweeper has run twice the rows are gone, and so are their bytes: a
 * canary written into a report, a draft, a file and an outbox row is absent from the `.db` and
 * `-wal` files (plain, hex and base64). The limits are read from the config, never repeated here.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Config } from '../bot/config/index.js';
import { DEMO_CONFIG } from '../bot/config/index.js';
import { retentionSettings } from '../app/settings.js';
import { retentionCutoffs } from '../bot/runtime/retention.js';
import { RetentionStore } from '../store/retention-store.js';
import { openDatabase } from '../store/sqlite-store.js';
import { fakeMp4 } from './support/images.js';
import { Harness, photo } from './support/harness.js';

const HOUR = 3_600_000;
/** In the text of a report that is then rejected. */
const CANARY = 'CANARY-7f3a9';
/** In the text of a draft that is never finished (its timer lost, as after a crash). */
const DRAFT_CANARY = 'CANARY-d4e1b';
/** Inside a video kept as received (uncleanableMedia: verifiers). */
const MEDIA_CANARY = 'CANARY-MEDIA-51c2';
/** In the payload of an outbox row the dispatcher gave up on. */
const OUTBOX_CANARY = 'CANARY-OUT-90ae';
const CANARIES = [CANARY, DRAFT_CANARY, MEDIA_CANARY, OUTBOX_CANARY];

const TABLES = ['sessions', 'reports', 'media', 'approvals', 'acks', 'audit', 'inbox', 'outbox'] as const;
type Table = (typeof TABLES)[number];

function config(): Config {
  const c = structuredClone(DEMO_CONFIG) as Config;
  c.privacy.uncleanableMedia = 'verifiers'; // so a video's bytes (with a canary in them) are stored
  return c;
}
const LIMITS = retentionSettings(config());

/**
 * The ways a value can sit in a file: as is, hex, and base64 / base64url at each of the three
 * alignments (only the characters that do not depend on the neighbouring bytes).
 */
function forms(value: string): string[] {
  const raw = Buffer.from(value);
  const out = [value, raw.toString('hex')];
  for (let k = 0; k < 3; k++) {
    const padded = Buffer.concat([Buffer.alloc(k, 0x20), raw]);
    const head = k === 0 ? 0 : 4;
    const whole = Math.floor(padded.length / 3) * 4;
    for (const enc of ['base64', 'base64url'] as const) out.push(padded.toString(enc).slice(head, whole));
  }
  return out.filter((f) => f.length >= 8);
}

let dir: string;
let h: Harness;
let dbPath: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'centinela-retention-'));
  dbPath = join(dir, 'centinela.db');
});
afterEach(async () => {
  await h?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function db() {
  return h.bot.store.db;
}

function count(table: Table): number {
  return db().prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
}

function counts(): Record<Table, number> {
  return Object.fromEntries(TABLES.map((t) => [t, count(t)])) as Record<Table, number>;
}

/** The database file and its WAL, as bytes on disk right now. */
function fileBytes(): Buffer {
  const wal = `${dbPath}-wal`;
  return Buffer.concat([readFileSync(dbPath), existsSync(wal) ? readFileSync(wal) : Buffer.alloc(0)]);
}

function tracesIn(bytes: Buffer): string[] {
  return CANARIES.flatMap((c) =>
    forms(c)
      .filter((f) => bytes.includes(Buffer.from(f, 'latin1')))
      .map((f) => `${c} as ${f}`),
  );
}

async function say(who: string, text: string, chat?: string): Promise<void> {
  h.now += 20_000;
  await h.send(who, { text }, chat ? { chat, group: true } : {});
}

/**
 * Everything the bot keeps: a rejected report with the canary in its text and a video, a report
 * confirmed (two approvals), acknowledged by a responder and cleared, a draft whose timer was
 * lost, a dead outbox row; with the audit, inbox and sent outbox rows all of that leaves.
 */
async function fill(): Promise<{ rejected: number; cleared: number; draft: string }> {
  const video = {
    kind: 'video' as const,
    mime: 'video/mp4',
    name: 'v.mp4',
    data: new Uint8Array(Buffer.concat([fakeMp4(), Buffer.from(MEDIA_CANARY)])),
  };
  await say('tipster-a', `hay 4 agentes de ICE vigilando en 1st y Soto 90033 ahora, código ${CANARY}`);
  h.now += 20_000;
  await h.send('tipster-a', { attachments: [video, photo()] });
  await say('tipster-a', 'sí');
  const rejected = h.reports().at(-1)!.number;
  await say('verifier-1', `/reject ${rejected} rumor`, 'verifiers');

  await say('tipster-b', 'están arrestando a un señor en 1st y Soto 90033, ahora, 4 agentes con chalecos de ICE, 2 SUV negras');
  await say('tipster-b', 'sí');
  const cleared = h.reports().at(-1)!.number;
  expect(cleared).not.toBe(rejected);
  await say('verifier-1', `/confirm ${cleared}`, 'verifiers');
  await say('verifier-2', `/confirm ${cleared}`, 'verifiers');
  await say('responder-1', `/going ${cleared}`, 'responders-east');
  await say('verifier-1', `/clear ${cleared}`, 'verifiers');

  // A draft with a held photo, whose wake-up was lost (as after a crash): only the sweeper ends it.
  await say('tipster-c', `hay 3 agentes de ICE en Cesar Chavez y Soto 90033, ahora, ${DRAFT_CANARY}`);
  h.now += 20_000;
  await h.send('tipster-c', { attachments: [photo()] });
  const draft = h.bot.store.db
    .prepare("SELECT tipster FROM sessions WHERE json_extract(state, '$.status') = 'active'")
    .pluck()
    .get() as string;
  db().prepare("UPDATE sessions SET state = json_remove(state, '$.wakeAt'), wake_at = NULL WHERE tipster = ?").run(draft);

  // An outbox row given up on keeps its payload until outboxDays.
  h.bot.store.enqueue({ platform: 'simulator', address: 'x', chatKey: 'k', payload: JSON.stringify({ text: OUTBOX_CANARY }) }, h.now);
  const dead = db().prepare('SELECT MAX(id) FROM outbox').pluck().get() as number;
  h.bot.store.markDead({ id: dead, chatKey: 'k' }, 8, 'gone');
  await h.flush();
  return { rejected, cleared, draft };
}

describe('retention', () => {
  it('fills every table the sweeper manages, and closed reports keep no reply address', async () => {
    h = await new Harness({ config: config(), dbPath }).start();
    const { rejected, cleared } = await fill();
    const c = counts();
    for (const t of TABLES) expect(c[t], t).toBeGreaterThan(0);
    const closed = db().prepare('SELECT number, status, reply_address AS address, relay_open AS relay FROM reports ORDER BY number').all();
    expect(closed).toEqual([
      { number: rejected, status: 'rejected', address: null, relay: 0 },
      { number: cleared, status: 'cleared', address: null, relay: 0 },
    ]);
    // The control for the byte checks below: before the sweep the canaries are in the files.
    const before = tracesIn(fileBytes());
    for (const canary of CANARIES)
      expect(
        before.some((t) => t.startsWith(canary)),
        canary,
      ).toBe(true);
  });

  it('deletes nothing before its limit', async () => {
    h = await new Harness({ config: config(), dbPath }).start();
    const start = h.now;
    await fill();
    const full = counts();
    // Direct messages are remembered in their conversation; when its timer ends it, the ids move to the inbox.
    const seen = db().prepare("SELECT seen FROM sessions WHERE wake_at IS NOT NULL AND seen != ''").pluck().all() as string[];
    const inInbox = db().prepare('SELECT COUNT(*) FROM inbox WHERE message_id = ?').pluck();
    // (A message with files was recorded in the inbox when it came, and is in both.)
    const idsMovedLater = seen.flatMap((s) => s.split(' ')).filter((id) => inInbox.get(id) === 0).length;
    expect(idsMovedLater).toBeGreaterThan(0);
    const at = async (ms: number) => h.advance(start + ms - HOUR - h.now);

    // Just before the draft limit: the stalled draft and its held photo are still there.
    await at(LIMITS.draftMs);
    expect(counts()).toEqual(full);
    // Just before the finished-conversation limit: only the drafts are gone.
    await at(LIMITS.doneSessionMs);
    expect(count('sessions')).toBe(full.sessions - 1);
    const afterDraft = full.media - 1;
    expect(count('media')).toBe(afterDraft);
    // Just before the inbox limit: message ids still there (finished conversations are forgotten by
    // now, their ids in the inbox, dated when the tipster last wrote).
    await at(LIMITS.inboxMs);
    expect(count('inbox')).toBe(full.inbox + idsMovedLater);
    expect(count('sessions')).toBe(0);
    // Just before the media and outbox limits.
    await at(Math.min(LIMITS.mediaMs, LIMITS.outboxMs));
    expect(count('media')).toBe(afterDraft);
    expect(count('outbox')).toBe(full.outbox);
    expect(count('inbox')).toBe(0);
    // Just before the report limit: reports, approvals and acknowledgements are all kept.
    await at(LIMITS.reportMs);
    expect([count('reports'), count('approvals'), count('acks')]).toEqual([full.reports, full.approvals, full.acks]);
    expect([count('media'), count('outbox')]).toEqual([0, 0]);
    // Just before the audit limit.
    await at(LIMITS.auditMs);
    expect(count('audit')).toBe(full.audit);
    expect([count('reports'), count('approvals'), count('acks')]).toEqual([0, 0, 0]);
  });

  it('after each limit and two sweeps the rows are gone, and the canaries are gone from the file bytes', async () => {
    h = await new Harness({ config: config(), dbPath }).start();
    const start = h.now;
    const { rejected, draft } = await fill();
    const full = counts();
    const sweeps = async () => {
      await h.advance(LIMITS.sweepMs);
      await h.advance(LIMITS.sweepMs);
    };
    const past = async (ms: number) => {
      await h.advance(start + ms + HOUR - h.now);
      await sweeps();
    };

    await past(LIMITS.draftMs);
    expect(db().prepare('SELECT COUNT(*) FROM sessions WHERE tipster = ?').pluck().get(draft)).toBe(0);
    expect(db().prepare('SELECT COUNT(*) FROM media WHERE report_number IS NULL').pluck().get()).toBe(0);
    expect(count('media')).toBe(full.media - 1);

    await past(LIMITS.doneSessionMs);
    expect(count('sessions')).toBe(0);

    await past(LIMITS.inboxMs);
    expect(count('inbox')).toBe(0);

    await past(Math.max(LIMITS.mediaMs, LIMITS.outboxMs));
    expect(count('media')).toBe(0);
    expect(count('outbox')).toBe(0);
    // The report is kept, and still says it came with two files.
    const fields = JSON.parse(db().prepare('SELECT fields FROM reports WHERE number = ?').pluck().get(rejected) as string) as {
      media?: { items: unknown[] };
    };
    expect(fields.media?.items).toHaveLength(2);

    await past(LIMITS.reportMs);
    expect([count('reports'), count('approvals'), count('acks')]).toEqual([0, 0, 0]);

    await past(LIMITS.auditMs);
    expect(counts()).toEqual(Object.fromEntries(TABLES.map((t) => [t, 0])));

    const bytes = fileBytes();
    expect(tracesIn(bytes)).toEqual([]);
    expect(existsSync(`${dbPath}-wal`) ? readFileSync(`${dbPath}-wal`).length : 0).toBe(0); // truncated by the last checkpoint
  });

  it('the sweeper is idempotent, clears reply addresses left on closed reports, and counts what it removed', () => {
    const raw = openDatabase(join(dir, 'unit.db'));
    try {
      const t = 1_000_000_000_000;
      const day = 24 * HOUR;
      raw
        .prepare(
          `INSERT INTO reports (number, status, lang, platform, tipster, fields, seen_at, created_at, updated_at, reply_address, relay_open)
        VALUES (?, ?, 'es', 'simulator', 'p', '{"skipped":[]}', ?, ?, ?, ?, ?)`,
        )
        .run(1, 'rejected', t, t, t, 'sealed', 1);
      raw
        .prepare(
          `INSERT INTO reports (number, status, lang, platform, tipster, fields, seen_at, created_at, updated_at, reply_address, relay_open)
        VALUES (?, ?, 'es', 'simulator', 'p', '{"skipped":[]}', ?, ?, ?, ?, ?)`,
        )
        .run(2, 'confirmed', t, t, t, 'sealed', 1);
      raw.prepare('INSERT INTO approvals (report, verifier, at) VALUES (1, ?, ?)').run('simulator:v', t);
      raw.prepare('INSERT INTO acks (incident, responder, at) VALUES (1, ?, ?), (99, ?, ?)').run('r', t, 'r', t);
      raw
        .prepare("INSERT INTO media (ref, report_number, kind, mime, bytes, created_at) VALUES ('m1', 1, 'image', 'image/jpeg', x'00', ?)")
        .run(t);
      const store = new RetentionStore(raw);
      const settings = retentionSettings(config());
      const cut = (now: number) => retentionCutoffs(settings, now);

      const first = store.sweep(cut(t + day));
      expect(first.walTruncated).toBe(true);
      expect(first.counts).toMatchObject({ replyAddresses: 1, acks: 1, reports: 0, media: 0 });
      expect(raw.prepare('SELECT number, reply_address AS a, relay_open AS r FROM reports ORDER BY number').all()).toEqual([
        { number: 1, a: null, r: 0 },
        { number: 2, a: 'sealed', r: 1 }, // open: the tipster can still be asked
      ]);
      expect(store.sweep(cut(t + day)).counts).toMatchObject({ replyAddresses: 0, acks: 0 });

      const later = store.sweep(cut(t + settings.reportMs + 1));
      expect(later.counts).toEqual({
        sessions: 0,
        media: 1,
        reports: 2,
        approvals: 1,
        acks: 1,
        audit: 0,
        inbox: 0,
        outbox: 0,
        replyAddresses: 0,
      });
      expect(store.sweep(cut(t + settings.reportMs + 1)).counts).toEqual({
        sessions: 0,
        media: 0,
        reports: 0,
        approvals: 0,
        acks: 0,
        audit: 0,
        inbox: 0,
        outbox: 0,
        replyAddresses: 0,
      });
      expect(raw.pragma('secure_delete', { simple: true })).toBe(1);
    } finally {
      raw.close();
    }
  });
});
