/**
 * The warm-up at start runs made-up conversations through the whole message path and rolls them
 * back. Nothing of it may be noticed afterwards: no row, no reply, no count, no report number
 * used, and the first real tipster is answered exactly as without it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Harness } from './support/harness.js';

const TABLES = ['sessions', 'outbox', 'reports', 'inbox', 'media', 'audit'];

let dirs: string[] = [];
let open: Harness[] = [];
afterEach(async () => {
  for (const h of open) await h.stop().catch(() => undefined);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  open = [];
  dirs = [];
});

async function harness(): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'centinela-warm-'));
  dirs.push(dir);
  const h = await new Harness({ dbPath: join(dir, 'bot.db') }).start();
  open.push(h);
  return h;
}

const count = (h: Harness, table: string) => h.bot.store.db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;

async function firstReport(h: Harness, who: string): Promise<string> {
  await h.say(who, 'hay 4 agentes de ICE en la 1st y Soto tocando puertas, 2 camionetas, ahorita');
  for (const answer of ['no', 'sí', 'no', 'sí']) {
    if (h.reports().length > 0) break;
    await h.say(who, answer);
  }
  return h.transcript();
}

describe('the warm-up at start', () => {
  it('runs the message path for made-up tipsters and leaves nothing behind', async () => {
    const h = await harness();
    const before = Object.fromEntries(TABLES.map((t) => [t, count(h, t)]));
    const ran = h.bot.runtime.warmUp();
    expect(ran).toBeGreaterThan(100);
    expect(Object.fromEntries(TABLES.map((t) => [t, count(h, t)]))).toEqual(before);
    expect(h.bot.runtime.counters).toEqual({ inbound: 0, duplicates: 0, ignored: 0, reports: 0, timers: 0 });
    await h.flush();
    expect(h.adapter.sent).toHaveLength(0);
    // Made-up tipsters are not waited for by the timers either.
    h.now += 2 * 60 * 60_000;
    expect(h.bot.runtime.tick()).toBe(0);
    await h.flush();
    expect(h.adapter.sent).toHaveLength(0);
  });

  it('changes nothing a real tipster sees: the same answers, and the same first report number', async () => {
    const cold = await harness();
    const warm = await harness();
    warm.bot.runtime.warmUp();
    const a = await firstReport(cold, 'ana');
    const b = await firstReport(warm, 'ana');
    expect(b).toBe(a);
    expect(warm.reports().map((r) => r.number)).toEqual(cold.reports().map((r) => r.number));
    expect(warm.reports()).toHaveLength(1);
    expect(warm.adapter.sent.length).toBe(cold.adapter.sent.length);
  });
});
