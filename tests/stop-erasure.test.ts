/**
 * STOP / BORRAR does what its reply says, at once, in the file bytes:
 * - the draft is gone from the `.db` and `-wal` files right after the reply (not at the next
 *   sweep), and so is the sealed reply address the conversation held;
 * - no outbox row carries the tipster's pseudonym (pending or sent), and the goodbye itself goes
 *   out under a one-off key and is deleted once sent;
 * - an open /ask relay is closed: a later message is not passed to the verifiers;
 * - the reply says what was deleted and what stays (reports already sent, unlinked).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AdapterError } from '../bot/port.js';
import { createVault } from '../bot/privacy/vault.js';
import { Harness, TEST_SECRET } from './support/harness.js';

/** Typed into a draft that STOP erases. */
const DRAFT_CANARY = 'CANARY-STOP-4c7e1';

let dir: string;
let dbPath: string;
let h: Harness;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'centinela-stop-'));
  dbPath = join(dir, 'centinela.db');
  h = await new Harness({ dbPath }).start();
});
afterEach(async () => {
  await h.stop();
  rmSync(dir, { recursive: true, force: true });
});

const pseudonym = (who: string) => createVault(TEST_SECRET).pseudonym('simulator', who);

/** The database file and its WAL, as bytes on disk right now. */
function fileBytes(): Buffer {
  const wal = `${dbPath}-wal`;
  return Buffer.concat([readFileSync(dbPath), existsSync(wal) ? readFileSync(wal) : Buffer.alloc(0)]);
}

/** The ways a value can sit in a file: as is, hex, base64 and base64url (aligned as written). */
function traces(value: string): string[] {
  const raw = Buffer.from(value);
  const bytes = fileBytes();
  return [value, raw.toString('hex'), raw.toString('base64').slice(0, -4), raw.toString('base64url').slice(0, -4)].filter((f) =>
    bytes.includes(Buffer.from(f, 'latin1')),
  );
}

function outboxRowsOf(chatKey: string): number {
  return h.bot.store.db.prepare('SELECT COUNT(*) FROM outbox WHERE chat_key = ?').pluck().get(chatKey) as number;
}

async function say(who: string, text: string, chat?: string): Promise<void> {
  h.now += 20_000;
  await h.send(who, { text }, chat ? { chat, group: true } : {});
}

describe('STOP / BORRAR', () => {
  it('erases the draft from the file bytes at once and leaves no outbox row keyed to the tipster', async () => {
    await say('lu', `hay 4 agentes de ICE en 1st y Soto ahora, ${DRAFT_CANARY}`);
    const address = h.bot.store.db.prepare('SELECT address FROM sessions WHERE tipster = ?').pluck().get(pseudonym('lu')) as string;
    // Before: the draft, its replies and the sealed address are in the files (so the scan below can fail).
    expect(traces(DRAFT_CANARY)).not.toEqual([]);
    expect(traces(address)).not.toEqual([]);
    expect(outboxRowsOf(pseudonym('lu'))).toBeGreaterThan(0);

    h.now += 20_000;
    await h.adapter.deliver({
      platform: 'simulator',
      chat: { id: 'lu', kind: 'direct' },
      sender: 'lu',
      messageId: 'stop-1',
      timestamp: h.now,
      attachments: [],
      text: 'BORRAR',
    });

    // Right after the commit, before the goodbye is even sent: the draft's bytes are gone.
    expect(traces(DRAFT_CANARY)).toEqual([]);
    expect(existsSync(`${dbPath}-wal`) ? readFileSync(`${dbPath}-wal`).length : 0).toBe(0);
    expect(outboxRowsOf(pseudonym('lu'))).toBe(0);

    await h.flush();
    expect(h.lastTo('lu')?.keys).toEqual(['privacy.erased']);
    // The goodbye was sent under a one-off key, and deleted once sent, with the address it needed.
    expect(h.bot.store.db.prepare("SELECT COUNT(*) FROM outbox WHERE chat_key LIKE 'once:%'").pluck().get()).toBe(0);
    expect(outboxRowsOf(pseudonym('lu'))).toBe(0);
    expect(traces(DRAFT_CANARY)).toEqual([]);
    expect(traces(address)).toEqual([]);
  });

  it('still reaches the tipster when the goodbye has to wait for a retry, and then forgets it', async () => {
    await say('mo', 'hola');
    h.adapter.failNext(1, new AdapterError('rate_limited', 'slow down', { retryAfterMs: 5_000 }));
    await say('mo', 'STOP');
    const oneOff = () => h.bot.store.db.prepare("SELECT COUNT(*) FROM outbox WHERE chat_key LIKE 'once:%'").pluck().get();
    // Waiting for its retry: queued under a one-off key, never the tipster's pseudonym.
    expect(oneOff()).toBe(1);
    expect(outboxRowsOf(pseudonym('mo'))).toBe(0);
    expect(h.sentTo('mo').at(-1)?.keys).not.toEqual(['privacy.erased']);

    h.now += 60_000;
    await h.flush();
    expect(h.sentTo('mo').at(-1)?.keys).toEqual(['privacy.erased']);
    expect(oneOff()).toBe(0);
  });

  it('closes an open /ask relay: a later message does not reach the verifiers', async () => {
    await say('rai', 'están arrestando a un señor en 1st y Soto 90033, ahora, 4 agentes con chalecos de ICE, 2 SUV negras');
    await say('rai', 'sí');
    const n = h.reports().at(-1)!.number;
    await say('verifier-1', `/preguntar ${n} ¿Siguen ahí?`, 'verifiers');
    expect(h.lastTo('rai')!.text).toContain('¿Siguen ahí?');
    const toVerifiers = h.sentTo('verifiers').length;

    await say('rai', 'BORRAR');
    await say('rai', 'siguen ahí, son 6 agentes');

    expect(h.sentTo('verifiers').length).toBe(toVerifiers);
    expect(h.bot.store.db.prepare('SELECT tipster, reply_address, relay_open FROM reports WHERE number = ?').get(n)).toEqual({
      tipster: null,
      reply_address: null,
      relay_open: 0,
    });
    // The submitted report stays, as the reply says.
    expect(h.reports().map((r) => r.number)).toContain(n);
    // A later /ask finds nobody to ask.
    await say('verifier-1', `/ask ${n} ¿y ahora?`, 'verifiers');
    expect(h.lastTo('verifiers')!.text).toContain('No se puede preguntar');
  });

  it('says what was deleted and what stays, in both languages', async () => {
    await say('lu', 'hola');
    await say('lu', 'BORRAR');
    const es = h.lastTo('lu')!.text;
    expect(es).toContain('Borramos esta conversación');
    expect(es).toContain('Los reportes que ya enviaste se quedan con el equipo, sin nada que los relacione contigo');

    await say('al', 'hello');
    await say('al', 'STOP');
    const en = h.lastTo('al')!.text;
    expect(en).toContain('Deleted: this conversation');
    expect(en).toContain('Reports you already sent stay with the team, with nothing that links them to you');
  });
});
