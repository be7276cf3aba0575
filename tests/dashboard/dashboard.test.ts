/**
 * The dashboard over the real composition (engine, verification decider, SQLite, outbox) with a
 * fake clock, through the bot's own HTTP app: sign-in by a link from /dashboard, the queue, a
 * confirmation from the page reaching the responder group, refused links and CSRF-less posts,
 * and an export that names nobody.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CONFIG, type Config } from '../../bot/config/index.js';
import { tempDir } from '../e2e/process.js';
import { Harness, photo } from '../support/harness.js';

const ORIGIN = 'http://127.0.0.1:3000';
let h: Harness;

afterEach(async () => {
  await h.stop();
});

async function submitReport(
  who = 'tipster-1',
  text = '4 agentes con chalecos de ICE en 1st y Soto, boyle heights, ahora, 2 SUV negras',
): Promise<number> {
  await h.say(who, text);
  await h.say(who, 'no');
  await h.say(who, 'sí');
  const card = h.lastTo('verifiers')?.text ?? '';
  const n = Number(/#(\d+)/.exec(card)?.[1]);
  expect(n).toBeGreaterThan(1000);
  return n;
}

/** Asks the bot for a link as `who` (a direct message) and returns the link, if the reply has one. */
async function askLink(who = 'verifier-1', text = '/dashboard'): Promise<{ reply: string; link?: string }> {
  await h.say(who, text);
  const reply = h.lastTo(who)?.text ?? '';
  const link = /(http:\/\/\S+\/dashboard\/login\?token=[\w-]+)/.exec(reply)?.[1];
  return { reply, ...(link ? { link } : {}) };
}

async function get(path: string, cookie?: string): Promise<Response> {
  return h.bot.http.request(`${ORIGIN}${path}`, { headers: cookie ? { cookie } : {} });
}

async function post(path: string, form: Record<string, string>, cookie: string): Promise<Response> {
  return h.bot.http.request(`${ORIGIN}${path}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
}

async function signIn(): Promise<{ cookie: string; csrf: string }> {
  const { link } = await askLink();
  expect(link).toBeDefined();
  const res = await get(new URL(link!).pathname + new URL(link!).search);
  expect(res.status).toBe(303);
  const setCookie = res.headers.get('set-cookie') ?? '';
  expect(setCookie).toMatch(/HttpOnly/i);
  expect(setCookie).toMatch(/SameSite=Strict/i);
  expect(setCookie).not.toMatch(/Secure/); // http://127.0.0.1: a Secure cookie would never come back
  const cookie = setCookie.split(';')[0]!;
  const page = await (await get('/dashboard', cookie)).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1];
  expect(csrf).toBeDefined();
  return { cookie, csrf: csrf! };
}

describe('dashboard', () => {
  it('signs a verifier in by link, shows the report in the queue, and confirms it from the page', async () => {
    h = await new Harness().start();
    const n = await submitReport();
    const { cookie, csrf } = await signIn();

    const queue = await get('/dashboard/queue', cookie);
    const html = await queue.text();
    expect(html).toContain(`#${n}`);
    expect(html).toContain('Lado Este');
    expect(queue.headers.get('content-security-policy')).toContain("default-src 'none'");
    // The next poll carries the list's version: nothing new, nothing to swap (204); a new report, a new list.
    const poll = /hx-get="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&');
    expect((await get(poll, cookie)).status).toBe(204);
    await submitReport('tipster-9', '2 agentes de ICE en Soto y Cesar Chavez, boyle heights, ahora');
    const fresh = await get(poll, cookie);
    expect(fresh.status).toBe(200);
    expect(await fresh.text()).toContain(`#${n + 1}`);

    const page = await (await get(`/dashboard/reports/${n}`, cookie)).text();
    expect(page).toContain(`/dashboard/reports/${n}/confirm`);

    const done = await post(`/dashboard/reports/${n}/confirm`, { _csrf: csrf, text: 'visto por Ana' }, cookie);
    expect(done.status).toBe(303);
    await h.flush();
    const alert = h.lastTo('responders-east')?.text ?? '';
    expect(alert).toContain(`#${n}`);
    expect(alert).toContain('visto por Ana');
    // The decider's reply comes back on the page, and the audit log names the verifier's stable id.
    const after = await (await get(`/dashboard/reports/${n}`, cookie)).text();
    expect(after).toContain(`Reporte #${n} confirmado`);
    expect(after).toContain('entregada ✓');
    const audit = h.bot.store.db.prepare(`SELECT actor FROM audit WHERE report = ? AND action = 'confirm'`).pluck().all(n);
    expect(audit).toEqual(['simulator:verifier-1']);

    // The incident part of the page polls: unchanged, 204; an update posted in chat shows up with its delivery.
    const livePoll = /hx-get="(\/dashboard\/reports\/\d+\/live[^"]*)"/.exec(after)![1]!;
    expect((await get(livePoll, cookie)).status).toBe(204);
    await h.say('verifier-2', `/actualizar ${n} se fueron hacia el norte`, 'verifiers');
    const live = await get(livePoll, cookie);
    expect(live.status).toBe(200);
    expect(await live.text()).toMatch(/Actualización 1<\/td><td>Lado Este<\/td><td class="delivery-sent">entregada ✓/);
  });

  it('applies the same rules as chat: a stale sighting needs --stale', async () => {
    h = await new Harness().start();
    const n = await submitReport('tipster-2', '3 agentes de ICE en 1st y Soto, boyle heights, hace 2 horas');
    const { cookie, csrf } = await signIn();
    await post(`/dashboard/reports/${n}/confirm`, { _csrf: csrf }, cookie);
    await h.flush();
    expect(h.sentTo('responders-east')).toEqual([]);
    const refused = await (await get(`/dashboard/reports/${n}`, cookie)).text();
    expect(refused).toContain('--stale');
    await post(`/dashboard/reports/${n}/confirm`, { _csrf: csrf, stale: '1' }, cookie);
    await h.flush();
    expect(h.lastTo('responders-east')?.text).toContain(`#${n}`);
  });

  it('refuses a replayed link, a stale link, a post without CSRF token, and pages without a session', async () => {
    h = await new Harness().start();
    const n = await submitReport();
    const { link } = await askLink();
    const path = new URL(link!).pathname + new URL(link!).search;
    expect((await get(path)).status).toBe(303);
    expect((await get(path)).status).toBe(403); // replayed

    const { link: late } = await askLink();
    await h.advance(11 * 60_000);
    expect((await get(new URL(late!).pathname + new URL(late!).search)).status).toBe(403);

    const noSession = await get('/dashboard');
    expect(noSession.status).toBe(303);
    expect(noSession.headers.get('location')).toBe('/dashboard/signin');
    expect(await (await get('/dashboard/signin')).text()).toContain('/panel');

    const { cookie } = await signIn();
    const forged = await post(`/dashboard/reports/${n}/confirm`, {}, cookie);
    expect(forged.status).toBe(403);
    const wrong = await post(`/dashboard/reports/${n}/claim`, { _csrf: 'x'.repeat(43) }, cookie);
    expect(wrong.status).toBe(403);
    const huge = await post(`/dashboard/reports/${n}/reject`, { text: 'x'.repeat(200_000) }, cookie);
    expect(huge.status).toBe(413);
    await h.flush();
    expect(h.reports().find((r) => r.number === n)?.status).toBe('new');
  });

  it('gives no link to a stranger, and none in a group chat', async () => {
    h = await new Harness().start();
    const stranger = await askLink('someone-else');
    expect(stranger.link).toBeUndefined();
    const es = await askLink('someone-else', '/panel');
    expect(es.link).toBeUndefined();
    await h.say('verifier-1', '/panel', 'verifiers');
    expect(h.lastTo('verifiers')?.text).not.toContain('token=');
    expect(h.bot.store.db.prepare('SELECT COUNT(*) FROM dashboard_logins').pluck().get()).toBe(0);
    const spanish = await askLink('verifier-1', '/panel');
    expect(spanish.reply).toContain('enlace');
    // Only the token's hash is stored.
    const token = new URL(spanish.link!).searchParams.get('token')!;
    const stored = h.bot.store.db.prepare('SELECT token_hash FROM dashboard_logins').pluck().all() as string[];
    expect(stored).toHaveLength(1);
    expect(stored[0]).not.toContain(token);
  });

  it('signs out, and exports incidents without pseudonyms or the tipster words', async () => {
    h = await new Harness().start();
    const n = await submitReport();
    const { cookie, csrf } = await signIn();
    await post(`/dashboard/reports/${n}/claim`, { _csrf: csrf }, cookie);
    const day = new Date(h.now).toISOString().slice(0, 10);
    const json = await post('/dashboard/export', { _csrf: csrf, from: day, to: day, format: 'json' }, cookie);
    expect(json.status).toBe(200);
    const body = await json.text();
    const incidents = JSON.parse(body) as { incident: number; actions: { by: string; action: string }[] }[];
    expect(incidents.map((i) => i.incident)).toEqual([n]);
    expect(incidents[0]!.actions).toContainEqual(expect.objectContaining({ by: 'simulator:verifier-1', action: 'claim' }));
    const tipster = h.reports()[0]!.tipster!;
    expect(body).not.toContain(tipster);
    expect(body).not.toContain('chalecos de ICE en 1st');
    const csv = await (await post('/dashboard/export', { _csrf: csrf, from: day, to: day, format: 'csv' }, cookie)).text();
    expect(csv.split('\r\n')[0]).toMatch(/^incident,status,/);
    expect(csv).not.toContain(tipster);

    expect((await post('/dashboard/logout', { _csrf: csrf }, cookie)).status).toBe(303);
    expect((await get('/dashboard', cookie)).status).toBe(303);
  });

  it('serves htmx from the package, and the map and numbers pages', async () => {
    h = await new Harness().start();
    await submitReport();
    const { cookie } = await signIn();
    const js = await get('/dashboard/static/htmx.min.js');
    expect(js.status).toBe(200);
    expect(await js.text()).toContain('htmx');
    const map = await (await get('/dashboard/map', cookie)).text();
    expect(map).toContain('<svg');
    expect(map).toContain('Lado Este');
    const numbers = await (await get('/dashboard/numbers', cookie)).text();
    expect(numbers).toContain('p');
    expect(numbers).not.toMatch(/anon:|tipster/);
  });

  it('is off when the config says so: no link, no pages', async () => {
    const config = structuredClone(DEMO_CONFIG) as Config;
    config.dashboard.enabled = false;
    h = await new Harness({ config }).start();
    const { reply, link } = await askLink();
    expect(link).toBeUndefined();
    expect(reply).toContain('switched off');
    expect((await get('/dashboard')).status).toBe(404);
  });

  it('signs out someone taken off the roster at their next click', async () => {
    const dbPath = join(tempDir(), 'centinela.db');
    h = await new Harness({ dbPath }).start();
    await submitReport();
    const { cookie } = await signIn();
    expect((await get('/dashboard', cookie)).status).toBe(200);
    await h.stop();
    // The same database after an admin took verifier-1 out of the config and restarted the bot.
    const config = structuredClone(DEMO_CONFIG) as Config;
    config.verifiers = config.verifiers.filter((v) => v.id !== 'verifier-1');
    h = await new Harness({ config, dbPath }).start();
    const res = await get('/dashboard', cookie);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/dashboard/signin');
    expect(h.bot.store.db.prepare('SELECT COUNT(*) FROM dashboard_sessions').pluck().get()).toBe(0);
  });

  it('shows cleaned photos, served by the bot itself', async () => {
    h = await new Harness().start();
    await h.send('tipster-3', { text: '4 agentes de ICE en 1st y Soto, boyle heights, ahora', attachments: [photo()] });
    await h.say('tipster-3', 'no');
    await h.say('tipster-3', 'sí');
    const n = Number(/#(\d+)/.exec(h.lastTo('verifiers')?.text ?? '')?.[1]);
    const { cookie } = await signIn();
    const page = await (await get(`/dashboard/reports/${n}`, cookie)).text();
    const src = /<img src="([^"]+)"/.exec(page)?.[1];
    expect(src).toMatch(new RegExp(`^/dashboard/reports/${n}/photos/`));
    const img = await get(src!, cookie);
    expect(img.status).toBe(200);
    expect(img.headers.get('content-type')).toMatch(/^image\//);
    expect((await img.arrayBuffer()).byteLength).toBeGreaterThan(100);
    expect((await get(src!)).status).toBe(303); // no session, no photo
    expect((await get(src!.replace(`/reports/${n}/`, `/reports/${n + 1}/`), cookie)).status).toBe(404);
  });

  it('offers to merge a likely duplicate, and merges it as /merge would', async () => {
    h = await new Harness().start();
    const first = await submitReport('tipster-4');
    const second = await submitReport('tipster-5', '3 agentes de ICE con chalecos en 1st y Soto, boyle heights, ahora');
    const { cookie, csrf } = await signIn();
    const page = await (await get(`/dashboard/reports/${second}`, cookie)).text();
    expect(page).toContain(`Unir a #${first}`);
    await post(`/dashboard/reports/${second}/merge`, { _csrf: csrf, into: String(first) }, cookie);
    await h.flush();
    const statuses = Object.fromEntries(h.reports().map((r) => [r.number, r.status]));
    expect(statuses[second]).toBe('merged');
    const head = await (await get(`/dashboard/reports/${first}`, cookie)).text();
    expect(head).toContain('Incidente: 2 reportes · personas distintas: 2');
  });
});
