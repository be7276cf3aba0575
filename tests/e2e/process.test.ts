/**
 * The real process: a broken config exits non-zero listing each problem; killing the bot with
 * SIGKILL mid-conversation loses nothing (the tipster continues at the same step after a
 * restart), and a message delivered twice is answered once.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort, startBot, tempDir, waitHealthy, writeConfig } from './process.js';

const SECRET = 'e2e-secret-e2e-secret-e2e-secret-e2e-secret';

interface SimMessage {
  text: string;
}

async function post(port: number, body: Record<string, unknown>): Promise<Response> {
  return fetch(`http://127.0.0.1:${port}/simulator/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function botMessages(port: number, chat: string): Promise<SimMessage[]> {
  const res = await fetch(`http://127.0.0.1:${port}/simulator/messages?chat=${encodeURIComponent(chat)}`);
  return (await res.json()) as SimMessage[];
}

async function waitFor<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the bot process', () => {
  it('refuses a broken config, printing each problem with its path', async () => {
    const dir = tempDir();
    const file = join(dir, 'broken.yaml');
    writeFileSync(
      file,
      `network: { name: X, hotline: "+1 555", timezone: America/Nowhere, languages: [es, fr] }
http: { port: 70000 }
zones:
  - id: a
    name: { en: A }
    area: { center: [34, -118], radiusMeters: -5 }
`,
    );
    const bot = startBot({ CENTINELA_CONFIG: file, CENTINELA_SECRET: SECRET });
    const code = await bot.exited;
    expect(code).not.toBe(0);
    const out = bot.output();
    expect(out).toContain('network.timezone');
    expect(out).toContain('network.languages[1]');
    expect(out).toContain('http.port');
    expect(out).toContain('zones[0].area.radiusMeters');
  });

  it('refuses to start a real network config without a secret', async () => {
    const dir = tempDir();
    const bot = startBot({ CENTINELA_CONFIG: writeConfig(dir, await freePort()), CENTINELA_SECRET: '', CENTINELA_SECRET_FILE: '' });
    expect(await bot.exited).not.toBe(0);
    expect(bot.output()).toContain('CENTINELA_SECRET_FILE');
  });

  it('survives SIGKILL mid-conversation and answers a redelivered message once', async () => {
    const dir = tempDir();
    const port = await freePort();
    const env = { CENTINELA_CONFIG: writeConfig(dir, port, 'intake: { burstSeconds: 1 }\n'), CENTINELA_SECRET: SECRET };
    let bot = startBot(env);
    try {
      await waitHealthy(port);
      expect((await post(port, { sender: 'rosa', text: 'hola', id: 'r-1' })).status).toBe(202);
      await new Promise((r) => setTimeout(r, 1200)); // beyond the burst window
      expect((await post(port, { sender: 'rosa', text: 'no', id: 'r-2' })).status).toBe(202);
      const before = await waitFor(() => botMessages(port, 'rosa'), (m) => m.length >= 3);
      expect(before.at(-1)?.text).toMatch(/Qué están haciendo/);

      bot.child.kill('SIGKILL');
      await bot.exited;
      bot = startBot(env);
      await waitHealthy(port);

      // The platform redelivers the last message after the crash: it must not be answered again.
      expect((await post(port, { sender: 'rosa', text: 'no', id: 'r-2' })).status).toBe(202);
      expect((await post(port, { sender: 'rosa', text: 'están tocando puertas', id: 'r-3' })).status).toBe(202);
      const after = await waitFor(() => botMessages(port, 'rosa'), (m) => m.length >= before.length + 1);
      expect(after.length).toBe(before.length + 1);
      expect(after.at(-1)?.text).toMatch(/Dónde/);
    } finally {
      bot.child.kill('SIGKILL');
      await bot.exited;
    }
  }, 60_000);
});
