/**
 * `curl /metrics` after a short run: a tip comes in, a verifier claims it a minute later and
 * confirms it two minutes after that, the alert goes out. The Prometheus text has HELP and TYPE
 * for each series, the counters count what happened, and the three histograms (time to first
 * claim, time to confirm, confirm to alert delivered) hold those times.
 */
import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { composeCentinela, type Centinela } from '../../app/compose.js';
import { createLogger } from '../../app/logger.js';
import { DEMO_CONFIG, type Config } from '../../bot/config/index.js';
import { FROM_LOOPBACK } from '../support/from-loopback.js';
import { TEST_SECRET, T0 } from '../support/harness.js';

let bot: Centinela | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

const now = { value: T0 };
const origin = () => `http://127.0.0.1:${bot!.config.http.port}`;

async function post(body: Record<string, unknown>): Promise<void> {
  const res = await bot!.http.request(`${origin()}/simulator/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(202);
  await bot!.dispatcher.drain();
}

async function pane(chat: string): Promise<string[]> {
  return ((await (await bot!.http.request(`${origin()}/simulator/messages?chat=${chat}`)).json()) as { text: string }[]).map((m) => m.text);
}

/** The value of one sample line, e.g. `centinela_inbound_total{platform="simulator"}`. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  expect(line, series).toBeDefined();
  return Number(line!.slice(series.length + 1));
}

describe('/metrics', () => {
  it('after a tip, a claim and a confirmation: counters, gauges and the three histograms have values', async () => {
    bot = composeCentinela({
      config: structuredClone(DEMO_CONFIG) as Config,
      secret: TEST_SECRET,
      logger: createLogger('silent'),
      dbPath: ':memory:',
      clock: () => now.value,
    });
    await bot.start();

    await post({ sender: 'tipster-1', text: '4 agentes con chalecos de ICE vigilando en 1st y Soto, boyle heights, ahora, 2 SUV negras' });
    await post({ sender: 'tipster-1', text: 'sí' });
    const n = /#(\d+)/.exec((await pane('verifiers')).at(-1)!)?.[1];
    expect(n).toBeDefined();
    now.value += 60_000;
    await post({ chat: 'verifiers', sender: 'verifier-1', text: `/tomar ${n}` });
    now.value += 120_000;
    await post({ chat: 'verifiers', sender: 'verifier-1', text: `/confirmar ${n}` });
    expect((await pane('responders-east')).at(-1)).toContain(`Incidente #${n}`);

    const res = await bot.http.request('/metrics', {}, FROM_LOOPBACK);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    if (process.env['CENTINELA_METRICS_SAMPLE']) writeFileSync(process.env['CENTINELA_METRICS_SAMPLE'], text);

    for (const name of [
      'centinela_inbound_total',
      'centinela_replies_total',
      'centinela_sends_total',
      'centinela_reports',
      'centinela_outbox_pending',
      'centinela_outbox_oldest_pending_age_seconds',
      'centinela_outbox_dead',
      'centinela_adapter_connected',
      'centinela_decrypt_failures_total',
      'centinela_media_decodes_total',
      'centinela_time_to_first_claim_seconds',
      'centinela_time_to_confirm_seconds',
      'centinela_confirm_to_alert_delivered_seconds',
    ]) {
      expect(text, name).toMatch(new RegExp(`^# HELP ${name} \\S`, 'm'));
      expect(text, name).toMatch(new RegExp(`^# TYPE ${name} (counter|gauge|histogram)$`, 'm'));
    }

    expect(sample(text, 'centinela_inbound_total{platform="simulator"}')).toBe(4);
    expect(sample(text, 'centinela_replies_total{platform="simulator"}')).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'centinela_sends_total{platform="simulator",result="sent"}')).toBeGreaterThanOrEqual(4);
    expect(sample(text, 'centinela_reports{status="confirmed"}')).toBe(1);
    expect(sample(text, 'centinela_reports_submitted_total')).toBe(1);
    expect(sample(text, 'centinela_outbox_pending')).toBe(0);
    expect(sample(text, 'centinela_adapter_connected{platform="simulator"}')).toBe(1);

    // Claimed 60 s after it came in, confirmed 180 s after; the alert went out at once (the clock stood still).
    expect(sample(text, 'centinela_time_to_first_claim_seconds_count')).toBe(1);
    expect(sample(text, 'centinela_time_to_first_claim_seconds_sum')).toBe(60);
    expect(sample(text, 'centinela_time_to_first_claim_seconds_bucket{le="30"}')).toBe(0);
    expect(sample(text, 'centinela_time_to_first_claim_seconds_bucket{le="60"}')).toBe(1);
    expect(sample(text, 'centinela_time_to_confirm_seconds_count')).toBe(1);
    expect(sample(text, 'centinela_time_to_confirm_seconds_sum')).toBe(180);
    expect(sample(text, 'centinela_confirm_to_alert_delivered_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'centinela_confirm_to_alert_delivered_seconds_bucket{le="0.25"}')).toBeGreaterThanOrEqual(1);

    // A second scrape does not count the same claim twice.
    const again = await (await bot.http.request('/metrics', {}, FROM_LOOPBACK)).text();
    expect(sample(again, 'centinela_time_to_first_claim_seconds_count')).toBe(1);
    expect(sample(again, 'centinela_inbound_total{platform="simulator"}')).toBe(4);
  });
});
