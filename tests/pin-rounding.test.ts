/**
 * A pin is often the tipster's own doorstep: it is stored rounded to `privacy.pinDecimals`
 * (default 3, about 100 m) everywhere, whether it came as a shared location or as a map link in
 * the text: the conversation, the report row, the card, the alert. Zone lookup still works.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Config } from '../bot/config/index.js';
import { DEMO_CONFIG } from '../bot/config/index.js';
import { Harness } from './support/harness.js';

/** Inside the demo's East Side zone; printed with six decimals, as phones send them. */
const PIN = { lat: 34.033528, lng: -118.207117 };
const TIP = '4 agentes de ICE arrestando a alguien ahora, 2 SUV negras';
const LINK = 'https://www.google.com/maps/place/Tienda/@34.0335281,-118.2071172,19z/data=!3m1!4b1!4m6!3m5!8m2!3d34.033528!4d-118.207117';

let dir: string;
let h: Harness;

async function say(who: string, content: { text?: string; location?: { lat: number; lng: number } }, chat?: string): Promise<void> {
  h.now += 20_000;
  await h.send(who, content, chat ? { chat, group: true } : {});
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'centinela-pins-'));
});
afterEach(async () => {
  await h.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Everything the bot wrote about the report: session state, report row, outbox payloads, and what it sent. */
function everything(): string {
  const db = h.bot.store.db;
  const rows = [
    ...(db.prepare('SELECT state FROM sessions').pluck().all() as string[]),
    ...(db.prepare('SELECT fields || lat || lng FROM reports').pluck().all() as string[]),
    ...(db.prepare('SELECT payload FROM outbox').pluck().all() as string[]),
  ];
  return [...rows, ...h.adapter.sent.map((m) => m.text)].join('\n');
}

describe('pin rounding', () => {
  it.each([
    ['a shared location', [{ text: TIP }, { location: PIN }]],
    ['a map link in the first message', [{ text: `${TIP} aquí ${LINK}` }]],
  ])('keeps three decimals of %s, in the session, the report, the card and the alert', async (_, messages) => {
    h = await new Harness({ dbPath: join(dir, 'centinela.db') }).start();
    for (const m of messages) await say('pia', m);
    const state = h.bot.store.db.prepare('SELECT state FROM sessions').pluck().get() as string;
    expect(JSON.parse(state).draft.location.point).toEqual({ lat: 34.034, lng: -118.207 });

    // Answer whatever is still asked (SKIP, the first choice, YES at the review) until it is sent.
    for (let i = 0; i < 15 && h.reports().length === 0; i++) {
      const last = h.lastTo('pia')!;
      const atReview = last.keys?.some((k) => k.startsWith('intake.review'));
      await say('pia', { text: atReview ? 'sí' : (last.choices?.[0]?.value ?? 'saltar') });
    }
    const report = h.bot.store.db.prepare('SELECT number, lat, lng, zones, fields FROM reports').get() as {
      number: number;
      lat: number;
      lng: number;
      zones: string;
      fields: string;
    };
    expect([report.lat, report.lng]).toEqual([34.034, -118.207]);
    expect(JSON.parse(report.zones)).toEqual(['eastside']);
    expect(JSON.parse(report.fields).location.point).toEqual({ lat: 34.034, lng: -118.207 });

    const card = h.lastTo('verifiers')!.text;
    expect(card).toContain('(34.034, -118.207)');
    expect(card).toContain('Zona: Lado Este');
    await say('verifier-1', { text: `/confirm ${report.number}` }, 'verifiers');
    await say('verifier-2', { text: `/confirm ${report.number}` }, 'verifiers');
    expect(h.lastTo('responders-east')!.text).toContain('mlat=34.034&mlon=-118.207');

    // Nowhere is a fourth decimal of the pin left.
    const all = everything();
    expect(all).not.toMatch(/34\.033[0-9]/);
    expect(all).not.toMatch(/118\.207[0-9]/);
    expect(all).not.toContain('0335');
  });

  it('follows privacy.pinDecimals', async () => {
    const config = structuredClone(DEMO_CONFIG) as Config;
    config.privacy.pinDecimals = 2;
    h = await new Harness({ config, dbPath: ':memory:' }).start();
    await say('pia', { location: PIN });
    const state = h.bot.store.db.prepare('SELECT state FROM sessions').pluck().get() as string;
    expect(JSON.parse(state).draft.location.point).toEqual({ lat: 34.03, lng: -118.21 });
  });
});
