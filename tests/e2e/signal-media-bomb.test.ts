/**
 * Hostile photos over Signal, against the real bot process (`app/main.ts`, built like `npm
 * start`) talking to the fake signal-cli-rest-api on 127.0.0.1. While one tipster is in the
 * middle of a report, three others send: a 1 MB PNG whose 50 zTXt chunks inflate to 20 MiB each,
 * a 40-megapixel JPEG, and a PNG cut off mid-image. The bot's peak memory (VmHWM of the child
 * process) stays under 600 MB, every reply to the talking tipster arrives within 2 s, and each
 * photo's sender gets a clear answer.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { dataEnvelope, type FromWhom } from '../fakes/signal/envelopes.js';
import { FakeSignalServer } from '../fakes/signal/fake-server.js';
import { BOT_NUMBER, eventually, uuidFor } from '../fakes/signal/harness.js';
import { plainJpeg, truncatedPng, ztxtBomb } from '../support/images.js';
import { configHead, freePort, startBot, tempDir, waitHealthy, writeConfigFile, type BotProcess } from './process.js';

/** Random-looking: a guessable secret is refused at start. */
const SECRET = 'e2e-Qm7vZ2rK9xLp4Wn8Hs3Jd6Tb1Yc5Fg0Ae';
const TALKER: FromWhom = { uuid: uuidFor('media-talker') };
const BOMBER: FromWhom = { uuid: uuidFor('media-bomber') };
const BIG: FromWhom = { uuid: uuidFor('media-40mp') };
const BROKEN: FromWhom = { uuid: uuidFor('media-truncated') };
const PEAK_RSS_LIMIT = 600 * 1024 * 1024;
const REPLY_LIMIT_MS = 2_000;
/** The config's burst window: messages closer than this count as one answer. */
const BURST_MS = 1_000;

let fake: FakeSignalServer | undefined;
let bot: BotProcess | undefined;
afterEach(async () => {
  if (bot && bot.child.exitCode === null) {
    bot.child.kill('SIGTERM');
    await Promise.race([bot.exited, new Promise((r) => setTimeout(r, 5_000))]);
    if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
  }
  await fake?.close();
  bot = undefined;
  fake = undefined;
});

function writeSignalConfig(dir: string, port: number, signalUrl: string): string {
  return writeConfigFile(
    dir,
    `${configHead(dir, port)}intake: { burstSeconds: ${BURST_MS / 1000} }
platforms:
  signal: { url: "${signalUrl}", number: "${BOT_NUMBER}", receive: websocket, reconnect: { initialMs: 50, maxMs: 200 } }
`,
  );
}

/** Peak and current resident memory of a process, in bytes (VmHWM and VmRSS of /proc/<pid>/status). */
function memoryOf(pid: number): { peak: number; now: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { peak: kb('VmHWM'), now: kb('VmRSS') };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('hostile photos over Signal, in the real process', () => {
  it('a zTXt bomb, a 40 MP JPEG and a truncated PNG cost little memory and never delay another tipster', async () => {
    const [bomb, big, broken] = await Promise.all([ztxtBomb(), plainJpeg(7680, 5200), truncatedPng()]);
    expect(bomb.byteLength).toBeGreaterThan(1_000_000); // 50 × 20 MiB of text, compressed
    expect(bomb.byteLength).toBeLessThan(1_100_000);

    fake = await FakeSignalServer.start({ mode: 'json-rpc' });
    const dir = tempDir();
    const port = await freePort();
    bot = startBot({ CENTINELA_CONFIG: writeSignalConfig(dir, port, fake.url), CENTINELA_SECRET: SECRET });
    await waitHealthy(port, 40_000).catch((err: unknown) => {
      throw new Error(`${String(err)}\n${bot?.output() ?? ''}`);
    });
    await fake.waitForSockets(1, 10_000);
    const pid = bot.child.pid!;
    const f = fake;

    const push = (from: FromWhom, text: string | null, attachment?: { id: string; bytes: Uint8Array; type: string }) => {
      const timestamp = Date.now();
      if (attachment) f.addAttachment(attachment.id, attachment.bytes, attachment.type);
      const attachments = attachment ? [{ id: attachment.id, contentType: attachment.type, size: attachment.bytes.byteLength }] : undefined;
      expect(f.pushEnvelope(dataEnvelope(from, text, attachments ? { timestamp, attachments } : { timestamp }))).toBe(true);
    };
    /** Waits for the bot to write to `who` after `before` messages; returns the new ones and how long it took. */
    const replies = async (who: FromWhom, before: number, sentAt: number, ms = 10_000) => {
      await eventually(() => expect(f.sentTexts(who.uuid).length).toBeGreaterThan(before), ms);
      return { texts: f.sentTexts(who.uuid).slice(before), ms: Date.now() - sentAt };
    };

    // Everyone starts a report; the photos come as answers, after the burst window.
    for (const who of [TALKER, BOMBER, BIG, BROKEN]) {
      const sentAt = Date.now();
      push(who, 'hola, vi agentes de ICE en 1st y Soto');
      await replies(who, 0, sentAt);
    }
    await sleep(BURST_MS + 200);
    const baseline = memoryOf(pid);
    const before = { bomber: f.sentTexts(BOMBER.uuid).length, big: f.sentTexts(BIG.uuid).length, broken: f.sentTexts(BROKEN.uuid).length };
    push(BOMBER, null, { id: 'ztxt-bomb.png', bytes: bomb, type: 'image/png' });
    push(BIG, null, { id: 'forty-megapixels.jpg', bytes: big, type: 'image/jpeg' });
    push(BROKEN, null, { id: 'cut-off.png', bytes: broken, type: 'image/png' });

    // Meanwhile the first tipster goes on with their report: every answer is answered within 2 s.
    const latencies: number[] = [];
    for (const answer of ['2', 'están tocando puertas', 'ahora mismo', 'como 4']) {
      const count = f.sentTexts(TALKER.uuid).length;
      const sentAt = Date.now();
      push(TALKER, answer);
      latencies.push((await replies(TALKER, count, sentAt)).ms);
      await sleep(BURST_MS + 100);
    }

    // Each photo's sender is told what became of it.
    const bomber = await replies(BOMBER, before.bomber, 0);
    const bigReply = await replies(BIG, before.big, 0);
    const brokenReply = await replies(BROKEN, before.broken, 0);
    expect(bomber.texts[0]).toContain('Recibido (1 en total)'); // its text chunks were never read: a 16 × 16 photo
    expect(bigReply.texts[0]).toContain('Recibido (1 en total)'); // scaled down to 2048 px
    expect(brokenReply.texts[0]).toContain('No pudimos usar esa foto');

    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    const memory = memoryOf(pid);
    console.info(
      `[signal-media-bomb] talker replies in ${latencies.join(' / ')} ms; bot RSS ${Math.round(baseline.now / 2 ** 20)} MB before the photos, ` +
        `peak ${Math.round(memory.peak / 2 ** 20)} MB; ${/centinela_media_decodes_total \d+/.exec(metrics)?.[0] ?? 'no decode count'}`,
    );
    for (const ms of latencies) expect(ms).toBeLessThan(REPLY_LIMIT_MS);
    expect(memory.peak).toBeLessThan(PEAK_RSS_LIMIT);
    expect(metrics).toContain('centinela_media_decodes_total 2'); // the truncated PNG was refused before any decode
  }, 90_000);
});
