/**
 * The dashboard in a real browser (Debian's chromium, driven by playwright-core) against the real
 * bot process over the simulator: a verifier asks for a link by direct message and signs in with
 * it; a report shows up in the queue within 2 s of being sent; the page's own Confirm button
 * alerts the responder group; a replayed link, a stale link and a post without CSRF token are
 * refused; the queue works at 390 px; the page asks nothing of any other host. Screenshots of the
 * main pages go to test-artifacts/dashboard/ (git-ignored).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, freePort, startBot, tempDir, waitHealthy, writeConfig, type BotProcess } from './process.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** CI sets this: there a missing browser is a failure, not a skip. */
const REQUIRED = process.env.CENTINELA_BROWSER_TESTS === 'required';
const SECRET = 'e2e-Qm7vZ2rK9xLp4Wn8Hs3Jd6Tb1Yc5Fg0Ae';
const SHOTS = join(ROOT, 'test-artifacts', 'dashboard');
/** Sign-in links last 6 s here, so the stale-link case needs no fake clock. */
const LINK_MINUTES = 0.1;

/** How wide the page is laid out (more than the screen: it scrolls sideways). Evaluated in the page. */
const SCROLL_WIDTH = 'document.documentElement.scrollWidth';

const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser && REQUIRED) throw new Error(`chromium is required for the browser tests but ${CHROMIUM} is missing`);

let bot: BotProcess;
let port: number;
let browser: Browser;
const base = () => `http://127.0.0.1:${port}`;

async function say(sender: string, text: string, chat?: string): Promise<void> {
  const res = await fetch(`${base()}/simulator/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sender, text, ...(chat ? { chat } : {}) }),
  });
  expect(res.status).toBe(202);
}

async function pane(chat: string): Promise<string[]> {
  const res = await fetch(`${base()}/simulator/messages?chat=${encodeURIComponent(chat)}`);
  return ((await res.json()) as { text: string }[]).map((m) => m.text);
}

/** Waits until `chat` has more than `count` messages from the bot; returns the last. */
async function nextIn(chat: string, count: number, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const texts = await pane(chat);
    if (texts.length > count) return texts.at(-1)!;
    if (Date.now() > deadline) throw new Error(`no new message in ${chat}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A tipster's report up to the review; the returned function sends the final "sí". */
async function draftReport(tipster: string, text: string): Promise<() => Promise<void>> {
  await say(tipster, text);
  await nextIn(tipster, 0);
  const before = (await pane(tipster)).length;
  await say(tipster, 'no'); // nobody detained right now: straight to the review
  await nextIn(tipster, before);
  return () => say(tipster, 'sí');
}

async function askLink(sender = 'verifier-1', text = '/dashboard'): Promise<{ reply: string; link?: string }> {
  const before = (await pane(sender)).length;
  await say(sender, text);
  const reply = await nextIn(sender, before);
  const link = /(http:\/\/\S+\/dashboard\/login\?token=[\w-]+)/.exec(reply)?.[1];
  return { reply, ...(link ? { link } : {}) };
}

/** A new browser context (its own cookies), signed in with a fresh link. */
async function signedInPage(viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'es-US' });
  const page = await context.newPage();
  const { link } = await askLink();
  expect(link).toBeDefined();
  await page.goto(link!);
  expect(new URL(page.url()).pathname).toBe('/dashboard');
  return page;
}

describe.skipIf(!haveBrowser)('the dashboard in a browser', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const dir = tempDir();
    port = await freePort();
    const config = writeConfig(dir, port, `dashboard: { linkMinutes: ${LINK_MINUTES} }\n`);
    bot = startBot({ CENTINELA_CONFIG: config, CENTINELA_SECRET: SECRET });
    await waitHealthy(port);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-gpu',
        '--no-first-run',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    bot?.child.kill('SIGTERM');
    await bot?.exited;
  });

  it('signs in by link, shows a new report within 2 s, and confirms it with the page button', async () => {
    const page = await signedInPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    // htmx runs under the strict Content-Security-Policy without tripping it (no inline styles, no eval).
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    await page.reload();
    await page.screenshot({ path: join(SHOTS, 'queue-empty.png'), fullPage: true });

    const send = await draftReport('tipster-1', '4 agentes con chalecos de ICE en 1st y Soto, boyle heights, ahora, 2 SUV negras');
    const cards = page.locator('li.card');
    const before = await cards.count();
    const sentAt = Date.now();
    await send();
    await expect.poll(() => cards.count(), { timeout: 2_000, interval: 50 }).toBe(before + 1);
    const appearedMs = Date.now() - sentAt;
    console.log(`report in the queue ${appearedMs} ms after it was sent`);
    expect(appearedMs).toBeLessThan(2_000);
    const n = await cards.last().getAttribute('data-report');
    expect(n).toMatch(/^\d+$/);
    await page.screenshot({ path: join(SHOTS, 'queue.png'), fullPage: true });

    await page.click(`a[href="/dashboard/reports/${n}"]`);
    await page.waitForURL(`**/dashboard/reports/${n}`);
    await page.screenshot({ path: join(SHOTS, 'report.png'), fullPage: true });
    const alertsBefore = (await pane('responders-east')).length;
    await page.click('form.action-confirm button[type=submit]');
    await page.waitForURL(`**/dashboard/reports/${n}`);
    const alert = await nextIn('responders-east', alertsBefore);
    expect(alert).toContain(`#${n}`);
    await expect.poll(() => page.locator('.flash').first().textContent()).toContain(`#${n}`);
    await page.screenshot({ path: join(SHOTS, 'report-confirmed.png'), fullPage: true });

    await page.goto(`${base()}/dashboard/map`);
    expect(await page.locator('svg.map').count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'map.png'), fullPage: true });
    await page.goto(`${base()}/dashboard/numbers`);
    await page.screenshot({ path: join(SHOTS, 'numbers.png'), fullPage: true });

    // Nothing but this bot was asked for anything: no CDN, no tiles, no fonts.
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => !u.startsWith(`${base()}/`))).toEqual([]);
    expect(requests.some((u) => u.endsWith('/dashboard/static/htmx.min.js'))).toBe(true);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('refuses a replayed link, a stale link and a post without CSRF token', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const { link } = await askLink();
    await page.goto(link!);
    expect(new URL(page.url()).pathname).toBe('/dashboard');

    const other = await browser.newContext();
    const replay = await other.newPage();
    const replayed = await replay.goto(link!);
    expect(replayed?.status()).toBe(403);
    expect(new URL(replay.url()).pathname).toBe('/dashboard/login');
    await replay.screenshot({ path: join(SHOTS, 'link-refused.png'), fullPage: true });
    const queue = await replay.goto(`${base()}/dashboard`);
    expect(new URL(replay.url()).pathname).toBe('/dashboard/signin');
    expect(queue?.status()).toBe(200);

    const { link: late } = await askLink();
    await new Promise((r) => setTimeout(r, LINK_MINUTES * 60_000 + 500));
    const stale = await replay.goto(late!);
    expect(stale?.status()).toBe(403);

    // The signed-in page posts without the token: refused, and nothing changes.
    const send = await draftReport('tipster-2', '2 agentes de ICE en 1st y Soto, boyle heights, ahora');
    await send();
    await expect.poll(() => page.locator('li.card').count()).toBeGreaterThan(0);
    const n = await page.locator('li.card').last().getAttribute('data-report');
    const status = await page.evaluate(async (path) => {
      const res = await fetch(path, { method: 'POST', body: new URLSearchParams({ text: 'x' }) });
      return res.status;
    }, `/dashboard/reports/${n}/claim`);
    expect(status).toBe(403);
    const csrf = await page.locator('input[name=_csrf]').first().inputValue();
    const withToken = await page.evaluate(
      async ([path, token]) => {
        const res = await fetch(path, { method: 'POST', body: new URLSearchParams({ _csrf: token }) });
        return res.status;
      },
      [`/dashboard/reports/${n}/claim`, csrf] as const,
    );
    expect(withToken).toBe(200); // followed the redirect to the report page
    await context.close();
    await other.close();
  }, 30_000);

  it('works on a 390 px phone screen', async () => {
    const page = await signedInPage({ width: 390, height: 844 });
    await expect.poll(() => page.locator('li.card').count()).toBeGreaterThan(0);
    const overflow = (await page.evaluate(SCROLL_WIDTH)) as number;
    expect(overflow).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(SHOTS, 'queue-390.png'), fullPage: true });
    // Confirmed straight from its card in the queue.
    const card = page.locator('li.card', { has: page.locator('form.action-confirm') }).first();
    const waiting = await card.getAttribute('data-report');
    const alertsBefore = (await pane('responders-east')).length;
    await card.locator('form.action-confirm button').click();
    await page.waitForURL(`**/dashboard/reports/${waiting}`);
    expect(await nextIn('responders-east', alertsBefore)).toContain(`#${waiting}`);
    await page.goto(`${base()}/dashboard/reports/${waiting}`);
    expect((await page.evaluate(SCROLL_WIDTH)) as number).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(SHOTS, 'report-390.png'), fullPage: true });
    await page.context().close();
  });

  it('gives a stranger no link', async () => {
    const { reply, link } = await askLink('not-a-verifier');
    expect(link).toBeUndefined();
    expect(reply).not.toContain('token=');
  });
});
